import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import type { AsyncProposal } from '../betweenMeetingsTypes.ts';
import {
  mayAnswerProposalQuestion,
  mayAskProposal,
  mayPublishProposal,
  mayPullProposal,
  mayReactToProposal,
  mayRespondToProposal,
  mayWithdrawProposal,
} from '../betweenMeetingsPermissions.ts';
import { newTension } from './newTension.ts';
import type { LoopEvent } from '../events.ts';
import { canAddTension, canAskProposal, canPublishProposal, canReactToProposal } from '../limits.ts';
import { registerChangesApplicable, registerRefusalMessages, withRegisterIds } from '../register.ts';
import type { RegisterChange } from '../registerTypes.ts';
import { findTension } from '../selectors.ts';
import type { TeamSpaceState } from '../state.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

export type ProposalRuleCommand = LoopCommandOf<
  | 'proposal:publish'
  | 'proposal:ask'
  | 'proposal:answer'
  | 'proposal:react'
  | 'proposal:respond'
  | 'proposal:withdraw'
  | 'proposal:to-meeting'
>;

/** A day of the objection window in milliseconds: exact, not calendar days (a DST change does not stretch it). */
export const WINDOW_DAY_MS = 86_400_000;

const notOpen = () => reject(ErrorCode.invalidState, 'This proposal is no longer open.');

/**
 * Governance proposals published between meetings: members ask, react and respond ("no
 * objection", or an objection with its reason) until the window closes; `proposal:close-due`
 * decides what happens then.
 */
export function decideProposal(
  state: TeamSpaceState,
  command: ProposalRuleCommand,
  ctx: LoopRuleContext,
): LoopDecideResult {
  if (command.type === 'proposal:publish') return publish(state, command, ctx);
  const proposal = state.proposals.find((p) => p.id === command.proposalId);
  if (!proposal) return reject(ErrorCode.notFound, 'No such proposal.');

  switch (command.type) {
    case 'proposal:ask':
      if (proposal.authorId === ctx.actorId) return forbidden('The proposer answers questions; others ask them.');
      if (!mayAskProposal(ctx.actorId, proposal)) return notOpen();
      if (!canAskProposal(proposal))
        return reject(ErrorCode.limitReached, 'This proposal has as many questions as it may.');
      return accept({
        type: 'proposal:questioned',
        proposalId: proposal.id,
        question: {
          id: ctx.newId('question'),
          by: ctx.actorId,
          text: command.text,
          at: ctx.now,
          answer: null,
          answeredAt: null,
        },
      });

    case 'proposal:answer': {
      if (proposal.authorId !== ctx.actorId) return forbidden('Only the proposer answers questions.');
      const question = proposal.questions.find((q) => q.id === command.questionId);
      if (!question) return reject(ErrorCode.notFound, 'No such question.');
      if (!mayAnswerProposalQuestion(ctx.actorId, proposal, question)) return notOpen();
      return accept({
        type: 'proposal:question-answered',
        proposalId: proposal.id,
        questionId: question.id,
        answer: command.text,
        at: ctx.now,
      });
    }

    case 'proposal:react':
      if (!mayReactToProposal(proposal)) return notOpen();
      if (!canReactToProposal(proposal))
        return reject(ErrorCode.limitReached, 'This proposal has as many reactions as it may.');
      return accept({
        type: 'proposal:reacted',
        proposalId: proposal.id,
        reaction: { id: ctx.newId('reaction'), by: ctx.actorId, text: command.text, at: ctx.now },
      });

    case 'proposal:respond': {
      if (!mayRespondToProposal(proposal, ctx.now)) {
        return reject(ErrorCode.wrongPhase, 'The objection window of this proposal has closed.');
      }
      // One open objection per member: a new response replaces what they said before (see apply).
      const objection =
        command.objection === null
          ? null
          : {
              id: ctx.newId('objection'),
              by: ctx.actorId,
              reason: command.objection,
              status: 'open' as const,
              round: 0,
            };
      return accept({
        type: 'proposal:responded',
        proposalId: proposal.id,
        response: { by: ctx.actorId, at: ctx.now, objectionId: objection?.id ?? null },
        objection,
      });
    }

    case 'proposal:withdraw':
      if (!mayWithdrawProposal(state, ctx.actorId, proposal)) {
        return proposal.status === 'open' ? forbidden('Only the proposer or a facilitator withdraws it.') : notOpen();
      }
      return accept(
        closed(proposal, 'withdrawn', null, null, ctx.now),
        { type: 'tension:withdrawn', tensionId: proposal.tensionId },
        record(proposal, 'withdrawn', null, ctx),
      );

    case 'proposal:to-meeting':
      if (!mayPullProposal(state, ctx.actorId, proposal)) {
        return proposal.status === 'open'
          ? forbidden('Only a facilitator pulls a proposal into a meeting.')
          : notOpen();
      }
      return accept(...pull(state, proposal, ctx));

    default:
      return assertNever(command);
  }
}

