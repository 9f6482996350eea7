import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import type { LoopEvent } from '../events.ts';
import { canAdoptDecision, canStartObjectionRound } from '../limits.ts';
import type { RegisterChange } from '../registerTypes.ts';
import { withRegisterIds } from '../register.ts';
import { registerRefusal } from './proposalRules.ts';
import {
  advanceBlock,
  mayAnswerObjectionRound,
  mayEditProposal,
  objectionRoundOpen,
  objectionsTestable,
  openObjections,
  previousStep,
  speaksForProposal,
  type AdvanceBlock,
} from '../permissions.ts';
import { canRunMeeting, currentSpeaker, findMember, findTension, presentOnline } from '../selectors.ts';
import type { GovernanceProcess, IdmStep, Meeting, TeamSpaceState } from '../state.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type GovernanceRuleCommand = LoopCommandOf<
  | 'proposal:set'
  | 'process:advance'
  | 'process:back'
  | 'objection:raise'
  | 'objection:none'
  | 'objection:mark-absent'
  | 'objection:test'
  | 'objection:integrate'
>;

/** What `process:advance` answers when {@link advanceBlock} stands in the way. */
const advanceRefusals: Record<AdvanceBlock, string> = {
  noProposal: 'Write the proposal down first.',
  roundOpen: 'Everyone present must answer in the objection round.',
  openObjections: 'Integrate or test every open objection first.',
  adopted: 'The proposal is adopted; close the tension.',
};

/**
 * Integrative decision-making: proposal → clarifying questions → reaction round → amend and
 * clarify → objection round → integration (back to the objection round until none remains) →
 * adopted. Adoption only ever follows a completed objection round with no open objection.
 */
export function decideGovernance(
  state: TeamSpaceState,
  command: GovernanceRuleCommand,
  ctx: LoopRuleContext,
): LoopDecideResult {
  const meeting = state.meeting;
  const process = meeting?.process;
  if (!meeting || !process) return reject(ErrorCode.invalidState, 'No proposal is being processed.');
  const runs = canRunMeeting(state, ctx.actorId);

  switch (command.type) {
    case 'proposal:set':
      if (!speaksForProposal(state, ctx.actorId)) return forbidden('Only the proposer may change the proposal.');
      if (!mayEditProposal(state, ctx.actorId)) {
        return reject(ErrorCode.wrongPhase, 'The proposal can change while proposing, amending or integrating.');
      }
      if (command.changes === undefined) return accept({ type: 'process:proposal-set', proposal: command.proposal });
      return setChanges(state, command.proposal, withRegisterIds(command.changes, ctx.newId));

    case 'objection:raise':
    case 'objection:none': {
      if (!objectionRoundOpen(process, meeting.round)) {
        return reject(ErrorCode.wrongPhase, 'Objections are stated in the objection round.');
      }
      // Each member answers for themself: nobody, not even the facilitator, says "no objection"
      // for someone else. Someone who cannot answer is marked absent instead (below).
      if (!mayAnswerObjectionRound(state, ctx.actorId)) return forbidden('It is not your turn.');
      const speaker = ctx.actorId;
      if (command.type === 'objection:none') return accept({ type: 'round:advanced', passed: true });
      return accept(
        {
          type: 'objection:raised',
          objection: {
            id: ctx.newId('objection'),
            by: speaker,
            reason: command.reason,
            status: 'open',
            round: process.objectionRounds,
          },
        },
        { type: 'round:advanced', passed: false },
      );
    }

    case 'objection:mark-absent': {
      if (!runs) return forbidden('Only the facilitator may mark someone absent.');
      if (!objectionRoundOpen(process, meeting.round)) {
        return reject(ErrorCode.wrongPhase, 'Members are marked absent in the objection round.');
      }
      const speaker = currentSpeaker(meeting.round);
      if (speaker !== command.participantId) return reject(ErrorCode.invalidState, 'It is not their turn.');
      if (speaker === ctx.actorId) return reject(ErrorCode.invalidState, 'Answer for yourself.');
      return accept({ type: 'round:marked-absent', participantId: speaker });
    }

    case 'objection:test':
    case 'objection:integrate': {
      // Permission comes first, before any "already done" answer: someone who may not test or
      // integrate must hear so, not an `ok` that depends on what others did.
      if (command.type === 'objection:test' && !runs) return forbidden('Only the facilitator tests objections.');
      if (command.type === 'objection:integrate' && !speaksForProposal(state, ctx.actorId)) {
        return forbidden('Only the proposer integrates objections.');
      }
      const objection = process.objections.find((o) => o.id === command.objectionId);
      if (!objection) return reject(ErrorCode.notFound, 'No such objection.');
      if (command.type === 'objection:test') {
        // A test happens once; upheld or dropped, the answer stands.
        if (objection.status !== 'open') return accept();
        if (!objectionsTestable(process)) {
          return reject(ErrorCode.wrongPhase, 'Objections are tested after they are raised.');
        }
        // Upheld is recorded too, so every device (and the minutes' reader) sees that it was tested.
        return accept({
          type: 'objection:status-set',
          objectionId: objection.id,
          status: command.valid ? 'valid' : 'invalid',
        });
      }
      if (objection.status !== 'open' && objection.status !== 'valid') return accept();
      if (process.step !== 'integration')
        return reject(ErrorCode.wrongPhase, 'Objections are integrated in integration.');
      return accept({ type: 'objection:status-set', objectionId: objection.id, status: 'integrated' });
    }

    case 'process:advance':
      if (!runs) return forbidden('Only the facilitator moves the process on.');
      return advance(state, meeting, process, ctx);

    case 'process:back': {
      if (!runs) return forbidden('Only the facilitator moves the process back.');
      const to = previousStep(process.step);
      if (!to) return reject(ErrorCode.invalidTransition, 'There is no step to go back to.');
      if (to === 'objection' && !canStartObjectionRound(process)) return tooManyObjectionRounds();
      const events: LoopEvent[] = [];
      if (meeting.round) events.push({ type: 'round:ended' });
      events.push({ type: 'process:step-set', step: to, objectionRounds: process.objectionRounds });
      if (to === 'reaction' || to === 'objection') events.push(startRound(state, to));
      return accept(...events);
    }

    default:
      return assertNever(command);
  }
}

