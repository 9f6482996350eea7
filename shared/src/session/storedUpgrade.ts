import type { LoopEvent } from '../teamSpace/events.ts';
import {
  isLoopEventInCurrentShape,
  upgradeStoredLoopEvent,
  upgradeStoredTeamSpace,
} from '../teamSpace/storedUpgrade.ts';
import { applyAny, type AnyEvent, type AnyState } from './anySession.ts';

/**
 * Folds a stored snapshot and the logged events after it into today's shape: the snapshot is
 * upgraded first, then each event is completed from the state it meets before it is applied.
 * Data written by this release passes through unchanged.
 */
export function foldStoredSession(snapshot: AnyState, events: readonly AnyEvent[]): AnyState {
  if (snapshot.kind === 'lean-coffee') return events.reduce(applyAny, snapshot);
  let state = upgradeStoredTeamSpace(snapshot);
  for (const event of events) {
    const next = applyAny(state, upgradeStoredLoopEvent(state, event as LoopEvent));
    if (next.kind !== 'team-space') throw new Error('A team space stays a team space');
    state = next;
  }
  return state;
}

/** Whether a logged event can be masked and sent as it is (see `isLoopEventInCurrentShape`). */
export function isStoredEventInCurrentShape(event: AnyEvent): boolean {
  return isLoopEventInCurrentShape(event as LoopEvent);
}