/**
 * Sends an open proposal to the governance meeting before its window closes; a running one takes
 * it onto its agenda at once.
 */
export function pull(state: TeamSpaceState, proposal: AsyncProposal, ctx: LoopRuleContext): LoopEvent[] {
  const events: LoopEvent[] = [
    closed(proposal, 'to-meeting', 'pulled', null, ctx.now),
    record(proposal, 'to-meeting', null, ctx),
  ];
  const meeting = state.meeting;
  if (meeting?.room === 'governance' && !meeting.agenda.includes(proposal.tensionId)) {
    events.push({ type: 'meeting:agenda-set', agenda: [...meeting.agenda, proposal.tensionId] });
  }
  return events;
}

function publish(
  state: TeamSpaceState,
  command: LoopCommandOf<'proposal:publish'>,
  ctx: LoopRuleContext,
): LoopDecideResult {
  if (command.tensionId !== undefined) {
    const tension = findTension(state, command.tensionId);
    if (!tension) return reject(ErrorCode.notFound, 'No such tension.');
    if (tension.authorId !== ctx.actorId) return forbidden('A proposal answers your own tension.');
  }
  if (!mayPublishProposal(state, ctx.actorId, command.tensionId)) {
    return reject(ErrorCode.invalidState, 'A proposal answers an open governance tension without one.');
  }
  if (!canPublishProposal(state))
    return reject(ErrorCode.limitReached, 'This team space has as many open proposals as it may.');
  if (command.tensionId === undefined && !canAddTension(state, ctx.actorId)) {
    return reject(ErrorCode.limitReached, 'The backlog is full, or you hold as many open tensions as a member may.');
  }
  const changes = withRegisterIds(command.changes, ctx.newId);
  const refusal = registerRefusal(state, changes);
  if (refusal) return refusal;
  const events: LoopEvent[] = [];
  let tensionId = command.tensionId;
  if (tensionId === undefined) {
    const tension = newTension(
      state,
      {
        title: command.title,
        description: command.text,
        room: 'governance',
        anonymous: false,
        roomConfirmed: true,
        async: false,
      },
      ctx,
    );
    tensionId = tension.id;
    events.push({ type: 'tension:added', tension });
  }
  events.push({
    type: 'proposal:published',
    proposal: {
      id: ctx.newId('proposal'),
      tensionId,
      authorId: ctx.actorId,
      title: command.title,
      text: command.text,
      changes,
      publishedAt: ctx.now,
      closesAt: ctx.now + state.rhythm.objectionWindowDays * WINDOW_DAY_MS,
      status: 'open',
      closedAt: null,
      toMeeting: null,
      asked: state.participants.map((p) => p.id),
      questions: [],
      reactions: [],
      responses: [],
      objections: [],
      decisionId: null,
    },
  });
  return accept(...events);
}

/**
 * Why these changes cannot be made to the register as it is now (`null`: they can): a full
 * register is a cap (`limit_reached`), anything else no longer fits (`invalid_state`).
 */
export function registerRefusal(state: TeamSpaceState, changes: readonly RegisterChange[]): LoopDecideResult | null {
  const fits = registerChangesApplicable(
    state.register,
    changes,
    state.participants.map((p) => p.id),
  );
  if (fits.ok) return null;
  const code =
    fits.reason === 'roles-full' || fits.reason === 'rules-full' ? ErrorCode.limitReached : ErrorCode.invalidState;
  return reject(code, registerRefusalMessages[fits.reason]);
}

export function closed(
  proposal: AsyncProposal,
  status: Extract<LoopEvent, { type: 'proposal:closed' }>['status'],
  toMeeting: AsyncProposal['toMeeting'],
  decisionId: string | null,
  at: number,
): LoopEvent {
  return { type: 'proposal:closed', proposalId: proposal.id, status, toMeeting, at, decisionId };
}

export function record(
  proposal: AsyncProposal,
  status: 'adopted' | 'to-meeting' | 'dropped' | 'withdrawn',
  decisionId: string | null,
  ctx: LoopRuleContext,
): LoopEvent {
  return {
    type: 'between:recorded',
    record: {
      kind: 'proposal-closed',
      id: ctx.newId('record'),
      at: ctx.now,
      proposalId: proposal.id,
      tensionId: proposal.tensionId,
      title: proposal.title,
      status,
      decisionId,
    },
  };
}
