import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

// Opening a seat link is a page of its own: its texts load with it, not with every board.
export const load: PageLoad = async () => {
  await i18n.need('seats');
};
