import type { KindState } from '@runde/shared';

/**
 * When the next objection window of a team space closes (ms), or null when no proposal is open or
 * the session is no team space. What the deadline index records after every commit.
 */
export function proposalDeadlineOf(state: KindState): number | null {
  if (state.kind !== 'team-space') return null;
  let next: number | null = null;
  for (const proposal of state.proposals) {
    if (proposal.status === 'open' && (next === null || proposal.closesAt < next)) next = proposal.closesAt;
  }
  return next;
}
