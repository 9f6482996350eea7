import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { SessionKind } from '@runde/shared/client';

/**
 * Goes to where a seat of this kind of session leads: the team space, or the Lean Coffee board.
 * Pages that take a seat (join, sign-in, seat link, facilitator link, restore) all end here.
 */
export async function openBoard(kind: SessionKind, code: string, options: { replaceState: boolean }): Promise<void> {
  if (kind === 'team-space') await goto(resolve('/t/[code]', { code }), options);
  else await goto(resolve('/s/[code]', { code }), options);
}
