import type { Command, ParticipantCommand, SystemCommand } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { limits } from '../protocol/limits.ts';
import { assertNever } from './assertNever.ts';
import type { DomainEvent } from './events.ts';
import { canEditTopic, canVote, findParticipant, findTopic, isFacilitator, votesBy, votesLeft } from './selectors.ts';
import { phaseOrder, type LeanCoffeeSettings, type ParticipantId, type SessionState } from './state.ts';

/** Who sends a command: a seated participant, or the server itself (joins, presence). */
export type Actor = { kind: 'participant'; id: ParticipantId } | { kind: 'system' };

/** Everything impure that deciding needs, passed in so that the rules stay pure and testable. */
export interface DecideContext {
  actor: Actor;
  now: number;
  newId: (kind: 'participant' | 'topic') => string;
}

export interface DomainError {
  code: ErrorCode;
  message: string;
}

export type DecideResult = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

const accept = (...events: DomainEvent[]): DecideResult => ({ ok: true, events });
const reject = (code: ErrorCode, message: string): DecideResult => ({ ok: false, error: { code, message } });

/** The events that open a new session: the session itself and its first facilitator. */
export function createSession(
  input: { id: string; title: string; facilitatorName: string; settings: LeanCoffeeSettings },
  ctx: Omit<DecideContext, 'actor'>,
): DomainEvent[] {
  return [
    {
      type: 'session:created',
      id: input.id,
      kind: 'lean-coffee',
      title: input.title,
      settings: input.settings,
      createdAt: ctx.now,
    },
    {
      type: 'participant:joined',
      participant: {
        id: ctx.newId('participant'),
        name: input.facilitatorName,
        role: 'facilitator',
        online: false,
        joinedAt: ctx.now,
      },
    },
  ];
}

/**
 * The rules. Given the current state and a command, returns the events that follow or the reason
 * the command is refused. Never mutates, never reads a clock or a random source.
 */
export function decide(state: SessionState, command: Command, ctx: DecideContext): DecideResult {
  if (command.type === 'participant:join' || command.type === 'participant:presence') {
    return ctx.actor.kind === 'system'
      ? decideSystem(state, command, ctx)
      : reject(ErrorCode.forbidden, 'Only the server may do this.');
  }
  if (ctx.actor.kind !== 'participant') return reject(ErrorCode.forbidden, 'A participant must send this.');
  const actorId = ctx.actor.id;
  if (!findParticipant(state, actorId)) return reject(ErrorCode.unauthorized, 'You are not part of this session.');
  if (state.phase === 'done') return reject(ErrorCode.sessionEnded, 'This session has ended.');
  return decideParticipant(state, command, actorId, ctx);
}

function decideSystem(state: SessionState, command: SystemCommand, ctx: DecideContext): DecideResult {
  switch (command.type) {
    case 'participant:join':
      if (state.participants.length >= limits.participantsPerSession) {
        return reject(ErrorCode.sessionFull, 'This session is full.');
      }
      return accept({
        type: 'participant:joined',
        participant: {
          id: ctx.newId('participant'),
          name: command.name,
          role: command.role,
          online: false,
          joinedAt: ctx.now,
        },
      });
    case 'participant:presence': {
      const participant = findParticipant(state, command.participantId);
      if (!participant) return reject(ErrorCode.notFound, 'No such participant.');
      if (participant.online === command.online) return accept();
      return accept({ type: 'participant:presence-changed', participantId: participant.id, online: command.online });
    }
    default:
      return assertNever(command);
  }
}

function requireFacilitator(state: SessionState, actorId: ParticipantId): DecideResult | undefined {
  return isFacilitator(state, actorId) ? undefined : reject(ErrorCode.forbidden, 'Only a facilitator may do this.');
}

function decideParticipant(
  state: SessionState,
  command: ParticipantCommand,
  actorId: ParticipantId,
  ctx: DecideContext,
): DecideResult {
  switch (command.type) {
    case 'participant:rename':
      return accept({ type: 'participant:renamed', participantId: actorId, name: command.name });

    case 'settings:update': {
      const denied = requireFacilitator(state, actorId);
      if (denied) return denied;
      const settings = { ...state.settings, ...command.settings };
      const votingRulesChanged =
        settings.votesPerPerson !== state.settings.votesPerPerson ||
        settings.allowStacking !== state.settings.allowStacking;
      if (votingRulesChanged && (state.phase !== 'collect' || state.votes.length > 0)) {
        return reject(ErrorCode.settingsLocked, 'Voting rules cannot change once voting has started.');
      }
      return accept({ type: 'settings:updated', title: command.title ?? state.title, settings });
    }

    case 'phase:change': {
      const denied = requireFacilitator(state, actorId);
      if (denied) return denied;
      const step = phaseOrder.indexOf(command.to) - phaseOrder.indexOf(state.phase);
      if (step !== 1 && step !== -1) {
        return reject(ErrorCode.invalidTransition, `Cannot move from ${state.phase} to ${command.to}.`);
      }
      return accept({ type: 'phase:changed', phase: command.to });
    }

    case 'topic:add': {
      if (state.phase !== 'collect') return reject(ErrorCode.wrongPhase, 'Topics can be proposed while collecting.');
      if (state.topics.length >= limits.topicsPerSession) {
        return reject(ErrorCode.sessionFull, 'This session has as many topics as it can hold.');
      }
      return accept({
        type: 'topic:added',
        topic: {
          id: ctx.newId('topic'),
          title: command.title,
          description: command.description,
          authorId: actorId,
          anonymous: state.settings.anonymousTopics,
          createdAt: ctx.now,
        },
      });
    }

    case 'topic:edit':
    case 'topic:remove': {
      const topic = findTopic(state, command.topicId);
      if (!topic) return reject(ErrorCode.notFound, 'No such topic.');
      if (!canEditTopic(state, actorId, topic)) {
        return topic.authorId === actorId
          ? reject(ErrorCode.wrongPhase, 'Your topics can be changed while collecting.')
          : reject(ErrorCode.forbidden, 'Only the author or a facilitator may change this topic.');
      }
      return command.type === 'topic:edit'
        ? accept({ type: 'topic:edited', topicId: topic.id, title: command.title, description: command.description })
        : accept({ type: 'topic:removed', topicId: topic.id });
    }

    case 'vote:cast': {
      if (state.phase !== 'vote') return reject(ErrorCode.wrongPhase, 'Votes can be cast while voting.');
      if (!findTopic(state, command.topicId)) return reject(ErrorCode.notFound, 'No such topic.');
      if (!canVote(state, actorId, command.topicId)) {
        return votesLeft(state, actorId) === 0
          ? reject(ErrorCode.voteBudgetExhausted, 'You have no votes left.')
          : reject(ErrorCode.stackingNotAllowed, 'Only one vote per topic in this session.');
      }
      return accept({ type: 'vote:cast', vote: { voterId: actorId, topicId: command.topicId } });
    }

    case 'vote:retract':
      if (state.phase !== 'vote') return reject(ErrorCode.wrongPhase, 'Votes can be changed while voting.');
      if (votesBy(state, actorId, command.topicId) === 0) {
        return reject(ErrorCode.noVoteToRetract, 'You have no vote on this topic.');
      }
      return accept({ type: 'vote:retracted', vote: { voterId: actorId, topicId: command.topicId } });

    default:
      return assertNever(command);
  }
}
