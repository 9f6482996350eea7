import type { ParticipantId } from '../core/participants.ts';
import {
  stagesFor,
  type ActionItem,
  type Meeting,
  type MeetingStage,
  type Round,
  type TeamSpaceState,
  type Tension,
  type TensionId,
} from './state.ts';

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

/**
 * Who may change an action (reword, reassign, set a due date, tick it off or reopen it): its
 * owner, a space facilitator, and whoever records in the running meeting. One rule for
 * `action:update` and `action:set-status`, asked by the rules and by the page that shows the buttons.
 */
export function mayChangeAction(state: TeamSpaceState, id: ParticipantId, action: ActionItem): boolean {
  return action.ownerId === id || isSpaceFacilitator(state, id) || canRecord(state, id);
}

/**
 * Who may answer "Did you get what you need?" for the sync tension on the table: its holder, and
 * whoever records (the facilitator or the scribe) on the holder's behalf. The holder of an
 * anonymous tension answers too: their own copy names them, nobody else's does.
 */
export function mayAnswerGotWhatNeeded(state: TeamSpaceState, id: ParticipantId): boolean {
  const tension = currentTension(state);
  if (!tension || state.meeting?.room !== 'operational') return false;
  return tension.authorId === id || canRecord(state, id);
}

/**
 * Whether the running meeting's step did what it is for, judged from the state as it is now: a
 * round was held at check-in and closing, something was ticked or noted in the checklist and
 * project updates (or the step was on screen with nothing to tick or update), the agenda was looked
 * at, a tension was taken up. Asked when the meeting leaves a step or ends before it.
 */
export function stageDone(state: TeamSpaceState, stage: MeetingStage): boolean {
  const meeting = state.meeting;
  if (!meeting) return false;
  const shown = meeting.stage === stage;
  switch (stage) {
    case 'checkin':
    case 'closing':
      return shown && meeting.round?.kind === stage;
    case 'checklist':
      return (
        meeting.checklist.some((item) => item.done !== null) ||
        meeting.metrics.some((m) => m.value !== '') ||
        (shown && meeting.checklist.length === 0 && meeting.metrics.length === 0)
      );
    case 'projects':
      return (
        meeting.projectUpdates.length > 0 ||
        (shown && !state.actions.some((a) => a.kind === 'project' && a.status === 'open'))
      );
    case 'agenda':
      return meeting.stage === 'agenda' || meeting.processed.length > 0 || meeting.currentTensionId !== null;
    case 'tensions':
      return meeting.processed.length > 0 || meeting.currentTensionId !== null;
  }
}

/**
 * The steps that ending the running meeting now leaves undone, from the current one on, in order:
 * what the end confirmation names and what the record adds to the steps skipped before.
 */
export function stagesLeftUndone(state: TeamSpaceState): MeetingStage[] {
  const meeting = state.meeting;
  if (!meeting) return [];
  const stages = stagesFor(meeting.room);
  return stages.slice(stages.indexOf(meeting.stage)).filter((stage) => !stageDone(state, stage));
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
