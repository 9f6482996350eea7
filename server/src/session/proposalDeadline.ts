import { nextProposalDeadline, type KindState } from '@runde/shared';

/**
 * When the next objection window of a session closes (ms), or null when none is open: the shared
 * `nextProposalDeadline` for team spaces; other kinds have no proposals. What the deadline index
 * records after a commit.
 */
export function proposalDeadlineOf(state: KindState): number | null {
  return state.kind === 'team-space' ? nextProposalDeadline(state) : null;
}
