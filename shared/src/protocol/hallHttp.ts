import { z } from 'zod';
import { hallLimits } from '../hall/hallState.ts';
import type { AppError } from './errors.ts';
import type { Seat } from './http.ts';
import { secretSchema } from './http.ts';
import {
  displayNameSchema,
  idSchema,
  leanCoffeeSettingsChangeSchema,
  seatDeviceLabelSchema,
  sessionTitleSchema,
} from './schemas.ts';

/** A table's number as people type it from a poster: 1 to the most tables a hall may have. */
export const hallTableNumberSchema = z.number().int().min(1).max(hallLimits.tablesMax);

/** How the organiser wants tables made: so many tables, or tables of so many people. */
export const hallSeatingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('count'), tables: hallTableNumberSchema }),
  z.strictObject({
    mode: z.literal('size'),
    size: z.number().int().min(hallLimits.tableSizeMin).max(hallLimits.tableSizeMax),
  }),
]);

/** `POST /api/halls`: open a hall; every table runs a Lean Coffee with these settings. */
export const createHallRequestSchema = z.strictObject({
  title: sessionTitleSchema,
  organiserName: displayNameSchema,
  settings: z._default(leanCoffeeSettingsChangeSchema, {}),
  seating: hallSeatingSchema,
  /** Dots each person places across tables in the harvest; the hall's default (3) when left out. */
  harvestDots: z.number().int().min(1).max(hallLimits.harvestDotsMax).optional(),
});
export type CreateHallRequest = z.input<typeof createHallRequestSchema>;

/** `POST /api/halls/:code/join`: a phone takes a seat in the hall, at `table` (the poster's QR) if that one is open. */
export const joinHallRequestSchema = z.strictObject({
  name: displayNameSchema,
  table: hallTableNumberSchema.optional(),
  /** What this phone calls itself in its seats' device lists. */
  deviceLabel: seatDeviceLabelSchema.optional(),
});
export type JoinHallRequest = z.input<typeof joinHallRequestSchema>;

/**
 * `POST /api/halls/:code/table-seat`: a phone proves its hall seat and gets a seat at its table
 * (after a merge, after losing it, or at `table` when it moves there). With `tableSeat`, a seat
 * this phone holds at that table from before (it moved away and comes back): when its token
 * proves it, the answer is that seat, so the phone is not seated there a second time.
 */
export const hallTableSeatRequestSchema = z.strictObject({
  participantId: idSchema,
  token: secretSchema,
  table: hallTableNumberSchema.optional(),
  tableSeat: z.strictObject({ participantId: idSchema, token: secretSchema }).optional(),
  deviceLabel: seatDeviceLabelSchema.optional(),
});
export type HallTableSeatRequest = z.input<typeof hallTableSeatRequestSchema>;

/** A seat at one table: the table's Lean Coffee (its own code) and the phone's seat in it. */
export interface HallTableSeat extends Seat {
  number: number;
}

/**
 * The answer to a hall join and to a table seat: the hall seat (its token is the one the phone
 * already holds, in the answer to a table seat) and the seat at the table the phone goes to.
 */
export interface HallSeatResponse {
  hall: Seat;
  table: HallTableSeat;
}

/**
 * The answer to a join whose hall seat was taken but whose table seat was not (the store away
 * for a moment, the table's session gone): the error, with the new hall seat, so the phone keeps
 * it and asks `table-seat` again instead of joining the hall a second time.
 */
export interface HallJoinTableFailure {
  ok: false;
  error: AppError;
  hall: Seat;
}
