import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { loadSeat } from '$lib/seats';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/s/${code}/summary`);
  await i18n.need('summary', 'backup', 'start', 'settings');
  // Without a seat the page asks the server for the ended session's record; a running session
  // is for the people in it, and the page sends the visitor to join.
  return { code, seat: loadSeat(code) };
};
