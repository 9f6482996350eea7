import { z } from 'zod';
import {
  displayNameSchema,
  idSchema,
  leanCoffeeSettingsChangeSchema,
  seatDeviceLabelSchema,
  sessionTitleSchema,
} from './schemas.ts';
import type { SessionState } from '../leanCoffee/state.ts';
import type { SessionKind } from '../kinds.ts';

/** Secrets are long random strings; the bounds only keep absurd input out. */
export const secretSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

/** `POST /api/sessions`: start a Lean Coffee. */
export const createSessionRequestSchema = z.strictObject({
  title: sessionTitleSchema,
  facilitatorName: displayNameSchema,
  settings: z._default(leanCoffeeSettingsChangeSchema, {}),
  /** What this device calls itself in the seat's device list ("Firefox on Android"). */
  deviceLabel: seatDeviceLabelSchema.optional(),
});
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;

/** `POST /api/spaces`: open a LOOP team space. */
export const createTeamSpaceRequestSchema = z.strictObject({
  title: sessionTitleSchema,
  facilitatorName: displayNameSchema,
  deviceLabel: seatDeviceLabelSchema.optional(),
});
export type CreateTeamSpaceRequest = z.input<typeof createTeamSpaceRequestSchema>;

/** A seat on this device: who you are, and the secret that proves it. */
export interface Seat {
  sessionId: string;
  participantId: string;
  token: string;
}

export interface CreateSessionResponse extends Seat {
  /** The short code and link participants use. */
  joinCode: string;
  joinUrl: string;
  /** Restores facilitation on another device. Shown once; keep it private. */
  facilitatorUrl: string;
}

/** `POST /api/sessions/:code/participants`: take a seat. */
export const joinSessionRequestSchema = z.strictObject({
  name: displayNameSchema,
  deviceLabel: seatDeviceLabelSchema.optional(),
});
export type JoinSessionRequest = z.input<typeof joinSessionRequestSchema>;
export type JoinSessionResponse = Seat;

/** `POST /api/sessions/:code/facilitator`: take back the facilitator's seat with the secret key. */
export const claimFacilitatorRequestSchema = z.strictObject({
  key: secretSchema,
  /** The seat this device already holds in the session, if any: it is asked before it is replaced. */
  seat: z.strictObject({ participantId: idSchema, token: secretSchema }).optional(),
  /**
   * What a device with a seat of its own chose: `own-seat` makes that seat facilitate and keeps it,
   * `link-seat` moves this device to the link's seat. Without it, the server asks (see below).
   */
  choice: z.enum(['own-seat', 'link-seat']).optional(),
  deviceLabel: seatDeviceLabelSchema.optional(),
});
export type ClaimFacilitatorRequest = z.input<typeof claimFacilitatorRequestSchema>;
/** The device must choose first: it holds another seat than the link's. Names say whose seats. */
export interface ClaimFacilitatorChoice {
  choose: { yourName: string; linkName: string };
}
export type ClaimFacilitatorResponse = Seat | ClaimFacilitatorChoice;

/** `GET /api/sessions/:code`: is there such a session, and what is it called (for the join page). */
export interface SessionSummary {
  sessionId: string;
  title: string;
  /** Which page a join link leads to. */
  kind: SessionKind;
  ended: boolean;
  /** Set when the session is one table of a hall: its join link leads to the hall's page for that table. */
  table?: { hallId: string; number: number };
  /** Set when the session requires sign-in (`SessionAccess`): the join page offers sign-in instead of a name. */
  signIn?: 'required';
}

/**
 * `GET /api/sessions/:code/ended`: the read-only record of an ended Lean Coffee for someone without
 * a seat, masked as for any participant. A session that is still running answers `invalid_state`.
 */
export interface EndedSessionResponse {
  state: SessionState;
}
