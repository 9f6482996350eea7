import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

// The notice's texts are long and only this page needs them.
export const load: PageLoad = async () => {
  await i18n.need('privacy');
};
