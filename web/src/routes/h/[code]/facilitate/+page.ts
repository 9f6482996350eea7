import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  // `location.hash`, not `url.hash`: the key is read on this device and never leaves it.
  const hash = globalThis.location?.hash ?? '';
  if (code !== params.code) redirect(307, `/h/${code}/facilitate${url.search}${hash}`);
  await i18n.need('hall', 'facilitate', 'share', 'export');
  return { code, created: url.searchParams.has('created') };
};
