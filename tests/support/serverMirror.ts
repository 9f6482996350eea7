import {
  everyKindFold,
  mergeEvents,
  type KindState,
  type CommandResult,
  type KindVersionedEvent,
  type SessionState,
  type SyncResult,
  type TeamSpaceState,
} from '@runde/shared';

/** The Lean Coffee a state is, for tests that only run Lean Coffee; throws on a team space. */
export function leanCoffee(state: KindState): SessionState;
export function leanCoffee(state: KindState | null | undefined): SessionState | null;
export function leanCoffee(state: KindState | null | undefined): SessionState | null {
  if (!state) return null;
  if (state.kind !== 'lean-coffee') throw new Error(`expected a Lean Coffee, got a ${state.kind}`);
  return state;
}

/**
 * What a client holds: the state it was sent, advanced by the events it receives with the web
 * app's own `mergeEvents` (strictly in version order, overlaps skipped, nothing applied across a
 * gap). Tests compare mirrors with the server's own view.
 */
export class ClientMirror {
  /** The state of either kind; {@link state} and {@link space} narrow it. */
  current: KindState | null = null;
  version = 0;
  you: string | null = null;
  /** Pushes that arrive before the first snapshot; applied on top of it once it comes. */
  #early: KindVersionedEvent[] = [];

  /** The Lean Coffee held; throws when this client holds a team space. */
  get state(): SessionState | null {
    return leanCoffee(this.current);
  }

  /** The team space held; throws when this client holds a Lean Coffee. */
  get space(): TeamSpaceState | null {
    if (!this.current) return null;
    if (this.current.kind !== 'team-space') throw new Error('expected a team space');
    return this.current;
  }

  /** Applies a pushed or synced batch. Returns false on a gap (an event missing before the batch). */
  applyEvents(events: readonly KindVersionedEvent[]): boolean {
    if (!this.current) {
      this.#early.push(...events);
      return true;
    }
    const result = mergeEvents({ state: this.current, version: this.version }, events, everyKindFold);
    if (result.kind === 'applied') {
      this.current = result.replica.state;
      this.version = result.replica.version;
    }
    return result.kind !== 'gap';
  }

  /**
   * Applies the events a command's ack carries (the sender's own, masked for it). Returns false
   * when they do not continue this copy yet (the pushes before them are still on their way).
   */
  acked(result: CommandResult): boolean {
    return this.applyEvents(result.events);
  }

  /** Returns false when a sync answer could not be applied (so the caller syncs again). */
  applySync(result: SyncResult): boolean {
    if (result.kind === 'events') return this.applyEvents(result.events);
    // A snapshot older than what arrived meanwhile by broadcast is stale; keep the newer state.
    if (!this.current || result.version >= this.version) {
      this.current = result.state;
      this.version = result.version;
      this.you = result.you;
    }
    const early = this.#early;
    this.#early = [];
    return this.applyEvents(early);
  }
}
