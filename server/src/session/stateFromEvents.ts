import { replayAny, type AnyEvent, type AnyState } from '@runde/shared';

/** Folds the events that open a session of either kind (`session:created` or `space:created`) into its state. */
export function stateFromEvents(events: readonly AnyEvent[]): AnyState {
  return replayAny(events);
}
