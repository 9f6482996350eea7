import { groupRoleRefusal, mayChangeAccess } from '../session/sessionAccess.ts';
import type { LoopCommand } from '../protocol/loopCommands.ts';
import { assertNever } from '../core/assertNever.ts';
import { creatorId, mayChangeRole } from '../core/participants.ts';
import type { Participant, ParticipantId, Role } from '../core/participants.ts';
import {
  mayAnswerAsync,
  mayAnswerProposalQuestion,
  mayAskAsync,
  mayAskProposal,
  mayPublishProposal,
  mayPullProposal,
  mayReactToProposal,
  mayResolveAsync,
  mayRespondToProposal,
  mayWithdrawProposal,
} from './betweenMeetingsPermissions.ts';
import { canAddTension, canAnswerAsync, canAskProposal, canPublishProposal, canReactToProposal } from './limits.ts';
import { mergeRevealsToActor } from './mergePrivacy.ts';
import { mayReadTension } from './privacy.ts';
import {
  canRecord,
  canRunMeeting,
  currentSpeaker,
  findMember,
  findTension,
  isSpaceFacilitator,
  mayAnswerGotWhatNeeded,
  mayChangeAction,
  roundComplete,
} from './selectors.ts';
import {
  idmSteps,
  type GovernanceProcess,
  type IdmStep,
  type Objection,
  type Round,
  type TeamSpaceState,
  type Tension,
} from './state.ts';

/*
 * "May this member do this now?" for a team space: one predicate per question, asked by
 * `decideLoop` for its refusals and by the space and meeting screens to show a control.
 * `teamSpacePermission` names the predicate of every command; a property test
 * (permissions.property.test.ts) holds it equal to `decideLoop`.
 */

/** Whether this person is a member of the space (only members send commands). */
export function isMember(state: TeamSpaceState, actorId: ParticipantId): boolean {
  return findMember(state, actorId) !== undefined;
}

/**
 * Whether this member may give `target` this role now: a facilitator, and never taking the role
 * from the seat that opened the space or from its last facilitator.
 */
export function mayGiveMemberRole(
  state: TeamSpaceState,
  actorId: ParticipantId,
  target: Participant,
  role: Role,
): boolean {
  return (
    isMember(state, actorId) &&
    mayChangeRole(state.participants, actorId, target, role) &&
    !groupRoleRefusal(state, role)
  );
}

/**
 * Whether this member may merge seat `from` into seat `into` (one person with two seats): every
 * rule of {@link memberMergeOtherwiseAllowed}, and the merge shows the actor nothing masked for
 * them now ({@link mergeRevealsToActor}: a facilitator never merges someone's personal room into a
 * seat they hold).
 */
export function mayMergeMembers(
  state: TeamSpaceState,
  actorId: ParticipantId,
  from: ParticipantId,
  into: ParticipantId,
): boolean {
  return memberMergeOtherwiseAllowed(state, actorId, from, into) && !mergeRevealsToActor(state, actorId, from, into);
}

/**
 * The merge rules apart from privacy, so a screen can say why a seat it would otherwise offer is
 * not: a facilitator, two different members, and never merging away the seat that opened the
 * space (it holds `creatorId`; merge the other way instead), nor two seats each bound by sign-in
 * ({@link bothSignedIn}). Allowed during a meeting: the merge keeps the running meeting consistent
 * (`mergeMembers.ts`).
 */
export function memberMergeOtherwiseAllowed(
  state: TeamSpaceState,
  actorId: ParticipantId,
  from: ParticipantId,
  into: ParticipantId,
): boolean {
  return (
    isSpaceFacilitator(state, actorId) &&
    from !== into &&
    isMember(state, from) &&
    isMember(state, into) &&
    from !== creatorId(state.participants) &&
    !bothSignedIn(state, from, into)
  );
}

/**
 * Two seats each bound by sign-in belong to two identities at the provider (one identity is one
 * seat): merging them would let either sign in as the other, so they are not one person's seats.
 */
