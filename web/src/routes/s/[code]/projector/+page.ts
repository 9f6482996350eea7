import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/s/${code}/projector`);
  // The projector follows the meeting with the seat this device holds (usually the facilitator's laptop).
  const seat = loadSeat(code);
  if (!seat) redirect(307, `/j/${code}`);
  return { code, seat };
};
