import { apply, replay } from '../leanCoffee/apply.ts';
import type { DomainEvent } from '../leanCoffee/events.ts';
import type { SessionState, Timer } from '../leanCoffee/state.ts';
import { eventFor, viewFor, type Viewer } from '../leanCoffee/view.ts';
import { applyLoop, replayLoop } from '../teamSpace/apply.ts';
import type { LoopEvent } from '../teamSpace/events.ts';
import type { TeamSpaceState } from '../teamSpace/state.ts';
import { loopEventFor, loopViewFor } from '../teamSpace/view.ts';

/** Any session the server runs: a Lean Coffee or a LOOP team space, told apart by `kind`. */
export type AnyState = SessionState | TeamSpaceState;

/** The kinds of session, as reported to the join page. */
export type SessionKind = AnyState['kind'];

/** An event of either kind of session. Which `apply` it belongs to follows from the state it meets. */
export type AnyEvent = DomainEvent | LoopEvent;

/** An event of either kind as stored and sent, with the version it produced. */
export interface AnyVersionedEvent {
  version: number;
  event: AnyEvent;
}

/**
 * Events of a session are only ever folded into a state of the same kind (one log per session),
 * so pairing a state with an event of the other kind is a bug, not a case to handle.
 */
function mismatch(state: AnyState, event: AnyEvent): never {
  throw new Error(`Event ${event.type} does not belong to a ${state.kind} session`);
}

const loopOnly = new Set<string>(['space:created']);
const leanCoffeeOnly = new Set<string>(['session:created']);

/** Folds one event into a state of its own kind. */
export function applyAny(state: AnyState, event: AnyEvent): AnyState {
  if (state.kind === 'lean-coffee') {
    if (loopOnly.has(event.type)) mismatch(state, event);
    return apply(state, event as DomainEvent);
  }
  if (leanCoffeeOnly.has(event.type)) mismatch(state, event);
  return applyLoop(state, event as LoopEvent);
}

export function applyAnyAll(state: AnyState, events: readonly AnyEvent[]): AnyState {
  return events.reduce(applyAny, state);
}

/** Rebuilds a session of either kind from its full log; the opening event says which kind. */
export function replayAny(events: readonly AnyEvent[]): AnyState {
  const first = events[0];
  if (first?.type === 'space:created') return replayLoop(events as LoopEvent[]);
  return replay(events as DomainEvent[]);
}

/** The copy of a state one viewer may hold, masked by the rules of its kind. */
export function viewForAny(state: AnyState, viewer: Viewer): AnyState {
  return state.kind === 'lean-coffee' ? viewFor(state, viewer) : loopViewFor(state, viewer);
}

/**
 * The copy of one event a viewer may receive. The event types of the two kinds that carry
 * something to mask never share a name, so each masking function leaves the other kind's events alone.
 */
export function eventForAny(event: AnyEvent, viewer: Viewer): AnyEvent {
  return loopEventFor(eventFor(event as DomainEvent, viewer) as LoopEvent, viewer);
}

const idle: Timer = { status: 'idle' };

/** The timer a session's devices count down: Lean Coffee's one timer, or the running meeting's. */
export function timerOfAny(state: AnyState): Timer {
  return state.kind === 'lean-coffee' ? state.timer : (state.meeting?.timer ?? idle);
}
