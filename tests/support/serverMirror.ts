import { apply, type SessionState, type SyncResult, type VersionedEvent } from '@runde/shared';

/**
 * What a client holds: the state it was sent, advanced with the shared `apply` by the events it
 * receives, strictly in version order. Tests compare mirrors with the server's own view.
 */
export class ClientMirror {
  state: SessionState | null = null;
  version = 0;
  you: string | null = null;
  /** Pushes that arrive before the first snapshot; applied on top of it once it comes. */
  #early: VersionedEvent[] = [];

  /** Applies a pushed or synced batch. Returns false on a gap (an event missing before the batch). */
  applyEvents(events: readonly VersionedEvent[]): boolean {
    if (!this.state) {
      this.#early.push(...events);
      return true;
    }
    for (const { version, event } of events) {
      if (version <= this.version) continue;
      if (version !== this.version + 1) return false;
      this.state = apply(this.state, event);
      this.version = version;
    }
    return true;
  }

  /** Returns false when a sync answer could not be applied (so the caller syncs again). */
  applySync(result: SyncResult): boolean {
    if (result.kind === 'events') return this.applyEvents(result.events);
    // A snapshot older than what arrived meanwhile by broadcast is stale; keep the newer state.
    if (!this.state || result.version >= this.version) {
      this.state = result.state;
      this.version = result.version;
      this.you = result.you;
    }
    const early = this.#early;
    this.#early = [];
    return this.applyEvents(early);
  }
}
