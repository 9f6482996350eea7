import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/t/${code}${url.search}`);
  const seat = loadSeat(code);
  // Without a seat on this device, the way in is the join page (it knows spaces from Lean Coffees).
  if (!seat) redirect(307, `/j/${code}`);
  return { code, seat, created: url.searchParams.has('created') };
};
