import type { DomainError } from '../core/decision.ts';
import type { Participant, ParticipantId } from '../core/participants.ts';
import { ErrorCode } from '../protocol/errors.ts';

/**
 * A seat's devices. A seat (a participant) is proven by a token; each device holds its own token,
 * so a device can be revoked without touching the others. The server keeps only each token's hash
 * and this record; the record's `id` is derived from the hash (see {@link deviceIdOf}), never the token.
 */

/** How a device got the seat: its own join, a seat link (copied or moved), a facilitator's re-issued link, the facilitator link, a sign-in, or before devices were recorded. */
export type SeatDeviceVia = 'join' | 'copy' | 'move' | 'reissue' | 'facilitator-link' | 'sign-in' | 'earlier';

/** What a seat's owner sees of one of its devices (never the token or its hash). */
export interface SeatDevice {
  id: string;
  /** A short description the device gave itself ("Firefox on Android"), bounded by `seatDeviceLabelSchema`. */
  label: string;
  addedAt: number;
  via: SeatDeviceVia;
  /** Set on the device that asked for the list. */
  current?: true;
}

/** Move: the new device takes the seat and the device that made the link loses it. Copy: both keep it. */
export type SeatLinkMode = 'move' | 'copy';

/** Devices one seat may hold at once; a link or join beyond it is refused until one is revoked. */
export const DEVICES_PER_SEAT = 10;
/** How long a seat link (and a re-issued link) can be opened: once, within this time. */
export const SEAT_LINK_TTL_MS = 15 * 60 * 1000;

/**
 * A device's id: the first 16 characters of its token's hash (sha256, base64url: 96 bits), so the
 * handshake knows it without a lookup. Not a secret, yet shown only to the seat's own devices.
 */
export function deviceIdOf(tokenHash: string): string {
  return tokenHash.slice(0, 16);
}

/** Why a seat cannot take one more device, or undefined. */
export function deviceCapRefusal(deviceCount: number): DomainError | undefined {
  return deviceCount >= DEVICES_PER_SEAT
    ? { code: ErrorCode.limitReached, message: 'This seat is on too many devices. Remove one first.' }
    : undefined;
}

/**
 * Whether `actor` may re-issue `target`'s seat link (a lost phone): facilitators only, for a seat
 * other than their own (their own goes through "use on another device"). The member list offers
 * exactly this; the server checks the same predicate.
 */
export function mayReissueSeat(
  participants: readonly Participant[],
  actorId: ParticipantId,
  targetId: ParticipantId,
): boolean {
  const actor = participants.find((p) => p.id === actorId);
  return actor?.role === 'facilitator' && actorId !== targetId && participants.some((p) => p.id === targetId);
}

/**
 * What opening a seat link does to the seat's other devices: a moved seat leaves the device that
 * made the link; a re-issued link with `revokeOthers` leaves every device the seat had.
 */
export function devicesToRevoke(
  link: { mode: SeatLinkMode; fromDevice: string | null; revokeOthers: boolean },
  devices: readonly Pick<SeatDevice, 'id'>[],
): string[] {
  if (link.revokeOthers) return devices.map((d) => d.id);
  if (link.mode === 'move' && link.fromDevice) return devices.filter((d) => d.id === link.fromDevice).map((d) => d.id);
  return [];
}
