import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/s/${code}/summary`);
  const seat = loadSeat(code);
  // The minutes are for the people who were there: without a seat on this device, join first.
  if (!seat) redirect(307, `/j/${code}`);
  return { code, seat };
};
