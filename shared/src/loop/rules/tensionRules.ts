import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../domain/assertNever.ts';
import { tensionCapReached } from '../limits.ts';
import { canRecord, findMember, findTension, isSpaceFacilitator } from '../selectors.ts';
import type { TeamSpaceState } from '../state.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type TensionRuleCommand = LoopCommandOf<
  | 'tension:add'
  | 'tension:edit'
  | 'tension:withdraw'
  | 'tension:assign-room'
  | 'tension:set-shareable'
  | 'action:update'
  | 'action:set-status'
>;

/** The backlog: tensions come in at any time, from anyone; facilitators sort them into rooms. */
export function decideTension(
  state: TeamSpaceState,
  command: TensionRuleCommand,
  ctx: LoopRuleContext,
): LoopDecideResult {
  switch (command.type) {
    case 'tension:add': {
      const cap = tensionCapReached(state, ctx.actorId);
      if (cap === 'space') return reject(ErrorCode.limitReached, 'The backlog of this team space is full.');
      if (cap === 'member') return reject(ErrorCode.limitReached, 'You hold as many open tensions as a member may.');
      return accept({
        type: 'tension:added',
        tension: {
          id: ctx.newId('tension'),
          title: command.title,
          description: command.description,
          authorId: ctx.actorId,
          anonymous: command.anonymous,
          createdAt: ctx.now,
          proposedRoom: command.room,
          room: command.room,
          roomConfirmed: false,
          status: 'open',
          outcome: null,
          gotWhatNeeded: null,
          agreement: null,
          shareable: false,
          resolvedAt: null,
          meetingId: null,
        },
      });
    }

    case 'tension:edit':
    case 'tension:withdraw':
    case 'tension:assign-room':
    case 'tension:set-shareable': {
      const tension = findTension(state, command.tensionId);
      if (!tension) return reject(ErrorCode.notFound, 'No such tension.');
      if (tension.status !== 'open') return reject(ErrorCode.invalidState, 'This tension is no longer open.');
      const facilitating = isSpaceFacilitator(state, ctx.actorId) || canRecord(state, ctx.actorId);
      if (command.type === 'tension:set-shareable') {
        if (!facilitating) return forbidden('Only the facilitator or the scribe may mark content shareable.');
        return accept({ type: 'tension:shareable-set', tensionId: tension.id, shareable: command.shareable });
      }
      if (state.meeting?.currentTensionId === tension.id) {
        return reject(ErrorCode.invalidState, 'This tension is being processed right now.');
      }
      if (command.type === 'tension:assign-room') {
        if (!facilitating) return forbidden('Only a facilitator may sort tensions into rooms.');
        return accept({ type: 'tension:room-set', tensionId: tension.id, room: command.room });
      }
      if (tension.authorId !== ctx.actorId && !isSpaceFacilitator(state, ctx.actorId)) {
        return forbidden('Only whoever brought the tension, or a facilitator, may change it.');
      }
      return command.type === 'tension:edit'
        ? accept({
            type: 'tension:edited',
            tensionId: tension.id,
            title: command.title,
            description: command.description,
          })
        : accept({ type: 'tension:withdrawn', tensionId: tension.id });
    }

    case 'action:update':
    case 'action:set-status': {
      const action = state.actions.find((a) => a.id === command.actionId);
      if (!action) return reject(ErrorCode.notFound, 'No such action.');
      const allowed =
        action.ownerId === ctx.actorId || isSpaceFacilitator(state, ctx.actorId) || canRecord(state, ctx.actorId);
      if (!allowed) return forbidden('Only its owner, the facilitator or the scribe may change this action.');
      if (command.type === 'action:set-status') {
        return action.status === command.status
          ? accept()
          : accept({ type: 'action:status-set', actionId: action.id, status: command.status });
      }
      if (command.ownerId !== null && !findMember(state, command.ownerId)) {
        return reject(ErrorCode.notFound, 'No such member.');
      }
      return accept({
        type: 'action:updated',
        actionId: action.id,
        text: command.text,
        ownerId: command.ownerId,
        ownerName: command.ownerId ? (findMember(state, command.ownerId)?.name ?? null) : command.ownerName || null,
        due: command.due,
      });
    }

    default:
      return assertNever(command);
  }
}
