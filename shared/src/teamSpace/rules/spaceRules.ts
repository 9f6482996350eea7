import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { renameParticipant, roleChangeRefusal } from '../../core/participants.ts';
import { groupRoleRefusal } from '../../session/sessionAccess.ts';
import { findMember, isSpaceFacilitator } from '../selectors.ts';
import type { TeamSpaceState } from '../state.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type SpaceRuleCommand = LoopCommandOf<'space:update' | 'participant:rename' | 'participant:set-role'>;

export function decideSpace(state: TeamSpaceState, command: SpaceRuleCommand, ctx: LoopRuleContext): LoopDecideResult {
  switch (command.type) {
    case 'participant:rename':
      return renameParticipant(state.participants, ctx.actorId, command.name);
    case 'space:update':
      if (!isSpaceFacilitator(state, ctx.actorId)) return forbidden('Only a facilitator may change the space.');
      return accept({
        type: 'space:updated',
        title: command.title ?? state.title,
        roomNames: { ...state.roomNames, ...command.roomNames },
        checklist: command.checklist ?? state.checklist,
        metrics: command.metrics ?? state.metrics,
      });
    case 'participant:set-role': {
      if (!isSpaceFacilitator(state, ctx.actorId)) return forbidden('Only a facilitator may change roles.');
      const target = findMember(state, command.participantId);
      if (!target) return reject(ErrorCode.notFound, 'No such member.');
      if (target.role === command.role) return accept();
      const refusal =
        groupRoleRefusal(state, command.role) ?? roleChangeRefusal(state.participants, target, command.role);
      if (refusal) return reject(refusal.code, refusal.message);
      return accept({ type: 'participant:role-changed', participantId: target.id, role: command.role });
    }
    default:
      return assertNever(command);
  }
}
