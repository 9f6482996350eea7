import { i18n } from '$lib/i18n/i18n.svelte';
import type { LayoutLoad } from './$types';

// Client-rendered app: the server only hands out the shell, the API and the socket.
export const ssr = false;
export const prerender = false;

// The first render waits for the texts of the one language this device speaks, so no raw keys flash.
export const load: LayoutLoad = async () => {
  await i18n.detect();
};
