import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

/** Where the provider sends the browser back after signing in (see `signInLandingPath`). */
export const load: PageLoad = async ({ params }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/j/${code}/sign-in`);
  await i18n.need('signIn');
  return { code };
};