/**
 * The proposal with its register changes (ids of added entries given here). They must fit the
 * register as it is now; adoption checks again.
 */
function setChanges(state: TeamSpaceState, proposal: string, changes: RegisterChange[]): LoopDecideResult {
  return registerRefusal(state, changes) ?? accept({ type: 'process:proposal-set', proposal, changes });
}

const tooManyObjectionRounds = () =>
  reject(ErrorCode.limitReached, 'This proposal has had as many objection rounds as one may; close the tension.');

function startRound(state: TeamSpaceState, kind: 'reaction' | 'objection'): LoopEvent {
  return { type: 'round:started', round: { kind, order: presentOnline(state), index: 0, passed: [], absent: [] } };
}

function advance(
  state: TeamSpaceState,
  meeting: Meeting,
  process: GovernanceProcess,
  ctx: LoopRuleContext,
): LoopDecideResult {
  const step = (to: IdmStep, objectionRounds = process.objectionRounds): LoopEvent => ({
    type: 'process:step-set',
    step: to,
    objectionRounds,
  });
  const endRound: LoopEvent[] = meeting.round ? [{ type: 'round:ended' }] : [];
  const block = advanceBlock(process, meeting.round);
  if (block) return reject(ErrorCode.invalidState, advanceRefusals[block]);

  switch (process.step) {
    case 'proposal':
      return accept(step('clarifying'));
    case 'clarifying':
      return accept(step('reaction'), startRound(state, 'reaction'));
    case 'reaction':
      return accept(...endRound, step('amend'));
    case 'amend':
    case 'integration': {
      if (!canStartObjectionRound(process)) return tooManyObjectionRounds();
      return accept(...endRound, step('objection', process.objectionRounds + 1), startRound(state, 'objection'));
    }
    case 'objection': {
      if (openObjections(process).length > 0) return accept(...endRound, step('integration'));
      if (!canAdoptDecision(state))
        return reject(ErrorCode.limitReached, 'The decision log of this team space is full.');
      const tension = findTension(state, process.tensionId);
      const absent = meeting.round?.absent ?? [];
      const names = (ids: readonly string[]) =>
        ids.map((id) => findMember(state, id)?.name).filter((name): name is string => !!name);
      const changes = process.changes ?? [];
      // The register may have changed since the proposal was written (another adoption).
      const refusal = registerRefusal(state, changes);
      if (refusal) return refusal;
      const decisionId = ctx.newId('decision');
      const number = state.decisionsAdopted + 1;
      const registered: LoopEvent[] =
        changes.length > 0
          ? [{ type: 'register:changed', decisionId, decisionNumber: number, at: ctx.now, changes }]
          : [];
      if (process.proposalId) {
        registered.push({
          type: 'proposal:closed',
          proposalId: process.proposalId,
          status: 'adopted-in-meeting',
          toMeeting: null,
          at: ctx.now,
          decisionId,
        });
      }
      return accept(
        ...endRound,
        step('adopted'),
        {
          type: 'decision:adopted',
          decision: {
            id: decisionId,
            number,
            ...(changes.length > 0 ? { changes } : {}),
            tensionId: process.tensionId,
            title: tension?.title ?? '',
            text: process.proposal,
            adoptedAt: ctx.now,
            meetingId: meeting.id,
            present: names(meeting.attendees.filter((id) => !absent.includes(id))),
            markedAbsent: names(absent),
          },
        },
        ...registered,
      );
    }
    case 'adopted':
      return reject(ErrorCode.invalidState, advanceRefusals.adopted);
    default:
      return assertNever(process.step);
  }
}
