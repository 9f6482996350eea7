import { ownsEventByName, type KindFold } from '../core/kindDefinition.ts';
import { apply, initialState } from './apply.ts';
import type { DomainEvent, DomainEventType } from './events.ts';
import type { LeanCoffeeTypes } from './leanCoffeeTypes.ts';
import type { SessionState, Timer } from './state.ts';

/** Every event a Lean Coffee logs; the record's type makes a missing or unknown name a type error. */
const leanCoffeeEventNames: Record<DomainEventType, true> = {
  'session:created': true,
  'settings:updated': true,
  'participant:joined': true,
  'participant:presence-changed': true,
  'participant:renamed': true,
  'participant:role-changed': true,
  'participant:bound': true,
  'access:changed': true,
  'phase:changed': true,
  'topic:added': true,
  'topic:edited': true,
  'topic:removed': true,
  'topic:extended': true,
  'topic:status-changed': true,
  'topics:merged': true,
  'agenda:reordered': true,
  'vote:cast': true,
  'vote:retracted': true,
  'votes:revealed': true,
  'timer:set': true,
  'thumbs:opened': true,
  'thumbs:cast': true,
  'thumbs:revealed': true,
  'thumbs:closed': true,
  'outcome:added': true,
  'outcome:edited': true,
  'outcome:removed': true,
  'closing:submitted': true,
  'roti:cast': true,
  'takeaway:highlighted': true,
  'hall:relayed': true,
  'hall:help-changed': true,
};

/** The timer a Lean Coffee's devices count down: its one timer. */
export function leanCoffeeTimer(state: SessionState): Timer {
  return state.timer;
}

/** How a Lean Coffee is folded: what a phone showing one needs, without rules or schemas. */
export const leanCoffeeFold: KindFold<LeanCoffeeTypes> = {
  kind: 'lean-coffee',
  ownsEvent: ownsEventByName<DomainEvent>(leanCoffeeEventNames),
  initial: (first) => (first.type === 'session:created' ? initialState(first) : null),
  apply,
  timerOf: leanCoffeeTimer,
};
