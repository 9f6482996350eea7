import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { isSharedRoomTension, liveProposalOf } from '../betweenMeetingsPermissions.ts';
import { tensionCapReached } from '../limits.ts';
import { mayChangeTension, mayEditTension, maySortTensions } from '../permissions.ts';
import { findMember, findTension, mayChangeAction } from '../selectors.ts';
import { ownerNameFor } from '../../core/participants.ts';
import { disclosure, shownTo, withReaders } from '../privacy.ts';
import { newTension } from './newTension.ts';
import type { LoopEvent } from '../events.ts';
import type { RoomKey, TeamSpaceState, Tension } from '../state.ts';
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

/**
 * Moves a tension to another room. Who may read it follows the new room: into a personal room
 * whose meeting is running, those present there may read it; into the operational or governance
 * room, everyone. Copies of members who may no longer read it lose its content.
 */
export function roomSet(state: TeamSpaceState, tension: Tension, room: RoomKey): LoopEvent {
  const present = state.meeting?.room === room ? state.meeting.attendees : [];
  const next = { ...tension, room, readers: withReaders(tension.readers, present) ?? tension.readers };
  return { type: 'tension:room-set', tensionId: tension.id, room, ...disclosure(next) };
}

/** A tension withdrawn takes its proposal (open or waiting for a meeting) with it. */
function proposalWithdrawn(state: TeamSpaceState, tensionId: string, now: number): LoopEvent[] {
  const proposal = liveProposalOf(state, tensionId);
  return proposal
    ? [
        {
          type: 'proposal:closed',
          proposalId: proposal.id,
          status: 'withdrawn',
          toMeeting: null,
          at: now,
          decisionId: null,
        },
      ]
    : [];
}

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
      // Personal-room content stays in its meeting: it is never asked between meetings.
      if (command.async && !isSharedRoomTension(command)) {
        return reject(
          ErrorCode.invalidState,
          'Only tensions of the sync and governance rooms are asked between meetings.',
        );
      }
      return accept({
        type: 'tension:added',
        tension: newTension(state, { ...command, roomConfirmed: false, async: command.async === true }, ctx),
      });
    }

    case 'tension:edit':
    case 'tension:withdraw':
    case 'tension:assign-room':
    case 'tension:set-shareable': {
      const tension = findTension(state, command.tensionId);
      if (!tension) return reject(ErrorCode.notFound, 'No such tension.');
      if (tension.status !== 'open') return reject(ErrorCode.invalidState, 'This tension is no longer open.');
      const facilitating = maySortTensions(state, ctx.actorId);
      if (command.type === 'tension:set-shareable') {
        if (!facilitating) return forbidden('Only the facilitator or the scribe may mark content shareable.');
        const next = { ...tension, shareable: command.shareable };
        return accept({
          type: 'tension:shareable-set',
          tensionId: tension.id,
          shareable: command.shareable,
          ...disclosure(next),
        });
      }
      if (state.meeting?.currentTensionId === tension.id) {
        return reject(ErrorCode.invalidState, 'This tension is being processed right now.');
      }
      if (command.type === 'tension:assign-room') {
        if (!facilitating) return forbidden('Only a facilitator may sort tensions into rooms.');
        return accept(roomSet(state, tension, command.room));
      }
      if (!mayChangeTension(state, ctx.actorId, tension)) {
        return forbidden('Only whoever brought the tension, or a facilitator, may change it.');
      }
      if (command.type === 'tension:edit' && !mayEditTension(state, ctx.actorId, tension)) {
        return forbidden('Only those who may read this personal tension may change its text.');
      }
      return command.type === 'tension:edit'
        ? accept({
            type: 'tension:edited',
            tensionId: tension.id,
            title: command.title,
            description: command.description,
            shownTo: shownTo(tension),
          })
        : accept(
            { type: 'tension:withdrawn', tensionId: tension.id },
            ...proposalWithdrawn(state, tension.id, ctx.now),
          );
    }

    case 'action:update':
    case 'action:set-status': {
      const action = state.actions.find((a) => a.id === command.actionId);
      if (!action) return reject(ErrorCode.notFound, 'No such action.');
      if (!mayChangeAction(state, ctx.actorId, action))
        return forbidden('Only its owner, the facilitator or the scribe may change this action.');
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
        ownerName: ownerNameFor(state.participants, command.ownerId, command.ownerName),
        due: command.due,
      });
    }

    default:
      return assertNever(command);
  }
}
