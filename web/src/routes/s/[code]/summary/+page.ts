import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/s/${code}/summary`);
  // Without a seat the page asks the server for the ended session's record; a running session
  // is for the people in it, and the page sends the visitor to join.
  return { code, seat: loadSeat(code) };
};
