import { ErrorCode } from '../../protocol/errors.ts';
import { limits } from '../../protocol/limits.ts';
import { assertNever } from '../../core/assertNever.ts';
import { mayChangeOutcome, mayJoinClosing, outcomesOpen } from '../permissions.ts';
import { canAddOutcome, findParticipant, findTopic } from '../selectors.ts';
import { ownerNameFor } from '../../core/participants.ts';
import type { SessionState } from '../state.ts';
import { accept, reject, type CommandOf, type DecideResult, type RuleContext } from './results.ts';

export type OutcomeRuleCommand = CommandOf<
  'outcome:add' | 'outcome:edit' | 'outcome:remove' | 'closing:submit' | 'closing:pass' | 'roti:cast'
>;

export function decideOutcome(state: SessionState, command: OutcomeRuleCommand, ctx: RuleContext): DecideResult {
  switch (command.type) {
    case 'outcome:add':
    case 'outcome:edit':
    case 'outcome:remove':
      if (!outcomesOpen(state)) {
        return reject(ErrorCode.wrongPhase, 'Takeaways and actions are recorded during discussion and wrap-up.');
      }
      return decideOutcomeItem(state, command, ctx);
    case 'closing:submit':
    case 'closing:pass':
      if (!mayJoinClosing(state, ctx.actorId))
        return reject(ErrorCode.wrongPhase, 'The closing round is part of the wrap-up.');
      return accept({
        type: 'closing:submitted',
        entry: {
          participantId: ctx.actorId,
          text: command.type === 'closing:submit' ? command.text : null,
        },
      });
    case 'roti:cast': {
      if (!mayJoinClosing(state, ctx.actorId))
        return reject(ErrorCode.wrongPhase, 'The closing round is part of the wrap-up.');
      const existing = state.roti.findIndex((b) => b.voterId === ctx.actorId);
      const slot = existing === -1 ? state.roti.length : existing;
      return accept({
        type: 'roti:cast',
        slot,
        ballot: { voterId: ctx.actorId, score: command.score },
      });
    }
    default:
      return assertNever(command);
  }
}

function decideOutcomeItem(
  state: SessionState,
  command: CommandOf<'outcome:add' | 'outcome:edit' | 'outcome:remove'>,
  ctx: RuleContext,
): DecideResult {
  if ('ownerId' in command && command.ownerId !== null && !findParticipant(state, command.ownerId)) {
    return reject(ErrorCode.notFound, 'No such participant.');
  }
  if (command.type === 'outcome:add') {
    const topic = findTopic(state, command.topicId);
    if (!topic) return reject(ErrorCode.notFound, 'No such topic.');
    if (topic.status === 'open') return reject(ErrorCode.invalidState, 'This topic has not been discussed yet.');
    if (state.outcomes.length >= limits.outcomesPerSession) {
      return reject(ErrorCode.sessionFull, 'This session has as many notes as it can hold.');
    }
    if (!canAddOutcome(state, ctx.actorId)) {
      return reject(ErrorCode.limitReached, 'You have written as many notes as one person may.');
    }
    const isAction = command.kind === 'action';
    return accept({
      type: 'outcome:added',
      outcome: {
        id: ctx.newId('outcome'),
        topicId: topic.id,
        kind: command.kind,
        text: command.text,
        authorId: ctx.actorId,
        ownerId: isAction ? command.ownerId : null,
        ownerName: isAction ? ownerNameFor(state.participants, command.ownerId, command.ownerName) : null,
        due: isAction ? command.due : null,
        createdAt: ctx.now,
      },
    });
  }
  const outcome = state.outcomes.find((o) => o.id === command.outcomeId);
  if (!outcome) return reject(ErrorCode.notFound, 'No such note.');
  if (!mayChangeOutcome(state, ctx.actorId, outcome)) {
    return reject(ErrorCode.forbidden, 'Only its author or a facilitator may change this.');
  }
  if (command.type === 'outcome:remove') return accept({ type: 'outcome:removed', outcomeId: outcome.id });
  const isAction = outcome.kind === 'action';
  return accept({
    type: 'outcome:edited',
    outcomeId: outcome.id,
    text: command.text,
    ownerId: isAction ? command.ownerId : null,
    ownerName: isAction ? ownerNameFor(state.participants, command.ownerId, command.ownerName) : null,
    due: isAction ? command.due : null,
  });
}
