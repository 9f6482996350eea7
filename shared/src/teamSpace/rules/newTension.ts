import type { TeamSpaceState, Tension, RoomKey } from '../state.ts';
import type { LoopRuleContext } from './results.ts';

/** What a member brings: everything else of a new tension follows from the state and the moment. */
export interface NewTensionInput {
  title: string;
  description: string;
  room: RoomKey;
  anonymous: boolean;
  /** A facilitator's sorting is not needed (a proposal's tension is governance by what it is). */
  roomConfirmed: boolean;
  async: boolean;
}

/**
 * A tension as it enters the backlog, the one shape `tension:add` and a proposal published
 * without a tension both open.
 */
export function newTension(state: TeamSpaceState, input: NewTensionInput, ctx: LoopRuleContext): Tension {
  return {
    id: ctx.newId('tension'),
    title: input.title,
    description: input.description,
    authorId: ctx.actorId,
    anonymous: input.anonymous,
    createdAt: ctx.now,
    proposedRoom: input.room,
    room: input.room,
    roomConfirmed: input.roomConfirmed,
    status: 'open',
    outcome: null,
    gotWhatNeeded: null,
    agreement: null,
    shareable: false,
    // Brought in during a meeting of its room: those present there may read it at once.
    readers: state.meeting?.room === input.room ? state.meeting.attendees : [],
    resolvedAt: null,
    meetingId: null,
    async: input.async ? { askedAt: ctx.now, answers: [] } : null,
  };
}
