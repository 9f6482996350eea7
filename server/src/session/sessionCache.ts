import { applyEvents, type KindVersionedEvent } from '@runde/shared';
import type { StoredSession } from '../store/sessionStore.ts';

interface Entry {
  session: StoredSession;
  /** The store's epoch when this copy was taken; a copy from an earlier connection is not trusted. */
  epoch: number;
}

/**
 * This node's last known copy of recently used sessions, so that a command usually costs one
 * store round trip (the commit) instead of two (load, then commit). Never the source of truth:
 * every commit is checked against the stored version, and a stale copy only costs a conflict,
 * whose reply carries the current state. Bounded, least recently used first out.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;

  constructor(capacity = 2_000) {
    this.#capacity = capacity;
  }

  get(id: string, epoch: number): StoredSession | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.epoch !== epoch) {
      this.#entries.delete(id);
      return undefined;
    }
    // Re-inserting moves it to the back: Map iteration order is the eviction order.
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry.session;
  }

  set(id: string, session: StoredSession, epoch: number): void {
    this.#entries.delete(id);
    this.#entries.set(id, { session, epoch });
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }

  /**
   * Folds events committed elsewhere (another node) into the copy when they continue it exactly;
   * otherwise drops the copy, and the next command loads afresh.
   */
  follow(id: string, events: readonly KindVersionedEvent[]): void {
    const entry = this.#entries.get(id);
    if (!entry || events.length === 0) return;
    const fresh = events.filter((e) => e.version > entry.session.version);
    if (fresh.length === 0) return;
    const continues = fresh.every((e, i) => e.version === entry.session.version + 1 + i);
    if (!continues) {
      this.#entries.delete(id);
      return;
    }
    const version = fresh[fresh.length - 1]?.version ?? entry.session.version;
    entry.session = {
      state: applyEvents(
        entry.session.state,
        fresh.map((e) => e.event),
      ),
      version,
    };
  }

  get size(): number {
    return this.#entries.size;
  }
}
