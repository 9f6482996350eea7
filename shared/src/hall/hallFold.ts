import { ownsEventByName, type KindFold } from '../core/kindDefinition.ts';
import type { Timer } from '../core/timer.ts';
import { applyHall, initialHall } from './hallApply.ts';
import type { HallEvent } from './hallEvents.ts';
import type { HallState } from './hallState.ts';
import type { HallTypes } from './hallTypes.ts';

/** Every event a hall logs; the record's type makes a missing or unknown name a type error. */
const hallEventNames: Record<HallEvent['type'], true> = {
  'hall:created': true,
  'participant:joined': true,
  'participant:renamed': true,
  'participant:presence-changed': true,
  'participant:role-changed': true,
  'hall:seated': true,
  'hall:tables-added': true,
  'hall:table-linked': true,
  'hall:table-closed': true,
  'hall:phase-changed': true,
  'timer:set': true,
  'hall:announced': true,
  'hall:pick-recorded': true,
  'hall:harvest-voted': true,
  'hall:harvest-unvoted': true,
};

/** The timer a hall's devices count down: the hall timer. */
export function hallTimer(state: HallState): Timer {
  return state.timer;
}

/** How a hall is folded: what the organiser's page, the projector and the harvest need, without rules or schemas. */
export const hallFold: KindFold<HallTypes> = {
  kind: 'hall',
  ownsEvent: ownsEventByName<HallEvent>(hallEventNames),
  initial: (first) => (first.type === 'hall:created' ? initialHall(first) : null),
  apply: applyHall,
  timerOf: hallTimer,
};
