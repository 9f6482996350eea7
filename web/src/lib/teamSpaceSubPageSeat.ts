import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode, type Seat } from '@runde/shared/client';
import { loadSeat } from './seats.ts';

/**
 * The seat for a team space's page of its own (`/t/<code>/register`, `/t/<code>/minutes`), from a
 * page load: a code typed in another spelling redirects to its normal form, and a device without
 * a seat goes to the join page (it knows spaces from Lean Coffees).
 */
export function teamSpaceSubPageSeat(rawCode: string, page: 'register' | 'minutes'): { code: string; seat: Seat } {
  const code = normalizeJoinCode(rawCode);
  if (code !== rawCode) redirect(307, `/t/${code}/${page}`);
  const seat = loadSeat(code);
  if (!seat) redirect(307, `/j/${code}`);
  return { code, seat };
}
