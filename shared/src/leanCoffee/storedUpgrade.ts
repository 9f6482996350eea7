import type { SessionState } from './state.ts';

/** A Lean Coffee as a release before halls stored it: without the hall link and the highlighted takeaway. */
type StoredLeanCoffee = Omit<SessionState, 'hall' | 'highlightId'> &
  Partial<Pick<SessionState, 'hall' | 'highlightId'>>;

/**
 * A stored Lean Coffee in today's shape; the same object when it already is. One stored before
 * halls is no table and has no highlighted takeaway. Its logged events need nothing: a
 * `session:created` without `hall` opens a session that is no table.
 */
export function upgradeStoredLeanCoffee(stored: SessionState): SessionState {
  const state: StoredLeanCoffee = stored;
  if (state.hall !== undefined && state.highlightId !== undefined) return stored;
  return { ...state, hall: state.hall ?? null, highlightId: state.highlightId ?? null };
}
