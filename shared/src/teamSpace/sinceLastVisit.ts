import type { ParticipantId } from '../core/participants.ts';
import type { AsyncAnswer, AsyncProposal, ProposalQuestion } from './betweenMeetingsTypes.ts';
import { mayReadTension } from './privacy.ts';
import { registerChangesSince, type RegisterEntryChange } from './registerSelectors.ts';
import type { Decision, TeamSpaceState, Tension } from './state.ts';

/**
 * "Since your last visit" (issue 17): what changed in a team space since this device last showed
 * it. Runs on the member's device, on their own masked copy, so it reads only what that copy
 * holds: an anonymous tension of someone else has no author there (it counts as someone else's),
 * and a private tension the member may not read is left out, not shown as a blank line.
 */
export interface SinceLastVisit {
  /** No earlier visit on this device: the lists of what changed are empty (the page welcomes instead). */
  firstVisit: boolean;
  /** Tensions others brought since, that this member may read; newest first. */
  newTensions: Tension[];
  /** Answers others gave since to this member's tensions asked between meetings; the newest answer first. */
  answersToMine: Array<{ tension: Tension; answers: AsyncAnswer[] }>;
  /** Questions others asked since about this member's open proposals, not answered yet. */
  questionsToMine: Array<{ proposal: AsyncProposal; questions: ProposalQuestion[] }>;
  /**
   * Open proposals of others that wait for this member's response, the window closing first
   * first: shown on a first visit too, since they wait whether or not anything changed.
   */
  proposalsAwaitingMe: AsyncProposal[];
  /** Proposals whose window closed (or that went to a meeting, or were withdrawn) since; newest first. */
  proposalsClosed: AsyncProposal[];
  /** Decisions adopted since, in a meeting or between meetings; newest first. */
  decisionsAdopted: Decision[];
  /** Changes decisions made to roles and rules since; newest first. */
  registerChanges: RegisterEntryChange[];
  /** Nothing to show. */
  empty: boolean;
}

/** Whether this member is asked to respond to a proposal now: asked when it was published, has not answered, and it is open. */
export function awaitsResponseFrom(proposal: AsyncProposal, viewerId: ParticipantId, now: number): boolean {
  return (
    proposal.status === 'open' &&
    now < proposal.closesAt &&
    proposal.authorId !== viewerId &&
    proposal.asked.includes(viewerId) &&
    !proposal.responses.some((r) => r.by === viewerId)
  );
}

/**
 * The digest for `viewerId` of what changed after `since` (exclusive, the epoch ms of the last
 * visit; `null`: the first visit on this device) until `now`.
 */
export function sinceLastVisit(
  state: TeamSpaceState,
  viewerId: ParticipantId,
  since: number | null,
  now: number,
): SinceLastVisit {
  const proposalsAwaitingMe = state.proposals
    .filter((p) => awaitsResponseFrom(p, viewerId, now))
    .sort((a, b) => a.closesAt - b.closesAt);
  if (since === null) {
    return {
      firstVisit: true,
      newTensions: [],
      answersToMine: [],
      questionsToMine: [],
      proposalsAwaitingMe,
      proposalsClosed: [],
      decisionsAdopted: [],
      registerChanges: [],
      empty: proposalsAwaitingMe.length === 0,
    };
  }
  const after = (at: number | null) => at !== null && at > since;
  const newest = <T>(list: T[], at: (item: T) => number) => list.sort((a, b) => at(b) - at(a));

  const newTensions = newest(
    state.tensions.filter((t) => after(t.createdAt) && t.authorId !== viewerId && mayReadTension(t, viewerId)),
    (t) => t.createdAt,
  );
  const answersToMine = newest(
    state.tensions.flatMap((tension) => {
      if (tension.authorId !== viewerId || !tension.async) return [];
      const answers = newest(
        tension.async.answers.filter((a) => a.by !== viewerId && after(a.at)),
        (a) => a.at,
      );
      return answers.length > 0 ? [{ tension, answers }] : [];
    }),
    (entry) => entry.answers[0]?.at ?? 0,
  );
  const questionsToMine = state.proposals.flatMap((proposal) => {
    if (proposal.authorId !== viewerId || proposal.status !== 'open') return [];
    const questions = proposal.questions.filter((q) => q.by !== viewerId && q.answer === null && after(q.at));
    return questions.length > 0 ? [{ proposal, questions }] : [];
  });
  const proposalsClosed = newest(
    state.proposals.filter((p) => p.status !== 'open' && after(p.closedAt)),
    (p) => p.closedAt ?? 0,
  );
  const decisionsAdopted = newest(
    state.decisions.filter((d) => after(d.adoptedAt)),
    (d) => d.adoptedAt,
  );
  const registerChanges = registerChangesSince(state.register, since);

  const lists = [
    newTensions,
    answersToMine,
    questionsToMine,
    proposalsAwaitingMe,
    proposalsClosed,
    decisionsAdopted,
    registerChanges,
  ];
  return {
    firstVisit: false,
    newTensions,
    answersToMine,
    questionsToMine,
    proposalsAwaitingMe,
    proposalsClosed,
    decisionsAdopted,
    registerChanges,
    empty: lists.every((list) => list.length === 0),
  };
}