export function bothSignedIn(state: TeamSpaceState, a: ParticipantId, b: ParticipantId): boolean {
  return findMember(state, a)?.boundBy === 'sign-in' && findMember(state, b)?.boundBy === 'sign-in';
}

/** Facilitators, and whoever records in the running meeting, sort tensions into rooms and mark content shareable. */
export function maySortTensions(state: TeamSpaceState, actorId: ParticipantId): boolean {
  return isSpaceFacilitator(state, actorId) || canRecord(state, actorId);
}

/** Whether this tension can change at all: it is open and not on the table right now. */
export function tensionChangeable(state: TeamSpaceState, tension: Tension): boolean {
  return tension.status === 'open' && state.meeting?.currentTensionId !== tension.id;
}

/** Whoever brought an open tension, or a facilitator, may withdraw it while it is not on the table. */
export function mayChangeTension(state: TeamSpaceState, actorId: ParticipantId, tension: Tension): boolean {
  return tensionChangeable(state, tension) && (tension.authorId === actorId || isSpaceFacilitator(state, actorId));
}

/** Rewording needs the content too: nobody rewrites a personal tension they may not read. */
export function mayEditTension(state: TeamSpaceState, actorId: ParticipantId, tension: Tension): boolean {
  return mayChangeTension(state, actorId, tension) && mayReadTension(tension, actorId);
}

/** Whether this member may set the team's rhythm (its recurring meetings, time zone, objection window): a facilitator. */
export function maySetRhythm(state: TeamSpaceState, actorId: ParticipantId): boolean {
  return isSpaceFacilitator(state, actorId);
}

/** Whether this person may start a meeting now: a facilitator, while none is running. */
export function mayStartMeeting(state: TeamSpaceState, actorId: ParticipantId): boolean {
  return isSpaceFacilitator(state, actorId) && !state.meeting;
}

/**
 * Whether this person may move the running round on (done, or passing): whoever runs the meeting,
 * or the speaker whose turn it is. Objection rounds are answered with objection commands instead.
 */
export function mayMoveRoundOn(state: TeamSpaceState, actorId: ParticipantId): boolean {
  const round = state.meeting?.round ?? null;
  if (!round || roundComplete(round) || round.kind === 'objection') return false;
  return canRunMeeting(state, actorId) || currentSpeaker(round) === actorId;
}

/** The steps of integrative decision-making in which the proposal may change. */
export const editableSteps: readonly IdmStep[] = ['proposal', 'amend', 'integration'];

/** Objections the proposal still has to answer: not yet tested, or upheld by the test. */
export function openObjections(process: GovernanceProcess): Objection[] {
  return process.objections.filter((o) => o.status === 'open' || o.status === 'valid');
}

/** The proposer, and whoever runs the meeting, speak for the proposal. */
export function speaksForProposal(state: TeamSpaceState, actorId: ParticipantId): boolean {
  const process = state.meeting?.process;
  return !!process && (process.proposerId === actorId || canRunMeeting(state, actorId));
}

/** Whether this person may write the proposal now: its proposer (or whoever runs the meeting), in an editable step. */
export function mayEditProposal(state: TeamSpaceState, actorId: ParticipantId): boolean {
  const process = state.meeting?.process;
  return !!process && speaksForProposal(state, actorId) && editableSteps.includes(process.step);
}

/** Whether the objection round of the running process waits for someone. */
export function objectionRoundOpen(process: GovernanceProcess, round: Round | null): boolean {
  return process.step === 'objection' && round?.kind === 'objection' && !roundComplete(round);
}

/** Whether this person states an objection (or none) now: it is their turn in the objection round. */
export function mayAnswerObjectionRound(state: TeamSpaceState, actorId: ParticipantId): boolean {
  const meeting = state.meeting;
  if (!meeting?.process || !objectionRoundOpen(meeting.process, meeting.round)) return false;
  return currentSpeaker(meeting.round) === actorId;
}

