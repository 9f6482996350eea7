import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/t/${code}/register`);
  const seat = loadSeat(code);
  // Without a seat on this device, the way in is the join page.
  if (!seat) redirect(307, `/j/${code}`);
  await i18n.need('loop', 'space', 'minutes', 'register');
  return { code, seat };
};
