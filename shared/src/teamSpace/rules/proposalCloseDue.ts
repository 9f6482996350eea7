import type { ParticipantId } from '../../core/participants.ts';
import { applyLoopAll } from '../apply.ts';
import type { AsyncProposal } from '../betweenMeetingsTypes.ts';
import type { LoopEvent } from '../events.ts';
import { canAdoptDecision } from '../limits.ts';
import { registerChangesApplicable } from '../register.ts';
import { findMember, findTension } from '../selectors.ts';
import type { TeamSpaceState } from '../state.ts';
import { closed, record } from './proposalRules.ts';
import { accept, type LoopDecideResult, type LoopRuleContext } from './results.ts';

/**
 * The server's `proposal:close-due`: every open proposal whose window has passed (`closesAt <= now`)
 * is adopted when nobody objects and its changes still fit the register (and the log has room),
 * else sent to the next governance meeting. Each is decided on the state the previous ones left,
 * so two adopted in one run number their decisions in order. Nothing due: no events, so a second
 * run (another node, a retry) is a no-op.
 */
export function closeDueProposals(state: TeamSpaceState, ctx: LoopRuleContext): LoopDecideResult {
  const events: LoopEvent[] = [];
  let current = state;
  const due = state.proposals
    .filter((p) => p.status === 'open' && p.closesAt <= ctx.now)
    .sort((a, b) => a.closesAt - b.closesAt);
  for (const proposal of due) {
    const next = closeOne(current, proposal, ctx);
    events.push(...next);
    current = applyLoopAll(current, next);
  }
  return accept(...events);
}

function closeOne(state: TeamSpaceState, proposal: AsyncProposal, ctx: LoopRuleContext): LoopEvent[] {
  const toMeeting = (why: AsyncProposal['toMeeting']) => [
    closed(proposal, 'to-meeting', why, null, ctx.now),
    record(proposal, 'to-meeting', null, ctx),
  ];
  if (proposal.objections.some((o) => o.status === 'open')) return toMeeting('objection');
  if (!registerChangesApplicable(state.register, proposal.changes).ok) return toMeeting('not-applicable');
  // A full log refuses rather than forgets: the meeting hears why.
  if (!canAdoptDecision(state)) return toMeeting(null);
  const names = (ids: readonly ParticipantId[]) =>
    ids.map((id) => findMember(state, id)?.name).filter((name): name is string => !!name);
  // The proposer took part by proposing: never listed as not responding (the space page does not wait for them either).
  const responded = new Set([proposal.authorId, ...proposal.responses.map((r) => r.by)]);
  const decisionId = ctx.newId('decision');
  const number = state.decisionsAdopted + 1;
  const events: LoopEvent[] = [
    {
      type: 'decision:adopted',
      decision: {
        id: decisionId,
        number,
        tensionId: proposal.tensionId,
        title: proposal.title,
        text: proposal.text,
        adoptedAt: ctx.now,
        meetingId: null,
        present: names(proposal.responses.filter((r) => r.objectionId === null).map((r) => r.by)),
        betweenMeetings: {
          proposalId: proposal.id,
          noResponse: names(proposal.asked.filter((id) => !responded.has(id))),
        },
        changes: proposal.changes,
      },
    },
  ];
  if (proposal.changes.length > 0) {
    events.push({
      type: 'register:changed',
      decisionId,
      decisionNumber: number,
      at: ctx.now,
      changes: proposal.changes,
    });
  }
  events.push(closed(proposal, 'adopted', null, decisionId, ctx.now), record(proposal, 'adopted', decisionId, ctx));
  const tension = findTension(state, proposal.tensionId);
  if (tension?.status === 'open') {
    events.push({
      type: 'tension:closed',
      tensionId: tension.id,
      gotWhatNeeded: null,
      resolved: true,
      at: ctx.now,
      betweenMeetings: true,
    });
  }
  return events;
}
