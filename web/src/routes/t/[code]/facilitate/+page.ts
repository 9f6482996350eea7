import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

// Claiming the facilitator's seat is a page of its own: its texts load with it, not with every board.
export const load: PageLoad = async () => {
  await i18n.need('facilitate');
};
