import { deviceIdOf } from '@runde/shared';
import type {
  DeviceGrantInfo,
  GrantDeviceOptions,
  GrantDeviceResult,
  RevokedDevice,
  StoredSeatDevice,
  StoredSeatLink,
} from './seatDeviceStore.ts';

/**
 * One session's tokens with their device records and open seat links, in memory: the same rules
 * as the Redis scripts in `seatDeviceScripts.ts` (the contract suite runs against both). Records
 * and links are kept as JSON, like Redis keeps them, so no caller holds a reference into the store.
 */
export class MemorySeatDevices {
  /** tokenHash → participantId: what the handshake reads. */
  readonly tokens = new Map<string, string>();
  /** participantId → JSON of its `StoredSeatDevice[]`. */
  readonly #devices = new Map<string, string>();
  /** secretHash → JSON of its `StoredSeatLink`, in the order they were made. */
  readonly #links = new Map<string, string>();

  /** Adds a token (and its device record when the grant names the device) without any check: a new seat's first. */
  add(tokenHash: string, participantId: string, device: DeviceGrantInfo | undefined): void {
    this.tokens.set(tokenHash, participantId);
    if (!device) return;
    const record = this.#record(participantId).filter((d) => d.tokenHash !== tokenHash);
    this.#write(participantId, [...record, { id: deviceIdOf(tokenHash), tokenHash, ...device }]);
  }

  /** Recorded devices first, then tokens without a record (granted before devices were recorded). */
  devicesOf(participantId: string): StoredSeatDevice[] {
    const record = this.#record(participantId);
    const recorded = new Set(record.map((d) => d.tokenHash));
    const earlier = [...this.tokens]
      .filter(([hash, owner]) => owner === participantId && !recorded.has(hash))
      .map(([tokenHash]): StoredSeatDevice => ({
        id: deviceIdOf(tokenHash),
        tokenHash,
        label: '',
        addedAt: 0,
        via: 'earlier',
      }));
    return [...record, ...earlier];
  }

  grant(
    grant: { tokenHash: string; participantId: string; device: DeviceGrantInfo },
    options: GrantDeviceOptions,
  ): GrantDeviceResult {
    const { participantId } = grant;
    const replaced = options.replaceTokenHash;
    const replacedOwner = replaced === undefined ? undefined : this.tokens.get(replaced);
    const revokeIds = new Set(options.revokeDeviceIds ?? []);
    const kept = this.devicesOf(participantId).filter(
      (d) => !revokeIds.has(d.id) && !(replacedOwner === participantId && d.tokenHash === replaced),
    );
    if (kept.length + 1 > options.cap) return { ok: false, reason: 'cap' };
    const revoked: RevokedDevice[] = this.revoke(participantId, [...revokeIds]).map((deviceId) => ({
      participantId,
      deviceId,
    }));
    if (replaced !== undefined && replacedOwner !== undefined && replaced !== grant.tokenHash) {
      revoked.push(...this.#revokeToken(replaced, replacedOwner));
    }
    this.add(grant.tokenHash, participantId, grant.device);
    return { ok: true, revoked };
  }

  revoke(participantId: string, deviceIds: readonly string[]): string[] {
    const wanted = new Set(deviceIds);
    const gone = this.devicesOf(participantId).filter((d) => wanted.has(d.id));
    for (const device of gone) this.#revokeToken(device.tokenHash, participantId);
    return gone.map((d) => d.id);
  }

  putLink(secretHash: string, link: StoredSeatLink, maxOpen: number, now: number): void {
    for (const [hash, json] of this.#links) {
      if ((JSON.parse(json) as StoredSeatLink).expiresAt <= now) this.#links.delete(hash);
    }
    this.#links.set(secretHash, JSON.stringify(link));
    const own = [...this.#links].filter(
      ([, json]) => (JSON.parse(json) as StoredSeatLink).participantId === link.participantId,
    );
    for (const [hash] of own.slice(0, Math.max(0, own.length - maxOpen))) this.#links.delete(hash);
  }

  takeLink(secretHash: string, now: number): StoredSeatLink | null {
    const json = this.#links.get(secretHash);
    if (json === undefined) return null;
    this.#links.delete(secretHash);
    const link = JSON.parse(json) as StoredSeatLink;
    return link.expiresAt > now ? link : null;
  }

  repoint(from: string, into: string): void {
    if (from === into) return;
    const moved = this.devicesOf(from).filter((d) => d.via !== 'earlier');
    for (const [hash, owner] of this.tokens) if (owner === from) this.tokens.set(hash, into);
    this.#write(into, [...this.#record(into), ...moved]);
    this.#devices.delete(from);
    for (const [hash, json] of this.#links) {
      const link = JSON.parse(json) as StoredSeatLink;
      if (link.participantId === from) this.#links.set(hash, JSON.stringify({ ...link, participantId: into }));
    }
  }

  #revokeToken(tokenHash: string, participantId: string): RevokedDevice[] {
    this.tokens.delete(tokenHash);
    this.#write(
      participantId,
      this.#record(participantId).filter((d) => d.tokenHash !== tokenHash),
    );
    return [{ participantId, deviceId: deviceIdOf(tokenHash) }];
  }

  #record(participantId: string): StoredSeatDevice[] {
    const json = this.#devices.get(participantId);
    return json === undefined ? [] : (JSON.parse(json) as StoredSeatDevice[]);
  }

  #write(participantId: string, record: StoredSeatDevice[]): void {
    if (record.length === 0) this.#devices.delete(participantId);
    else this.#devices.set(participantId, JSON.stringify(record));
  }
}
