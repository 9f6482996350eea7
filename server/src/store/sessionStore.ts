import type { AnyEvent, AnyState, AnyVersionedEvent } from '@runde/shared';

/** A session as stored: the folded state and the version (number of events) it reflects. */
export interface StoredSession {
  state: AnyState;
  version: number;
}

/** Lets a device prove a seat later. Only the sha256 of the token is ever stored. */
export interface TokenGrant {
  tokenHash: string;
  participantId: string;
}

/** Lets whoever holds the facilitator link take the facilitator's seat back. Hash only, like tokens. */
export interface FacilitatorKeyGrant {
  keyHash: string;
  participantId: string;
}

export interface CreateSessionInput {
  events: AnyEvent[];
  state: AnyState;
  tokens: TokenGrant[];
  facilitatorKeys: FacilitatorKeyGrant[];
}

export type CommitResult =
  | { ok: true; version: number }
  /** Someone else committed first; here is what they left, so the caller can decide again without a read. */
  | { ok: false; reason: 'conflict'; current: StoredSession }
  /** The session never existed or its retention ran out. */
  | { ok: false; reason: 'missing' };

export interface CommitOptions {
  grantTokens?: TokenGrant[];
}

/**
 * Where sessions live. Everything about a session is here and nowhere in process memory, so any
 * number of server nodes can share one store. Every write is atomic and refreshes the retention of
 * all of the session's data together.
 */
export interface SessionStore {
  readonly kind: 'redis' | 'memory';
  /** Stores a new session at version `events.length`. Returns false, writing nothing, when the id is taken. */
  create(id: string, input: CreateSessionInput): Promise<boolean>;
  load(id: string): Promise<StoredSession | null>;
  /**
   * Appends `events` and replaces the snapshot with `nextState`, but only if the session is still at
   * `expectedVersion`. Events get the versions `expectedVersion + 1 …`.
   */
  commit(
    id: string,
    expectedVersion: number,
    events: AnyEvent[],
    nextState: AnyState,
    options?: CommitOptions,
  ): Promise<CommitResult>;
  /**
   * The events after `version`, oldest first; `[]` when nothing happened since. `null` when the
   * kept log no longer reaches back that far, the version is ahead of the session, or the session is gone:
   * the caller sends a snapshot instead.
   */
  eventsSince(id: string, version: number): Promise<AnyVersionedEvent[] | null>;
  participantForToken(id: string, tokenHash: string): Promise<string | null>;
  facilitatorForKey(id: string, keyHash: string): Promise<string | null>;
  /** Whether the backing service answers now. Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The store could not be reached. Handlers tell the client `unavailable` rather than `internal`. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** How many events a session keeps for catching up; a client further behind gets a snapshot. */
export const DEFAULT_MAX_EVENTS = 1000;
