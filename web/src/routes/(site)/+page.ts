import { i18n } from '$lib/i18n/i18n.svelte';
import type { PageLoad } from './$types';

// The start page's own texts (the form, the Lean Coffee settings, restoring a backup): a phone
// that joins by link never downloads them.
export const load: PageLoad = async () => {
  await i18n.need('start', 'settings', 'backup');
};
