import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '@runde/shared/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

/** What a phone came for: a seat (`?t=7` from a table card), another table, or a new one after a merge. */
export const load: PageLoad = async ({ params, url }) => {
  const code = normalizeJoinCode(params.code);
  if (code !== params.code) redirect(307, `/h/${code}${url.search}`);
  await i18n.need('hall');
  const table = Number(url.searchParams.get('t'));
  return {
    code,
    table: Number.isInteger(table) && table >= 1 ? table : null,
    move: url.searchParams.has('move'),
    reseat: url.searchParams.has('reseat'),
  };
};
