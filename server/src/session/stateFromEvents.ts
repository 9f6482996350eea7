import { applyAll, initialState, type DomainEvent, type SessionState } from '@runde/shared';

/** Folds the events that open a session (the first must be `session:created`) into its state. */
export function stateFromEvents(events: readonly DomainEvent[]): SessionState {
  const [first, ...rest] = events;
  if (first?.type !== 'session:created') throw new Error('A session starts with session:created');
  return applyAll(initialState(first), rest);
}
