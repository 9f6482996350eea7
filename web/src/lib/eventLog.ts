import {
  applyAnyAll,
  initialState,
  initialTeamSpace,
  type AnyEvent,
  type AnyState,
  type AnyVersionedEvent,
} from '@runde/shared/client';

/** A client's copy of a session: the state and the version it reflects. */
export interface Replica<S extends AnyState = AnyState> {
  state: S | null;
  version: number;
}

export type MergeResult<S extends AnyState = AnyState> =
  /** The events continued the replica; here is the new one. */
  | { kind: 'applied'; replica: Replica<S> }
  /** Nothing new: every event was already applied. */
  | { kind: 'unchanged' }
  /** Something is missing between the replica and these events: ask the server to sync. */
  | { kind: 'gap' };

/** Only a session's very first event can start a state; which one says the kind. */
function start(first: AnyEvent | undefined): AnyState | null {
  if (first?.type === 'session:created') return initialState(first);
  if (first?.type === 'space:created') return initialTeamSpace(first);
  return null;
}

/**
 * Folds pushed or synced events into a replica. Events at or below the replica's version were
 * already applied and are skipped (a push can overlap a sync); the rest must continue the
 * version without a hole, or nothing is applied and the caller syncs.
 *
 * A session's log holds events of its own kind only, so the folded state keeps the replica's kind `S`.
 */
export function mergeEvents<S extends AnyState>(
  replica: Replica<S>,
  events: readonly AnyVersionedEvent[],
): MergeResult<S> {
  const fresh = events.filter((e) => e.version > replica.version).sort((a, b) => a.version - b.version);
  if (fresh.length === 0) return { kind: 'unchanged' };
  for (let i = 0; i < fresh.length; i += 1) {
    if (fresh[i]?.version !== replica.version + 1 + i) return { kind: 'gap' };
  }
  let state: AnyState | null = replica.state;
  let rest = fresh.map((e) => e.event);
  if (!state) {
    state = start(rest[0]);
    if (!state) return { kind: 'gap' };
    rest = rest.slice(1);
  }
  const last = fresh[fresh.length - 1];
  return {
    kind: 'applied',
    replica: { state: applyAnyAll(state, rest) as S, version: last?.version ?? replica.version },
  };
}
