import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { canRetractVote } from '../permissions.ts';
import { canVote, findTopic, votesLeft } from '../selectors.ts';
import type { SessionState } from '../state.ts';
import { accept, reject, requireFacilitator, type CommandOf, type DecideResult, type RuleContext } from './results.ts';

export type VoteRuleCommand = CommandOf<'vote:cast' | 'vote:retract' | 'votes:reveal'>;

export function decideVote(state: SessionState, command: VoteRuleCommand, ctx: RuleContext): DecideResult {
  switch (command.type) {
    case 'vote:cast':
      if (state.phase !== 'vote') return reject(ErrorCode.wrongPhase, 'Votes can be cast while voting.');
      if (!findTopic(state, command.topicId)) return reject(ErrorCode.notFound, 'No such topic.');
      if (!canVote(state, ctx.actorId, command.topicId)) {
        return votesLeft(state, ctx.actorId) === 0
          ? reject(ErrorCode.voteBudgetExhausted, 'You have no votes left.')
          : reject(ErrorCode.stackingNotAllowed, 'Only one vote per topic in this session.');
      }
      return accept({
        type: 'vote:cast',
        vote: { voterId: ctx.actorId, topicId: command.topicId },
        hidden: !state.votesRevealed,
      });

    case 'vote:retract':
      if (!canRetractVote(state, ctx.actorId, command.topicId)) {
        return state.phase !== 'vote'
          ? reject(ErrorCode.wrongPhase, 'Votes can be changed while voting.')
          : reject(ErrorCode.noVoteToRetract, 'You have no vote on this topic.');
      }
      return accept({
        type: 'vote:retracted',
        vote: { voterId: ctx.actorId, topicId: command.topicId },
        hidden: !state.votesRevealed,
      });

    case 'votes:reveal': {
      const denied = requireFacilitator(state, ctx.actorId);
      if (denied) return denied;
      if (state.votesRevealed) return accept();
      return accept({ type: 'votes:revealed', votes: state.votes });
    }

    default:
      return assertNever(command);
  }
}
