import {
  applyAll,
  initialState,
  leanCoffeeTimer,
  type DomainEvent,
  type SessionState,
  type SessionFold,
} from '@runde/shared/client';

/** A Lean Coffee's replica folds with the Lean Coffee rules only; a team space's never reach this phone. */
export const leanCoffeeFold: SessionFold<SessionState> = {
  start: (first) => (first.type === 'session:created' ? initialState(first) : null),
  applyAll: (state, events) => applyAll(state, events as DomainEvent[]),
  timerOf: leanCoffeeTimer,
};
