import type { Command, ParticipantCommand, SystemCommand } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { defaultLeanCoffeeSettings } from '../protocol/defaults.ts';
import { assertNever } from '../core/assertNever.ts';
import type { DomainEvent } from './events.ts';
import { decideDiscussion } from './rules/discussionRules.ts';
import { decideOutcome } from './rules/outcomeRules.ts';
import { decideParticipant } from './rules/participantRules.ts';
import { reject, type DecideResult, type RuleContext } from './rules/results.ts';
import type { DecideContext } from '../core/decision.ts';
import { decideSession } from './rules/sessionRules.ts';
import { decideTimer } from './rules/timerRules.ts';
import { decideTopic } from './rules/topicRules.ts';
import { decideHallHelp, decideHighlight, relayHall } from './rules/hallRules.ts';
import type { HallLink } from './hallLink.ts';
import { decideVote } from './rules/voteRules.ts';
import { decidePeople, newParticipant } from '../core/participants.ts';
import { decideAccessSet, decideBind, joinAccessRefusal } from '../session/sessionAccess.ts';
import { mayAct, sessionOpen } from './permissions.ts';
import type { LeanCoffeeSettings, SessionState } from './state.ts';

export type { DecideResult, DomainError } from './rules/results.ts';
export type { Actor, DecideContext } from '../core/decision.ts';

/** The events that open a new session: the session itself and its first facilitator. */
export function createSession(
  input: {
    id: string;
    title: string;
    facilitatorName: string;
    settings: Partial<LeanCoffeeSettings>;
    /** Opens the session as a table of this hall. */
    hall?: HallLink;
  },
  ctx: Omit<DecideContext, 'actor'>,
): DomainEvent[] {
  return [
    {
      type: 'session:created',
      id: input.id,
      kind: 'lean-coffee',
      title: input.title,
      settings: { ...defaultLeanCoffeeSettings, ...input.settings },
      createdAt: ctx.now,
      ...(input.hall ? { hall: input.hall } : {}),
    },
    {
      type: 'participant:joined',
      participant: newParticipant(input.facilitatorName, 'facilitator', ctx),
    },
  ];
}

/**
 * The rules. Given the current state and a command, returns the events that follow or the reason
 * the command is refused. Never mutates, never reads a clock or a random source.
 */
export function decide(state: SessionState, command: Command, ctx: DecideContext): DecideResult {
  if (command.type === 'hall:relay') {
    return ctx.actor.kind === 'system'
      ? relayHall(state, command.link, ctx.now)
      : reject(ErrorCode.forbidden, 'Only the server may do this.');
  }
  if (
    command.type === 'participant:join' ||
    command.type === 'participant:presence' ||
    command.type === 'participant:reinstate-facilitator' ||
    command.type === 'participant:bind'
  ) {
    return ctx.actor.kind === 'system'
      ? decideSystem(state, command, ctx)
      : reject(ErrorCode.forbidden, 'Only the server may do this.');
  }
  if (!sessionOpen(state)) return reject(ErrorCode.sessionEnded, 'This session has ended.');
  if (ctx.actor.kind === 'system') {
    return command.type === 'timer:expire'
      ? decideTimer(state, command, null, ctx.now)
      : reject(ErrorCode.forbidden, 'A participant must send this.');
  }
  const actorId = ctx.actor.id;
  if (!mayAct(state, actorId)) return reject(ErrorCode.unauthorized, 'You are not part of this session.');
  return decideParticipantCommand(state, command, {
    actorId,
    now: ctx.now,
    newId: ctx.newId,
  });
}

function decideSystem(
  state: SessionState,
  command: Exclude<SystemCommand, { type: 'timer:expire' }>,
  ctx: DecideContext,
): DecideResult {
  if (command.type === 'participant:join') {
    const refusal = joinAccessRefusal(state, command);
    if (refusal) return { ok: false, error: refusal };
  }
  if (command.type === 'participant:join' && command.hostIfFirst) {
    // A table's first seat is the organiser's placeholder: the first phone to join hosts the table.
    const hosted = state.participants.slice(1).some((p) => p.role === 'facilitator');
    const { name, role } = command;
    return decidePeople(state.participants, { type: command.type, name, role: hosted ? role : 'facilitator' }, ctx);
  }
  if (command.type === 'participant:bind') return decideBind(state.participants, command);
  return decidePeople(state.participants, command, ctx);
}

function decideParticipantCommand(state: SessionState, command: ParticipantCommand, ctx: RuleContext): DecideResult {
  switch (command.type) {
    case 'participant:rename':
    case 'participant:set-role':
      return decideParticipant(state, command, ctx);
    case 'access:set':
      return decideAccessSet(state, ctx.actorId, command);
    case 'settings:update':
    case 'phase:change':
      return decideSession(state, command, ctx);
    case 'topic:add':
    case 'topic:edit':
    case 'topic:remove':
    case 'topics:merge':
    case 'agenda:move':
    case 'agenda:reset':
      return decideTopic(state, command, ctx);
    case 'vote:cast':
    case 'vote:retract':
    case 'votes:reveal':
      return decideVote(state, command, ctx);
    case 'discussion:start':
    case 'discussion:extend':
    case 'discussion:close':
    case 'topic:skip':
    case 'topic:return':
    case 'thumbs:open':
    case 'thumbs:cast':
    case 'thumbs:reveal':
      return decideDiscussion(state, command, ctx);
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:add':
    case 'timer:reset':
    case 'timer:expire':
      return decideTimer(state, command, ctx.actorId, ctx.now);
    case 'outcome:add':
    case 'outcome:edit':
    case 'outcome:remove':
    case 'closing:submit':
    case 'closing:pass':
    case 'roti:cast':
      return decideOutcome(state, command, ctx);
    case 'takeaway:highlight':
      return decideHighlight(state, command, ctx);
    case 'hall:help':
      return decideHallHelp(state, command, ctx);
    default:
      return assertNever(command);
  }
}
