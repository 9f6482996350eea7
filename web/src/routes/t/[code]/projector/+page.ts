import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { SessionCredential } from '$lib/liveSession.svelte';
import { loadProjectorPass } from '$lib/projectorPass';
import { loadSeat } from '$lib/seats';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const code = normalizeJoinCode(params.code);
  // `location.hash`, not `url.hash`: the fragment is read on this device and never leaves it.
  const hash = globalThis.location?.hash ?? '';
  if (code !== params.code) redirect(307, `/t/${code}/projector${hash}`);
  await i18n.need('loop', 'space', 'meeting', 'governance', 'projector', 'share', 'start', 'register');
  // The projector grant first: a room PC opened with the projector link watches without a seat.
  const pass = loadProjectorPass(code, hash);
  if (pass) return { code, credential: { projector: pass } satisfies SessionCredential };
  const seat = loadSeat(code);
  if (!seat) redirect(307, `/j/${code}`);
  return { code, credential: { seat } satisfies SessionCredential };
};
