import { z } from 'zod';
import type { ParticipantId } from '../core/participants.ts';
import type { SeatDevice, SeatLinkMode } from '../session/seatDevices.ts';
import { secretSchema, type Seat } from './http.ts';
import { idSchema, seatDeviceLabelSchema } from './schemas.ts';

/**
 * Seats on more than one device: the wire. A seat link's secret travels in the acknowledgement to
 * the asking socket only, and in the new device's URL fragment (never sent to the server in a URL:
 * the page posts it in a body). Pages: `/s/CODE/device#seat=SECRET` (Lean Coffee) and
 * `/t/CODE/device#seat=SECRET` (team space), see {@link seatLinkPath}.
 */

// Defined beside the other field schemas, so the join and create requests in http.ts can use it too.
export { seatDeviceLabelSchema } from './schemas.ts';

/** `seat:link`: this seat's secret link for another device, moving or copying the seat. */
export const seatLinkRequestSchema = z.strictObject({ mode: z.enum(['move', 'copy']) });
export type SeatLinkRequest = z.infer<typeof seatLinkRequestSchema>;

/** `seat:reissue`: a facilitator's new link for a member's seat (a lost phone); it never shows an old one. */
export const seatReissueRequestSchema = z.strictObject({
  participantId: idSchema,
  /** Sign every device the seat has out when the link is opened (the lost phone among them). */
  revokeOthers: z.boolean(),
});
export type SeatReissueRequest = z.infer<typeof seatReissueRequestSchema>;

/** The link, in the acknowledgement to the asking socket only. Opens once, until `expiresAt` (server clock). */
export interface SeatLink {
  secret: string;
  mode: SeatLinkMode;
  expiresAt: number;
}

/** `seat:devices` carries nothing: the asking seat's own devices. */
export const seatDevicesRequestSchema = z.strictObject({});
export type SeatDevicesRequest = z.infer<typeof seatDevicesRequestSchema>;
export interface SeatDevices {
  devices: SeatDevice[];
}

/** `seat:revoke-device`: one of the asking seat's devices (its own current one too: "forget this device"). */
export const seatRevokeDeviceRequestSchema = z.strictObject({ deviceId: z.string().regex(/^[A-Za-z0-9_-]{16}$/) });
export type SeatRevokeDeviceRequest = z.infer<typeof seatRevokeDeviceRequestSchema>;
export interface SeatDeviceRevoked {
  revoked: true;
}

/**
 * Pushed to one device just before the server closes its socket because the device no longer
 * holds this seat: moved to another device, revoked (by its owner, or a re-issued link with
 * `revokeOthers`), signed out, or merged into another seat (then the same token now proves `into`,
 * and the device reconnects as that seat).
 */
export type SeatEndedNotice =
  { reason: 'moved' | 'revoked' | 'signed-out' } | { reason: 'merged'; into: ParticipantId };

/** `POST /api/sessions/:code/seat-link`: open a seat link on this device. Answers a seat like a join. */
export const openSeatLinkRequestSchema = z.strictObject({
  secret: secretSchema,
  deviceLabel: seatDeviceLabelSchema,
  /** The seat this device holds in the session already, if any: replaced (its token is revoked) by the link's. */
  seat: z.strictObject({ participantId: idSchema, token: secretSchema }).optional(),
});
export type OpenSeatLinkRequest = z.input<typeof openSeatLinkRequestSchema>;
export type OpenSeatLinkResponse = Seat;

/** Where a seat link opens, by kind of session: the secret only ever in the fragment. */
export function seatLinkPath(kind: 'lean-coffee' | 'team-space', code: string, secret: string): string {
  return `/${kind === 'team-space' ? 't' : 's'}/${code}/device#seat=${secret}`;
}
