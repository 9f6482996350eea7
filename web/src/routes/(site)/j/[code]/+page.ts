import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  // A device that already has a seat here goes straight back to it.
  if (loadSeat(code)) redirect(307, `/s/${code}`);
  if (code !== params.code) redirect(307, `/j/${code}${url.search}`);
  return { code, seatExpired: url.searchParams.get('reason') === 'seat' };
};
