import { ownsEventByName, type KindFold } from '../core/kindDefinition.ts';
import type { Timer } from '../core/timer.ts';
import { applyLoop, initialTeamSpace } from './apply.ts';
import type { LoopEvent, LoopEventType } from './events.ts';
import type { TeamSpaceState } from './state.ts';
import type { TeamSpaceTypes } from './teamSpaceTypes.ts';

/** Every event a team space logs; the record's type makes a missing or unknown name a type error. */
const teamSpaceEventNames: Record<LoopEventType, true> = {
  'space:created': true,
  'space:updated': true,
  'participant:joined': true,
  'participant:presence-changed': true,
  'participant:renamed': true,
  'participant:role-changed': true,
  'participant:bound': true,
  'access:changed': true,
  'tension:added': true,
  'tension:edited': true,
  'tension:withdrawn': true,
  'tension:room-set': true,
  'tension:shareable-set': true,
  'tension:readers-set': true,
  'tension:outcome-set': true,
  'tension:agreement-set': true,
  'tension:answered': true,
  'tension:closed': true,
  'action:added': true,
  'action:updated': true,
  'action:status-set': true,
  'decision:adopted': true,
  'meeting:started': true,
  'meeting:attended': true,
  'meeting:role-set': true,
  'meeting:stage-set': true,
  'meeting:stage-skipped': true,
  'meeting:checklist-marked': true,
  'meeting:metric-set': true,
  'meeting:project-updated': true,
  'meeting:agenda-set': true,
  'meeting:tension-started': true,
  'meeting:ended': true,
  'round:started': true,
  'round:advanced': true,
  'round:marked-absent': true,
  'round:ended': true,
  'process:started': true,
  'process:proposal-set': true,
  'process:step-set': true,
  'objection:raised': true,
  'objection:status-set': true,
  'timer:set': true,
  'space:rhythm-set': true,
  'tension:async-set': true,
  'tension:async-answered': true,
  'between:recorded': true,
  'proposal:published': true,
  'proposal:questioned': true,
  'proposal:question-answered': true,
  'proposal:reacted': true,
  'proposal:responded': true,
  'proposal:closed': true,
  'register:changed': true,
};

const idle: Timer = { status: 'idle' };

/** The timer a team space's devices count down: the running meeting's; between meetings nothing counts down. */
export function teamSpaceTimer(state: TeamSpaceState): Timer {
  return state.meeting?.timer ?? idle;
}

/** How a team space is folded: what a phone showing one needs, without rules or schemas. */
export const teamSpaceFold: KindFold<TeamSpaceTypes> = {
  kind: 'team-space',
  ownsEvent: ownsEventByName<LoopEvent>(teamSpaceEventNames),
  initial: (first) => (first.type === 'space:created' ? initialTeamSpace(first) : null),
  apply: applyLoop,
  timerOf: teamSpaceTimer,
};
