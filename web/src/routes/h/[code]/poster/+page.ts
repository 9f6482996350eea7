import { redirect } from '@sveltejs/kit';
import { hallLimits, normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/h/${code}/poster${url.search}`);
  await i18n.need('hall');
  // The organiser page builds the link with the hall's table count; without it, one page to start with.
  const asked = Number(url.searchParams.get('tables'));
  const tables = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, hallLimits.tablesMax) : 1;
  return { code, tables };
};
