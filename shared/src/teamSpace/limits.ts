import { limits } from '../protocol/limits.ts';
import type { ParticipantId } from '../core/participants.ts';
import type { AsyncProposal } from './betweenMeetingsTypes.ts';
import type { GovernanceProcess, Meeting, TeamSpaceState, Tension } from './state.ts';

/**
 * The caps of a team space as predicates, one per cap. `decideLoop` refuses with `limit_reached`
 * where one says no, and the web app asks the same question to disable and explain its controls.
 * They count on a member's own copy too: their own tensions are never masked.
 */

/** Why a tension cannot be added now: the space's backlog is full, or this member's share of it. */
export type TensionRoom = 'space' | 'member';

export function openTensionCount(state: TeamSpaceState): number {
  let count = 0;
  for (const t of state.tensions) if (t.status === 'open') count += 1;
  return count;
}

export function openTensionsBy(state: TeamSpaceState, memberId: ParticipantId): number {
  let count = 0;
  for (const t of state.tensions) if (t.status === 'open' && t.authorId === memberId) count += 1;
  return count;
}

/** `null` when the member may bring another tension, otherwise which cap stands in the way. */
export function tensionCapReached(state: TeamSpaceState, memberId: ParticipantId): TensionRoom | null {
  if (openTensionCount(state) >= limits.openTensionsPerSpace) return 'space';
  if (openTensionsBy(state, memberId) >= limits.openTensionsPerMember) return 'member';
  return null;
}

export function canAddTension(state: TeamSpaceState, memberId: ParticipantId): boolean {
  return tensionCapReached(state, memberId) === null;
}

export function canAddAction(state: TeamSpaceState): boolean {
  let open = 0;
  for (const a of state.actions) if (a.status === 'open') open += 1;
  return open < limits.openActionsPerSpace;
}

/** Counts archived decisions too: the archive keeps no more, and a full log refuses rather than forgets. */
export function canAdoptDecision(state: TeamSpaceState): boolean {
  return state.decisionsAdopted < limits.decisionsPerSpace;
}

/** Whether the meeting may take up one more tension (one already in its minutes may come back). */
export function canTakeUpTension(meeting: Meeting, tensionId: string): boolean {
  return (
    meeting.processed.length < limits.tensionsPerMeeting || meeting.processed.some((p) => p.tensionId === tensionId)
  );
}

/** Each round adds at most one objection per member, so both caps together bound a proposal's objections. */
/** Whether the meeting may note an update on this project (one already noted may change). */
export function canUpdateProject(meeting: Meeting, actionId: string): boolean {
  return (
    meeting.projectUpdates.length < limits.projectUpdatesPerMeeting ||
    meeting.projectUpdates.some((u) => u.actionId === actionId)
  );
}

export function canStartObjectionRound(process: GovernanceProcess): boolean {
  return (
    process.objectionRounds < limits.objectionRoundsPerProcess &&
    process.objections.length < limits.objectionsPerProcess
  );
}

// Between meetings (issue 17).

/** Whether a tension asked between meetings may take one more answer. */
export function canAnswerAsync(tension: Tension): boolean {
  return (tension.async?.answers.length ?? 0) < limits.asyncAnswersPerTension;
}

/** Proposals alive: waiting for objections, or for the next governance meeting (both weigh alike). */
export function openProposalCount(state: TeamSpaceState): number {
  let count = 0;
  for (const p of state.proposals) if (p.status === 'open' || p.status === 'to-meeting') count += 1;
  return count;
}

/** Whether one more proposal may wait out its window in this space. */
export function canPublishProposal(state: TeamSpaceState): boolean {
  return openProposalCount(state) < limits.openProposalsPerSpace;
}

export function canAskProposal(proposal: AsyncProposal): boolean {
  return proposal.questions.length < limits.questionsPerProposal;
}

export function canReactToProposal(proposal: AsyncProposal): boolean {
  return proposal.reactions.length < limits.reactionsPerProposal;
}
