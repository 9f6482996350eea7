import { applyAll, initialState, type SessionState, type VersionedEvent } from '@runde/shared/client';

/** A client's copy of a session: the state and the version it reflects. */
export interface Replica {
  state: SessionState | null;
  version: number;
}

export type MergeResult =
  /** The events continued the replica; here is the new one. */
  | { kind: 'applied'; replica: Replica }
  /** Nothing new: every event was already applied. */
  | { kind: 'unchanged' }
  /** Something is missing between the replica and these events: ask the server to sync. */
  | { kind: 'gap' };

/**
 * Folds pushed or synced events into a replica. Events at or below the replica's version were
 * already applied and are skipped (a push can overlap a sync); the rest must continue the
 * version without a hole, or nothing is applied and the caller syncs.
 */
export function mergeEvents(replica: Replica, events: readonly VersionedEvent[]): MergeResult {
  const fresh = events.filter((e) => e.version > replica.version).sort((a, b) => a.version - b.version);
  if (fresh.length === 0) return { kind: 'unchanged' };
  for (let i = 0; i < fresh.length; i += 1) {
    if (fresh[i]?.version !== replica.version + 1 + i) return { kind: 'gap' };
  }
  let state = replica.state;
  let rest = fresh.map((e) => e.event);
  if (!state) {
    // Without a state only a session's very first event can start one.
    const [first, ...others] = rest;
    if (first?.type !== 'session:created') return { kind: 'gap' };
    state = initialState(first);
    rest = others;
  }
  const last = fresh[fresh.length - 1];
  return { kind: 'applied', replica: { state: applyAll(state, rest), version: last?.version ?? replica.version } };
}
