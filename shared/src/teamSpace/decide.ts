import { decideAccessSet, decideBind, joinAccessRefusal } from '../session/sessionAccess.ts';
import type { LoopCommand } from '../protocol/loopCommands.ts';
import type { SystemCommand } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { limits } from '../protocol/limits.ts';
import { assertNever } from '../core/assertNever.ts';
import type { DecideContext } from '../core/decision.ts';
import { decidePeople, newParticipant } from '../core/participants.ts';
import { timerTransition } from '../core/timer.ts';
import type { LoopEvent } from './events.ts';
import type { ProposalCloseDueCommand } from '../protocol/betweenMeetingsCommands.ts';
import { decideAsyncTension } from './rules/asyncTensionRules.ts';
import { closeDueProposals } from './rules/proposalCloseDue.ts';
import { decideProposal } from './rules/proposalRules.ts';
import { decideGovernance } from './rules/governanceRules.ts';
import { decideMeeting, newReaders } from './rules/meetingRules.ts';
import { accept, forbidden, reject, type LoopDecideResult, type LoopRuleContext } from './rules/results.ts';
import { decideRhythm } from './rules/rhythmRules.ts';
import { decideRound } from './rules/roundRules.ts';
import { decideSpace } from './rules/spaceRules.ts';
import { decideTension } from './rules/tensionRules.ts';
import { isMember } from './permissions.ts';
import { canRunMeeting } from './selectors.ts';
import type { TeamSpaceState } from './state.ts';

export type { LoopDecideResult } from './rules/results.ts';

/** The events that open a team space: the space and its first facilitator. */
export function createTeamSpace(
  input: { id: string; title: string; facilitatorName: string },
  ctx: Omit<DecideContext, 'actor'>,
): LoopEvent[] {
  return [
    { type: 'space:created', id: input.id, title: input.title, createdAt: ctx.now },
    {
      type: 'participant:joined',
      participant: newParticipant(input.facilitatorName, 'facilitator', ctx),
    },
  ];
}

/** The rules of a team space and its meetings, pure like Lean Coffee's `decide`. */
export function decideLoop(
  state: TeamSpaceState,
  command: LoopCommand | SystemCommand | ProposalCloseDueCommand,
  ctx: DecideContext,
): LoopDecideResult {
  if (ctx.actor.kind === 'system') {
    return command.type === 'participant:join' ||
      command.type === 'participant:presence' ||
      command.type === 'participant:reinstate-facilitator' ||
      command.type === 'participant:bind' ||
      command.type === 'timer:expire' ||
      command.type === 'proposal:close-due'
      ? decideSystem(state, command, ctx)
      : forbidden('A member must send this.');
  }
  if (
    command.type === 'proposal:close-due' ||
    command.type === 'participant:join' ||
    command.type === 'participant:presence' ||
    command.type === 'participant:reinstate-facilitator' ||
    command.type === 'participant:bind'
  ) {
    return forbidden('Only the server may do this.');
  }
  const actorId = ctx.actor.id;
  if (!isMember(state, actorId)) return reject(ErrorCode.unauthorized, 'You are not a member of this team space.');
  const rule: LoopRuleContext = { actorId, now: ctx.now, newId: ctx.newId };

  switch (command.type) {
    case 'space:update':
    case 'participant:rename':
    case 'participant:set-role':
      return decideSpace(state, command, rule);
    case 'access:set':
      return decideAccessSet(state, actorId, command);
    case 'tension:add':
    case 'tension:edit':
    case 'tension:withdraw':
    case 'tension:assign-room':
    case 'tension:set-shareable':
    case 'action:update':
    case 'action:set-status':
      return decideTension(state, command, rule);
    case 'meeting:start':
    case 'meeting:assign-role':
    case 'meeting:advance':
    case 'meeting:back':
    case 'meeting:end':
    case 'meeting:mark-checklist':
    case 'meeting:set-metric':
    case 'meeting:update-project':
    case 'meeting:agenda-add':
    case 'meeting:agenda-remove':
    case 'tension:start':
    case 'tension:outcome':
    case 'tension:agreement':
    case 'tension:answer':
    case 'tension:close':
      return decideMeeting(state, command, rule);
    case 'round:start':
    case 'round:next':
    case 'round:pass':
      return decideRound(state, command, rule);
    case 'proposal:set':
    case 'process:advance':
    case 'process:back':
    case 'objection:raise':
    case 'objection:none':
    case 'objection:mark-absent':
    case 'objection:test':
    case 'objection:integrate':
      return decideGovernance(state, command, rule);
    case 'tension:ask-async':
    case 'tension:async-answer':
    case 'tension:async-resolve':
      return decideAsyncTension(state, command, rule);
    case 'proposal:publish':
    case 'proposal:ask':
    case 'proposal:answer':
    case 'proposal:react':
    case 'proposal:respond':
    case 'proposal:withdraw':
    case 'proposal:to-meeting':
      return decideProposal(state, command, rule);
    case 'space:set-rhythm':
      return decideRhythm(state, command, rule);
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:add':
    case 'timer:reset':
    case 'timer:expire':
      if (command.type !== 'timer:expire' && !canRunMeeting(state, actorId)) {
        return forbidden('Only the meeting’s facilitator controls the timer.');
      }
      return meetingTimer(state, command, ctx.now);
    default:
      return assertNever(command);
  }
}

function meetingTimer(
  state: TeamSpaceState,
  command: Extract<LoopCommand, { type: `timer:${string}` }> | { type: 'timer:expire' },
  now: number,
): LoopDecideResult {
  if (!state.meeting)
    return command.type === 'timer:expire' ? accept() : reject(ErrorCode.invalidState, 'No meeting is running.');
  const transition = timerTransition(state.meeting.timer, command, now);
  if (!transition.ok) return reject(transition.code, transition.message);
  return transition.next ? accept({ type: 'timer:set', ...transition.next }) : accept();
}

function decideSystem(
  state: TeamSpaceState,
  command: SystemCommand | ProposalCloseDueCommand,
  ctx: DecideContext,
): LoopDecideResult {
  switch (command.type) {
    case 'participant:join': {
      const refusal = joinAccessRefusal(state, command);
      if (refusal) return { ok: false, error: refusal };
      return decidePeople(state.participants, command, ctx, limits.membersPerSpace);
    }
    case 'participant:reinstate-facilitator':
      return decidePeople(state.participants, command, ctx, limits.membersPerSpace);
    case 'participant:bind':
      return decideBind(state.participants, command);
    case 'participant:presence': {
      const people = decidePeople(state.participants, command, ctx);
      if (!people.ok) return people;
      // Whoever comes online during a meeting is present at it.
      const attends = command.online && state.meeting && !state.meeting.attendees.includes(command.participantId);
      if (!attends || !state.meeting) return people;
      return accept(
        ...people.events,
        { type: 'meeting:attended', participantId: command.participantId },
        ...newReaders(state, state.meeting.room, [command.participantId]),
      );
    }
    case 'timer:expire':
      return meetingTimer(state, command, ctx.now);
    case 'proposal:close-due':
      return closeDueProposals(state, { actorId: '', now: ctx.now, newId: ctx.newId });
    default:
      return assertNever(command);
  }
}
