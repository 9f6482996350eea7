import {
  mayReadTension,
  type AsyncProposal,
  type Decision,
  type ParticipantId,
  type TeamSpaceState,
  type Tension,
} from '@runde/shared/client';
import { responseOf } from './proposalWindow.ts';

/**
 * What the "Since your last visit" card lists (issue 17), in the shape its component reads.
 * The selection is the shared `sinceLastVisit(state, viewerId, since, now)`'s job (branch
 * wt-register); until that is merged, `sinceDigest` makes the same selection here, and then it
 * only maps the shared result onto this shape.
 */
export interface SinceDigest {
  /** Open tensions others brought since then, oldest first. */
  newTensions: Tension[];
  /** My tensions asked between meetings that got answers since then, with how many. */
  answered: { tension: Tension; count: number }[];
  /** Open proposals still waiting for my response, soonest window end first. */
  waiting: AsyncProposal[];
  /** Proposals closed since then. */
  closed: AsyncProposal[];
  decisions: Decision[];
  /** Changes to roles and rules since then, one per entry changed by a decision. */
  registerChanges: number;
}

export function sinceDigest(state: TeamSpaceState, viewerId: ParticipantId, since: number, now: number): SinceDigest {
  const newTensions = state.tensions
    .filter((t) => t.status === 'open' && t.createdAt > since && t.authorId !== viewerId && mayReadTension(t, viewerId))
    .sort((a, b) => a.createdAt - b.createdAt);
  const answered = state.tensions.flatMap((tension) => {
    if (tension.authorId !== viewerId || !tension.async) return [];
    const count = tension.async.answers.filter((a) => a.at > since && a.by !== viewerId).length;
    return count > 0 ? [{ tension, count }] : [];
  });
  const waiting = state.proposals
    .filter(
      (p) => p.status === 'open' && now < p.closesAt && p.authorId !== viewerId && responseOf(p, viewerId) === 'none',
    )
    .sort((a, b) => a.closesAt - b.closesAt);
  const closed = state.proposals.filter((p) => p.status !== 'open' && p.closedAt !== null && p.closedAt > since);
  const decisions = state.decisions.filter((d) => d.adoptedAt > since);
  const entries = [...state.register.roles, ...state.register.rules];
  const registerChanges = entries.reduce((sum, entry) => sum + entry.history.filter((h) => h.at > since).length, 0);
  return { newTensions, answered, waiting, closed, decisions, registerChanges };
}

/** Whether there is anything to say: an empty digest shows "nothing new" instead of a list. */
export function digestIsEmpty(digest: SinceDigest): boolean {
  return (
    digest.newTensions.length === 0 &&
    digest.answered.length === 0 &&
    digest.waiting.length === 0 &&
    digest.closed.length === 0 &&
    digest.decisions.length === 0 &&
    digest.registerChanges === 0
  );
}
