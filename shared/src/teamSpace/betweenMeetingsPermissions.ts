import type { ParticipantId } from '../core/participants.ts';
import type { AsyncProposal, ProposalQuestion } from './betweenMeetingsTypes.ts';
import { findTension, isSpaceFacilitator } from './selectors.ts';
import { personalRooms, type TeamSpaceState, type Tension } from './state.ts';

/*
 * "May this member do this now?" for work between meetings: asked by `decideLoop` for its
 * refusals, by `teamSpacePermission` (and so the property test), and by the space page to show
 * a control. Callers check membership first (`isMember`).
 */

/** Only the shared rooms move between meetings: personal-room content stays in its meeting (privacy). */
export function isSharedRoomTension(tension: Pick<Tension, 'room'>): boolean {
  return !personalRooms.includes(tension.room);
}

/** Open, in a shared room, and not on the table of the running meeting. */
function movesBetweenMeetings(state: TeamSpaceState, tension: Tension): boolean {
  return tension.status === 'open' && isSharedRoomTension(tension) && state.meeting?.currentTensionId !== tension.id;
}

/** The proposal (open or waiting for a meeting) a tension carries, if any. */
export function liveProposalOf(state: TeamSpaceState, tensionId: string): AsyncProposal | undefined {
  return state.proposals.find((p) => p.tensionId === tensionId && (p.status === 'open' || p.status === 'to-meeting'));
}

/**
 * Whether the holder may ask for answers instead of a meeting (`ask`), or take that back: their
 * own open tension of a shared room, not on the table and not a proposal's.
 */
export function mayAskAsync(state: TeamSpaceState, actorId: ParticipantId, tension: Tension, ask = true): boolean {
  return (
    tension.authorId === actorId &&
    movesBetweenMeetings(state, tension) &&
    !liveProposalOf(state, tension.id) &&
    (tension.async !== null) !== ask
  );
}

/** Anyone but the holder answers a tension asked between meetings, while it is open. */
export function mayAnswerAsync(state: TeamSpaceState, actorId: ParticipantId, tension: Tension): boolean {
  return tension.async !== null && tension.authorId !== actorId && movesBetweenMeetings(state, tension);
}

/** "I got what I needed": the holder resolves their tension asked between meetings. */
export function mayResolveAsync(state: TeamSpaceState, actorId: ParticipantId, tension: Tension): boolean {
  return tension.async !== null && tension.authorId === actorId && movesBetweenMeetings(state, tension);
}

/**
 * Any member publishes a proposal; one answering an existing tension needs it to be their own open
 * governance tension (not anonymous), not on the table and without a proposal already.
 */
export function mayPublishProposal(state: TeamSpaceState, actorId: ParticipantId, tensionId?: string): boolean {
  if (tensionId === undefined) return true;
  const tension = findTension(state, tensionId);
  return (
    !!tension &&
    tension.authorId === actorId &&
    // A proposal names its author: an anonymous tension's holder would be revealed.
    !tension.anonymous &&
    tension.room === 'governance' &&
    movesBetweenMeetings(state, tension) &&
    !liveProposalOf(state, tensionId)
  );
}

/** Whether the proposal still waits for objections: open, and its window has not closed (`now < closesAt`). */
export function proposalWindowOpen(proposal: AsyncProposal, now: number): boolean {
  return proposal.status === 'open' && now < proposal.closesAt;
}

/** Clarifying questions come from anyone but the proposer, while the proposal is open. */
export function mayAskProposal(actorId: ParticipantId, proposal: AsyncProposal): boolean {
  return proposal.status === 'open' && proposal.authorId !== actorId;
}

/** The proposer answers a question while the proposal is open (a later answer replaces the earlier). */
export function mayAnswerProposalQuestion(
  actorId: ParticipantId,
  proposal: AsyncProposal,
  question: ProposalQuestion,
): boolean {
  return proposal.status === 'open' && proposal.authorId === actorId && proposal.questions.includes(question);
}

/** Anyone reacts while the proposal is open. */
export function mayReactToProposal(proposal: AsyncProposal): boolean {
  return proposal.status === 'open';
}

/**
 * Any member says "no objection" or raises one while the window is open: one second before
 * `closesAt` counts, at `closesAt` the window has closed (even if `proposal:close-due` has not run yet).
 */
export function mayRespondToProposal(proposal: AsyncProposal, now: number): boolean {
  return proposalWindowOpen(proposal, now);
}

/** Its proposer, or a facilitator, withdraws an open proposal. */
export function mayWithdrawProposal(state: TeamSpaceState, actorId: ParticipantId, proposal: AsyncProposal): boolean {
  return proposal.status === 'open' && (proposal.authorId === actorId || isSpaceFacilitator(state, actorId));
}

/** A facilitator pulls an open proposal into the next (or the running) governance meeting. */
export function mayPullProposal(state: TeamSpaceState, actorId: ParticipantId, proposal: AsyncProposal): boolean {
  return proposal.status === 'open' && isSpaceFacilitator(state, actorId);
}

/** The earliest window still to close, for the server's deadline scheduler; `null` when none is open. */
export function nextProposalDeadline(state: TeamSpaceState): number | null {
  let next: number | null = null;
  for (const p of state.proposals) if (p.status === 'open' && (next === null || p.closesAt < next)) next = p.closesAt;
  return next;
}

/**
 * What a meeting of `room` starts with on its agenda: tensions asked between meetings that got
 * no answer yet, and (governance) tensions of proposals sent to a meeting. Oldest first. Used by
 * `meeting:start` and the space page's preview of the next meeting.
 */
export function autoAgenda(state: TeamSpaceState, room: Tension['room']): string[] {
  const toMeeting = new Set(
    room === 'governance' ? state.proposals.filter((p) => p.status === 'to-meeting').map((p) => p.tensionId) : [],
  );
  return state.tensions
    .filter(
      (t) =>
        t.status === 'open' &&
        t.room === room &&
        ((t.async !== null && t.async.answers.length === 0) || toMeeting.has(t.id)),
    )
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((t) => t.id);
}

/**
 * Tensions that are being handled between meetings and so stay off the agenda a meeting fills
 * from its backlog: asked ones with answers, and those of proposals still in their window.
 */
export function handledBetweenMeetings(state: TeamSpaceState, tension: Tension): boolean {
  if (tension.async !== null && tension.async.answers.length > 0) return true;
  return state.proposals.some((p) => p.tensionId === tension.id && p.status === 'open');
}
