import { ErrorCode } from '../../protocol/errors.ts';
import { limits } from '../../protocol/limits.ts';
import { creatorId } from '../../core/participants.ts';
import { bothSignedIn, isMember } from '../permissions.ts';
import { mergeRevealsToActor } from '../mergePrivacy.ts';
import { isSpaceFacilitator } from '../selectors.ts';
import type { TeamSpaceState } from '../state.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

/**
 * `space:merge-members`: the refusals in the order `mayMergeMembers` asks them, each with its own
 * code, so a device can say why. A running meeting does not stop it (the merge keeps it consistent).
 */
export function decideMemberMerge(
  state: TeamSpaceState,
  command: LoopCommandOf<'space:merge-members'>,
  ctx: LoopRuleContext,
): LoopDecideResult {
  const { from, into } = command;
  if (!isSpaceFacilitator(state, ctx.actorId)) return forbidden('Only a facilitator may merge members.');
  if (from === into) return reject(ErrorCode.invalidState, 'Choose two different members.');
  if (!isMember(state, from) || !isMember(state, into)) return reject(ErrorCode.notFound, 'No such member.');
  if (from === creatorId(state.participants)) {
    return forbidden('The seat that opened the space stays. Merge the other seat into it instead.');
  }
  if (bothSignedIn(state, from, into)) {
    return forbidden('Both seats are bound to a sign-in: they belong to two identities and stay apart.');
  }
  if (mergeRevealsToActor(state, ctx.actorId, from, into)) {
    return forbidden(
      'This merge would show you personal-room content or anonymous authorship you may not see. Another facilitator can merge these seats.',
    );
  }
  if ((state.mergedSeats ?? []).length >= limits.mergedSeatsPerSpace) {
    return reject(ErrorCode.limitReached, 'This space has merged as many seats as it can.');
  }
  const byParty = ctx.actorId === from || ctx.actorId === into;
  return accept({ type: 'space:members-merged', from, into, ...(byParty ? { byParty: true as const } : {}) });
}
