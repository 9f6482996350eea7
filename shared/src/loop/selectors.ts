import type { ParticipantId } from '../domain/state.ts';
import type { Meeting, Round, TeamSpaceState, Tension, TensionId } from './state.ts';

export function findMember(state: TeamSpaceState, id: ParticipantId) {
  return state.participants.find((p) => p.id === id);
}

export function findTension(state: TeamSpaceState, id: TensionId): Tension | undefined {
  return state.tensions.find((t) => t.id === id);
}

/** Space facilitators look after the space: rooms, members, starting meetings. */
export function isSpaceFacilitator(state: TeamSpaceState, id: ParticipantId): boolean {
  return findMember(state, id)?.role === 'facilitator';
}

/** Who may run the current meeting: its facilitator, or any space facilitator standing in. */
export function canRunMeeting(state: TeamSpaceState, id: ParticipantId): boolean {
  return !!state.meeting && (state.meeting.facilitatorId === id || isSpaceFacilitator(state, id));
}

/** Who may record outcomes: whoever runs the meeting, and its scribe. */
export function canRecord(state: TeamSpaceState, id: ParticipantId): boolean {
  return canRunMeeting(state, id) || state.meeting?.scribeId === id;
}

/** Whose turn it is in a round; `undefined` once everyone has had theirs. */
export function currentSpeaker(round: Round | null): ParticipantId | undefined {
  return round ? round.order[round.index] : undefined;
}

export function roundComplete(round: Round | null): boolean {
  return !!round && round.index >= round.order.length;
}

/** The tension on the table. */
export function currentTension(state: TeamSpaceState): Tension | undefined {
  const id = state.meeting?.currentTensionId;
  return id ? findTension(state, id) : undefined;
}

/** Open tensions of one room, oldest first: the backlog a meeting of that room starts from. */
export function backlog(state: TeamSpaceState, room: Meeting['room']): Tension[] {
  return state.tensions.filter((t) => t.status === 'open' && t.room === room).sort((a, b) => a.createdAt - b.createdAt);
}

export function openActions(state: TeamSpaceState) {
  return state.actions.filter((a) => a.status === 'open');
}

/** Members present at the meeting who are online now, in the order they joined the space. */
export function presentOnline(state: TeamSpaceState): ParticipantId[] {
  const attendees = new Set(state.meeting?.attendees ?? []);
  return state.participants.filter((p) => p.online && attendees.has(p.id)).map((p) => p.id);
}
