import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  const reason = url.searchParams.get('reason');
  // A device that already has a seat here goes straight back to it, unless the board sent it here to
  // sign in again (the seat stays: signing in proves it, `sign-in-seat`).
  if (reason !== 'sign-in' && loadSeat(code)) redirect(307, `/s/${code}`);
  if (code !== params.code) redirect(307, `/j/${code}${url.search}`);
  // Only a board that lost its sign-in sends a device here to sign in again: then its notice needs the texts.
  if (reason === 'sign-in') await i18n.need('signIn');
  return { code, seatExpired: reason === 'seat', signInAgain: reason === 'sign-in' };
};