/** Whether this person may mark the member whose turn it is absent: whoever runs the meeting, for someone else. */
export function mayMarkAbsent(state: TeamSpaceState, actorId: ParticipantId, participantId: ParticipantId): boolean {
  const meeting = state.meeting;
  if (!meeting?.process || !canRunMeeting(state, actorId)) return false;
  if (!objectionRoundOpen(meeting.process, meeting.round)) return false;
  return currentSpeaker(meeting.round) === participantId && participantId !== actorId;
}

/** Whether objections are tested in this step: after they are raised, until the proposal is adopted. */
export function objectionsTestable(process: GovernanceProcess): boolean {
  return process.step === 'objection' || process.step === 'integration';
}

/** Whether this person may test this objection now: whoever runs the meeting, once, in the objection or integration step. */
export function mayTestObjection(state: TeamSpaceState, actorId: ParticipantId, objection: Objection): boolean {
  const process = state.meeting?.process;
  return !!process && canRunMeeting(state, actorId) && objection.status === 'open' && objectionsTestable(process);
}

/** Whether this person may integrate this objection now: the proposer (or whoever runs the meeting), in integration. */
export function mayIntegrateObjection(state: TeamSpaceState, actorId: ParticipantId, objection: Objection): boolean {
  const process = state.meeting?.process;
  return (
    !!process &&
    speaksForProposal(state, actorId) &&
    process.step === 'integration' &&
    (objection.status === 'open' || objection.status === 'valid')
  );
}

/** Where "Step back" leads; nothing before the proposal, and an adopted proposal stays adopted. */
export function previousStep(step: IdmStep): IdmStep | undefined {
  return step === 'adopted' ? undefined : idmSteps[idmSteps.indexOf(step) - 1];
}

/** Why "Next step" would be refused now (besides the caps of objection rounds and decisions). */
export type AdvanceBlock = 'noProposal' | 'roundOpen' | 'openObjections' | 'adopted';

/** What stands in the way of the process's next step, asked by `process:advance` and by the stepper. */
export function advanceBlock(process: GovernanceProcess, round: Round | null): AdvanceBlock | null {
  switch (process.step) {
    case 'proposal':
      return process.proposal ? null : 'noProposal';
    case 'objection':
      return roundComplete(round) ? null : 'roundOpen';
    case 'integration':
      return openObjections(process).length > 0 ? 'openObjections' : null;
    case 'adopted':
      return 'adopted';
    default:
      return null;
  }
}

/**
 * The commands about one proposal. The table has no clock: `proposal:respond` is asked here as if
 * its window were open while the proposal is; `decideLoop` adds the window's end (`wrongPhase`).
 */
function proposalPermission(
  state: TeamSpaceState,
  actorId: ParticipantId,
  command: Extract<
    LoopCommand,
    {
      type:
        | 'proposal:ask'
        | 'proposal:answer'
        | 'proposal:react'
        | 'proposal:respond'
        | 'proposal:withdraw'
        | 'proposal:to-meeting';
    }
  >,
): boolean {
  const proposal = state.proposals.find((p) => p.id === command.proposalId);
  if (!proposal) return false;
  switch (command.type) {
    case 'proposal:ask':
      return mayAskProposal(actorId, proposal) && canAskProposal(proposal);
    case 'proposal:answer': {
      const question = proposal.questions.find((q) => q.id === command.questionId);
      return !!question && mayAnswerProposalQuestion(actorId, proposal, question);
    }
    case 'proposal:react':
      return mayReactToProposal(proposal) && canReactToProposal(proposal);
    case 'proposal:respond':
      return mayRespondToProposal(proposal, proposal.publishedAt);
    case 'proposal:withdraw':
      return mayWithdrawProposal(state, actorId, proposal);
    case 'proposal:to-meeting':
      return mayPullProposal(state, actorId, proposal);
    default:
      return assertNever(command);
  }
}

