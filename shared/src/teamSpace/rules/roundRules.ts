import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { mayMoveRoundOn } from '../permissions.ts';
import { canRunMeeting, presentOnline, roundComplete } from '../selectors.ts';
import type { TeamSpaceState } from '../state.ts';
import {
  accept,
  forbidden,
  notInMeeting,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type RoundRuleCommand = LoopCommandOf<'round:start' | 'round:next' | 'round:pass'>;

/**
 * Rounds: one person speaks at a time, in order; the facilitator (or the speaker, when done)
 * moves on; anyone may pass. Objection rounds are answered with objection commands instead, so
 * nobody can be skipped there.
 */
export function decideRound(state: TeamSpaceState, command: RoundRuleCommand, ctx: LoopRuleContext): LoopDecideResult {
  const meeting = state.meeting;
  if (!meeting) return notInMeeting();
  switch (command.type) {
    case 'round:start': {
      if (!canRunMeeting(state, ctx.actorId)) return forbidden('Only the meeting’s facilitator may start a round.');
      const order = presentOnline(state);
      if (order.length === 0) return reject(ErrorCode.invalidState, 'Nobody is present for a round.');
      return accept({ type: 'round:started', round: { kind: command.kind, order, index: 0, passed: [], absent: [] } });
    }
    case 'round:next':
    case 'round:pass': {
      const round = meeting.round;
      if (!round || roundComplete(round)) return reject(ErrorCode.invalidState, 'No round is waiting for anyone.');
      if (round.kind === 'objection') {
        return reject(ErrorCode.invalidState, 'In the objection round, each person states an objection or none.');
      }
      if (!mayMoveRoundOn(state, ctx.actorId)) return forbidden('It is not your turn.');
      return accept({ type: 'round:advanced', passed: command.type === 'round:pass' });
    }
    default:
      return assertNever(command);
  }
}
