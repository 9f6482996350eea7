import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { renameParticipant, roleChangeRefusal } from '../../core/participants.ts';
import { groupRoleRefusal } from '../../session/sessionAccess.ts';
import { findParticipant } from '../selectors.ts';
import type { SessionState } from '../state.ts';
import { accept, reject, requireFacilitator, type CommandOf, type DecideResult, type RuleContext } from './results.ts';

export type ParticipantRuleCommand = CommandOf<'participant:rename' | 'participant:set-role'>;

export function decideParticipant(
  state: SessionState,
  command: ParticipantRuleCommand,
  ctx: RuleContext,
): DecideResult {
  switch (command.type) {
    case 'participant:rename':
      return renameParticipant(state.participants, ctx.actorId, command.name);
    case 'participant:set-role': {
      const denied = requireFacilitator(state, ctx.actorId);
      if (denied) return denied;
      const target = findParticipant(state, command.participantId);
      if (!target) return reject(ErrorCode.notFound, 'No such participant.');
      if (target.role === command.role) return accept();
      const refusal =
        groupRoleRefusal(state, command.role) ?? roleChangeRefusal(state.participants, target, command.role);
      if (refusal) return reject(refusal.code, refusal.message);
      return accept({
        type: 'participant:role-changed',
        participantId: target.id,
        role: command.role,
      });
    }
    default:
      return assertNever(command);
  }
}