/**
 * The predicate of every member command: what `decideLoop` asks before it accepts, in one place
 * per command type. A command without an entry does not compile (the switch is exhaustive).
 */
export function teamSpacePermission(state: TeamSpaceState, actorId: ParticipantId, command: LoopCommand): boolean {
  if (!isMember(state, actorId)) return false;
  switch (command.type) {
    case 'participant:rename':
    case 'timer:expire':
      return true;
    case 'space:update':
      return isSpaceFacilitator(state, actorId);
    case 'access:set':
      return mayChangeAccess(state, actorId, command);
    case 'participant:set-role': {
      const target = findMember(state, command.participantId);
      return !!target && mayGiveMemberRole(state, actorId, target, command.role);
    }
    case 'space:merge-members':
      return mayMergeMembers(state, actorId, command.from, command.into);
    case 'tension:add':
      return canAddTension(state, actorId);
    case 'tension:edit':
    case 'tension:withdraw': {
      const tension = findTension(state, command.tensionId);
      if (!tension) return false;
      return command.type === 'tension:edit'
        ? mayEditTension(state, actorId, tension)
        : mayChangeTension(state, actorId, tension);
    }
    case 'tension:assign-room':
    case 'tension:set-shareable':
      return maySortTensions(state, actorId);
    case 'action:update':
    case 'action:set-status': {
      const action = state.actions.find((a) => a.id === command.actionId);
      return !!action && mayChangeAction(state, actorId, action);
    }
    case 'meeting:start':
      return mayStartMeeting(state, actorId);
    case 'tension:answer':
      return mayAnswerGotWhatNeeded(state, actorId);
    case 'tension:outcome':
    case 'tension:agreement':
    case 'tension:close':
    case 'meeting:mark-checklist':
    case 'meeting:set-metric':
    case 'meeting:update-project':
      return canRecord(state, actorId);
    case 'meeting:assign-role':
    case 'meeting:advance':
    case 'meeting:back':
    case 'meeting:end':
    case 'meeting:agenda-add':
    case 'meeting:agenda-remove':
    case 'tension:start':
    case 'round:start':
    case 'process:advance':
    case 'process:back':
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:add':
    case 'timer:reset':
      return canRunMeeting(state, actorId);
    case 'round:next':
    case 'round:pass':
      return mayMoveRoundOn(state, actorId);
    case 'proposal:set':
      return mayEditProposal(state, actorId);
    case 'objection:raise':
    case 'objection:none':
      return mayAnswerObjectionRound(state, actorId);
    case 'objection:mark-absent':
      return mayMarkAbsent(state, actorId, command.participantId);
    case 'objection:test':
    case 'objection:integrate': {
      const objection = state.meeting?.process?.objections.find((o) => o.id === command.objectionId);
      if (!objection) return false;
      return command.type === 'objection:test'
        ? mayTestObjection(state, actorId, objection)
        : mayIntegrateObjection(state, actorId, objection);
    }
    case 'tension:ask-async':
    case 'tension:async-answer':
    case 'tension:async-resolve': {
      const tension = findTension(state, command.tensionId);
      if (!tension) return false;
      if (command.type === 'tension:ask-async') return mayAskAsync(state, actorId, tension, command.async);
      return command.type === 'tension:async-answer'
        ? mayAnswerAsync(state, actorId, tension) && canAnswerAsync(tension)
        : mayResolveAsync(state, actorId, tension);
    }
    case 'proposal:publish':
      return mayPublishProposal(state, actorId, command.tensionId) && canPublishProposal(state);
    case 'proposal:ask':
    case 'proposal:answer':
    case 'proposal:react':
    case 'proposal:respond':
    case 'proposal:withdraw':
    case 'proposal:to-meeting':
      return proposalPermission(state, actorId, command);
    case 'space:set-rhythm':
      return maySetRhythm(state, actorId);
    default:
      return assertNever(command);
  }
}
