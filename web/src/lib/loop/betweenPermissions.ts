import {
  isSpaceFacilitator,
  limits,
  personalRooms,
  type AsyncProposal,
  type ParticipantId,
  type ProposalQuestion,
  type TeamSpaceState,
  type Tension,
} from '@runde/shared/client';

/*
 * Which between-meetings controls the space shows (issue 17). Until the shared predicates
 * (`shared/src/teamSpace/betweenMeetingsPermissions.ts`, branch wt-between) are merged, this file
 * carries copies of them under the same names and signatures; the merge turns it into a list of
 * re-exports like `spacePermissions.ts`, and nothing else changes.
 */

function movesBetweenMeetings(state: TeamSpaceState, tension: Tension): boolean {
  return (
    tension.status === 'open' && !personalRooms.includes(tension.room) && state.meeting?.currentTensionId !== tension.id
  );
}

function liveProposalOf(state: TeamSpaceState, tensionId: string): AsyncProposal | undefined {
  return state.proposals.find((p) => p.tensionId === tensionId && (p.status === 'open' || p.status === 'to-meeting'));
}

export function mayAskAsync(state: TeamSpaceState, actorId: ParticipantId, tension: Tension, ask = true): boolean {
  return (
    tension.authorId === actorId &&
    movesBetweenMeetings(state, tension) &&
    !liveProposalOf(state, tension.id) &&
    (tension.async !== null) !== ask
  );
}

export function mayAnswerAsync(state: TeamSpaceState, actorId: ParticipantId, tension: Tension): boolean {
  return tension.async !== null && tension.authorId !== actorId && movesBetweenMeetings(state, tension);
}

export function mayResolveAsync(state: TeamSpaceState, actorId: ParticipantId, tension: Tension): boolean {
  return tension.async !== null && tension.authorId === actorId && movesBetweenMeetings(state, tension);
}

export function mayPublishProposal(_state: TeamSpaceState, _actorId: ParticipantId, tensionId?: string): boolean {
  return tensionId === undefined;
}

export function mayAskProposal(actorId: ParticipantId, proposal: AsyncProposal): boolean {
  return proposal.status === 'open' && proposal.authorId !== actorId;
}

export function mayAnswerProposalQuestion(
  actorId: ParticipantId,
  proposal: AsyncProposal,
  question: ProposalQuestion,
): boolean {
  return proposal.status === 'open' && proposal.authorId === actorId && proposal.questions.includes(question);
}

export function mayReactToProposal(proposal: AsyncProposal): boolean {
  return proposal.status === 'open';
}

export function mayRespondToProposal(proposal: AsyncProposal, now: number): boolean {
  return proposal.status === 'open' && now < proposal.closesAt;
}

export function mayWithdrawProposal(state: TeamSpaceState, actorId: ParticipantId, proposal: AsyncProposal): boolean {
  return proposal.status === 'open' && (proposal.authorId === actorId || isSpaceFacilitator(state, actorId));
}

export function mayPullProposal(state: TeamSpaceState, actorId: ParticipantId, proposal: AsyncProposal): boolean {
  return proposal.status === 'open' && isSpaceFacilitator(state, actorId);
}

// The caps, as `shared/src/teamSpace/limits.ts` asks them (same names there).

export function canAnswerAsync(tension: Tension): boolean {
  return (tension.async?.answers.length ?? 0) < limits.asyncAnswersPerTension;
}

export function canPublishProposal(state: TeamSpaceState): boolean {
  return state.proposals.filter((p) => p.status === 'open').length < limits.openProposalsPerSpace;
}

export function canAskProposal(proposal: AsyncProposal): boolean {
  return proposal.questions.length < limits.questionsPerProposal;
}

export function canReactToProposal(proposal: AsyncProposal): boolean {
  return proposal.reactions.length < limits.reactionsPerProposal;
}
