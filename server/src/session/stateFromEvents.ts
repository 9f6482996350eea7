import { replayEvents, type KindEvent, type KindState } from '@runde/shared';

/** Folds the events that open a session of either kind (`session:created` or `space:created`) into its state. */
export function stateFromEvents(events: readonly KindEvent[]): KindState {
  return replayEvents(events);
}
