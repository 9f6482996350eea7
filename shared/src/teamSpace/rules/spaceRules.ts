import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { renameParticipant, roleChangeRefusal } from '../../core/participants.ts';
import { findMember, isSpaceFacilitator } from '../selectors.ts';
import type { IsoWeekday } from '../rhythmTypes.ts';
import type { TeamSpaceState } from '../state.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type SpaceRuleCommand = LoopCommandOf<
  'space:update' | 'participant:rename' | 'participant:set-role' | 'space:set-rhythm'
>;

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
    case 'space:set-rhythm':
      if (!isSpaceFacilitator(state, ctx.actorId)) return forbidden('Only a facilitator sets the team’s rhythm.');
      return accept({
        type: 'space:rhythm-set',
        rhythm: {
          timeZone: command.timeZone,
          objectionWindowDays: command.objectionWindowDays,
          // A new entry gets its id here, never from the client; an edited one keeps its own.
          // The schema allows only 1–7; its union of literals infers as `number`.
          meetings: command.meetings.map(({ id, ...entry }) => ({
            ...entry,
            weekday: entry.weekday as IsoWeekday,
            id: id ?? ctx.newId('rhythm'),
          })),
        },
      });
    case 'participant:set-role': {
      if (!isSpaceFacilitator(state, ctx.actorId)) return forbidden('Only a facilitator may change roles.');
      const target = findMember(state, command.participantId);
      if (!target) return reject(ErrorCode.notFound, 'No such member.');
      if (target.role === command.role) return accept();
      const refusal = roleChangeRefusal(state.participants, target, command.role);
      if (refusal) return reject(refusal.code, refusal.message);
      return accept({ type: 'participant:role-changed', participantId: target.id, role: command.role });
    }
    default:
      return assertNever(command);
  }
}
