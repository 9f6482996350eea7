import type { SeatDeviceVia } from '@runde/shared';

/**
 * A seat's devices as the store keeps them, beside the token hashes in the session's `tokens` hash
 * (field `d:<participantId>`), so they share the session's retention, deletion and hash slot, and
 * the handshake still proves a token with one HGET. Each device holds its own token; the record
 * carries its hash so revoking the device can delete the token in the same step.
 */
export interface StoredSeatDevice {
  /** `deviceIdOf(tokenHash)`. */
  id: string;
  tokenHash: string;
  label: string;
  addedAt: number;
  via: SeatDeviceVia;
}

/** What a token grant records about the device it is for (every path that grants a token records one). */
export interface DeviceGrantInfo {
  label: string;
  via: SeatDeviceVia;
  addedAt: number;
}

/**
 * A one-time seat link as stored (field `l:<secretHash>` of the tokens hash; the secret itself is never
 * stored). `via` is what the device that opens it records: a copy, a move, or a facilitator's re-issue.
 */
export interface StoredSeatLink {
  participantId: string;
  via: 'copy' | 'move' | 'reissue';
  /** The device that made the link (a move takes the seat from it); null for a re-issued link. */
  fromDevice: string | null;
  /** Opening the link signs every other device of the seat out (a re-issue after a lost phone). */
  revokeOthers: boolean;
  expiresAt: number;
}

/** A device that lost its seat in a store write: the server tells its room `seat:ended` and closes it. */
export interface RevokedDevice {
  participantId: string;
  deviceId: string;
}

export interface GrantDeviceOptions {
  /** Devices of the granted seat removed in the same step, before the cap is checked (a move). */
  revokeDeviceIds?: readonly string[];
  /**
   * A token of another seat of this session that the receiving device proved: removed with its
   * device record in the same step (the device switches seats).
   */
  replaceTokenHash?: string;
  /** The most devices the seat may have after the grant (`DEVICES_PER_SEAT`). */
  cap: number;
}

export type GrantDeviceResult =
  | { ok: true; revoked: RevokedDevice[] }
  /** The seat would be on more than `cap` devices; nothing was written. */
  | { ok: false; reason: 'cap' }
  /** No such session. */
  | { ok: false; reason: 'missing' };

/** The seat-device part of {@link SessionStore}: the same contract for the memory and the Redis store. */
export interface SeatDeviceStore {
  /**
   * The seat's devices, oldest first. Tokens granted before devices were recorded have no record:
   * they are listed with `via: 'earlier'`, an empty label and `addedAt` 0.
   */
  seatDevices(id: string, participantId: string): Promise<StoredSeatDevice[]>;
  /**
   * Grants a token to an existing seat and records its device, atomically with `options`' revocations
   * and the cap check. Refreshes nothing else; the token shares the session's remaining retention.
   */
  grantDevice(
    id: string,
    grant: { tokenHash: string; participantId: string; device: DeviceGrantInfo },
    options: GrantDeviceOptions,
  ): Promise<GrantDeviceResult>;
  /** Removes these devices of the seat (token and record together); answers the ids that were there. */
  revokeDevices(id: string, participantId: string, deviceIds: readonly string[]): Promise<string[]>;
  /**
   * Keeps a one-time link (by its secret's hash). A seat keeps at most `maxOpen` open links: the
   * oldest (and expired ones) are dropped. False, writing nothing, when there is no session.
   */
  putSeatLink(id: string, secretHash: string, link: StoredSeatLink, maxOpen: number): Promise<boolean>;
  /**
   * Takes the link out (atomically, so only one caller ever gets it) and answers it if it was there
   * and not expired at `now`; a link taken once is gone either way.
   */
  takeSeatLink(id: string, secretHash: string, now: number): Promise<StoredSeatLink | null>;
  /**
   * Seat `from` was merged into `into`: every token of `from` now proves `into` and its device
   * records (and open links) move to `into`'s. The seat may then be on more than `DEVICES_PER_SEAT`
   * devices: none is dropped (each still works); new ones are refused until enough are removed.
   */
  repointSeat(id: string, from: string, into: string): Promise<void>;
}
