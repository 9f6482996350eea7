import type { Decision } from '@runde/shared/client';

/** The newest `count` decisions, newest first. */
export function latestDecisions(decisions: readonly Decision[], count: number): Decision[] {
  return [...decisions].sort((a, b) => b.adoptedAt - a.adoptedAt).slice(0, count);
}
