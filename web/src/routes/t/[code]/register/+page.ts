import { i18n } from '$lib/i18n/i18n.svelte';
import { teamSpaceSubPageSeat } from '$lib/teamSpaceSubPageSeat';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const page = teamSpaceSubPageSeat(params.code, 'register');
  await i18n.need('loop', 'space', 'minutes', 'register');
  return page;
};
