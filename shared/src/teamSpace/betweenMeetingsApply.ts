import { limits } from '../protocol/limits.ts';
import type { AsyncProposal, BetweenRecord } from './betweenMeetingsTypes.ts';
import type { LoopEvent } from './events.ts';
import type { TeamSpaceState, Tension, TensionId } from './state.ts';

export type BetweenMeetingsEvent = Extract<
  LoopEvent,
  {
    type:
      | 'tension:async-set'
      | 'tension:async-answered'
      | 'between:recorded'
      | 'proposal:published'
      | 'proposal:questioned'
      | 'proposal:question-answered'
      | 'proposal:reacted'
      | 'proposal:responded'
      | 'proposal:closed';
  }
>;

function updateTension(state: TeamSpaceState, id: TensionId, change: (t: Tension) => Tension): TeamSpaceState {
  return { ...state, tensions: state.tensions.map((t) => (t.id === id ? change(t) : t)) };
}

function updateProposal(
  state: TeamSpaceState,
  id: string,
  change: (p: AsyncProposal) => AsyncProposal,
): TeamSpaceState {
  return { ...state, proposals: state.proposals.map((p) => (p.id === id ? change(p) : p)) };
}

/**
 * Keeps the open proposals and the newest `limits.closedProposalsKept` closed ones (those sent to a
 * meeting stay until the meeting is done with them), and the newest `limits.betweenRecordsKept`
 * records: a space kept for years stays bounded. Pure and the same on every copy.
 */
export function keepRecentBetween(state: TeamSpaceState): TeamSpaceState {
  const done = (p: AsyncProposal) => p.status !== 'open' && p.status !== 'to-meeting';
  let excess = state.proposals.filter(done).length - limits.closedProposalsKept;
  const proposals =
    excess > 0
      ? state.proposals.filter((p) => {
          if (excess > 0 && done(p)) {
            excess -= 1;
            return false;
          }
          return true;
        })
      : state.proposals;
  const between: BetweenRecord[] =
    state.between.length > limits.betweenRecordsKept ? state.between.slice(-limits.betweenRecordsKept) : state.between;
  return proposals === state.proposals && between === state.between ? state : { ...state, proposals, between };
}

/** Folds one event of the work between meetings (see `betweenMeetingsTypes.ts`). */
export function applyBetweenMeetings(state: TeamSpaceState, event: BetweenMeetingsEvent): TeamSpaceState {
  switch (event.type) {
    case 'tension:async-set':
      return updateTension(state, event.tensionId, (t) => ({ ...t, async: event.async }));
    case 'tension:async-answered':
      return updateTension(state, event.tensionId, (t) =>
        t.async ? { ...t, async: { ...t.async, answers: [...t.async.answers, event.answer] } } : t,
      );
    case 'between:recorded':
      return keepRecentBetween({ ...state, between: [...state.between, event.record] });
    case 'proposal:published':
      return { ...state, proposals: [...state.proposals, event.proposal] };
    case 'proposal:questioned':
      return updateProposal(state, event.proposalId, (p) => ({ ...p, questions: [...p.questions, event.question] }));
    case 'proposal:question-answered':
      return updateProposal(state, event.proposalId, (p) => ({
        ...p,
        questions: p.questions.map((q) =>
          q.id === event.questionId ? { ...q, answer: event.answer, answeredAt: event.at } : q,
        ),
      }));
    case 'proposal:reacted':
      return updateProposal(state, event.proposalId, (p) => ({ ...p, reactions: [...p.reactions, event.reaction] }));
    case 'proposal:responded':
      // The newest response counts: it replaces the member's earlier one, and their open objection
      // with it ("no objection" after an objection takes the objection back; it is not kept).
      return updateProposal(state, event.proposalId, (p) => ({
        ...p,
        responses: [...p.responses.filter((r) => r.by !== event.response.by), event.response],
        objections: [
          ...p.objections.filter((o) => o.by !== event.response.by || o.status !== 'open'),
          ...(event.objection ? [event.objection] : []),
        ],
      }));
    case 'proposal:closed':
      return keepRecentBetween(
        updateProposal(state, event.proposalId, (p) => ({
          ...p,
          status: event.status,
          toMeeting: event.toMeeting ?? p.toMeeting,
          closedAt: event.at,
          decisionId: event.decisionId ?? p.decisionId,
        })),
      );
    default:
      return state;
  }
}
