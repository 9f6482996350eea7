import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  const reason = url.searchParams.get('reason');
  // A device that already has a seat here goes straight back to it, unless the board sent it here to
  // sign in again (the seat stays: signing in proves it, `sign-in-seat`).
  if (reason !== 'sign-in' && loadSeat(code)) redirect(307, `/s/${code}`);
  if (code !== params.code) redirect(307, `/j/${code}${url.search}`);
  return { code, seatExpired: reason === 'seat', signInAgain: reason === 'sign-in' };
};
