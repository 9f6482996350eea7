import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/t/${code}${url.search}`);
  const seat = loadSeat(code);
  // Without a seat on this device, the way in is the join page (it knows spaces from Lean Coffees).
  if (!seat) redirect(307, `/j/${code}`);
  // The space's screens and texts load only past the redirect: a space's join link leads here first,
  // and a phone on its way to the join page should not download them.
  const [{ default: SpaceHome }] = await Promise.all([
    import('$lib/components/space/SpaceHome.svelte'),
    // The register's texts come with the sections that name it (see `SpaceHome`), after the board.
    i18n.need('loop', 'space'),
  ]);
  return { code, seat, created: url.searchParams.has('created'), SpaceHome };
};
