import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { Seat } from '@runde/shared/client';
import { openLiveClient, type LiveClientHandle } from './openLiveClient.svelte';
import { forgetSeat } from './seats';
import { SpaceClient } from './spaceClient.svelte';

interface TeamSpaceRecordPage {
  code: string;
  seat: Seat;
}

/**
 * The live client of a team space's page of its own (register, minutes). A revoked or forgotten
 * seat sends the device to join again; with `leanCoffeeSummary`, a code that turns out to be a
 * Lean Coffee goes to that session's summary, the Lean Coffee's counterpart of the minutes.
 * Runs effects, so it is called while a component initialises.
 */
export function openTeamSpaceRecordClient(
  page: () => TeamSpaceRecordPage,
  options: { leanCoffeeSummary?: boolean } = {},
): LiveClientHandle<SpaceClient> {
  const live = openLiveClient(() => new SpaceClient({ seat: page().seat }));
  $effect(() => {
    const problem = live.current?.problem;
    const { code } = page();
    // The seat was revoked or the space forgot it: this device must join again.
    if (problem === 'unauthorized') {
      forgetSeat(code);
      void goto(resolve('/(site)/j/[code]?reason=seat', { code }), { replaceState: true });
    } else if (problem === 'wrong_kind' && options.leanCoffeeSummary) {
      void goto(resolve('/s/[code]/summary', { code }), { replaceState: true });
    }
  });
  return live;
}
