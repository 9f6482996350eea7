import type { InitOptions } from 'i18next';

/**
 * How Runde runs i18next, wherever it runs: the app (`i18n.svelte.ts`) and `catalogTranslator`
 * interpolate and pick plurals alike, so an export built outside the browser reads as the app's.
 */
export const i18nextOptions = {
  // Each language is complete (the types see to it), so English never needs the German texts.
  fallbackLng: false,
  initAsync: false,
  showSupportNotice: false,
  // Svelte escapes what it renders, and the exporters escape for Markdown; escaping here too would
  // show "&amp;" in titles.
  interpolation: { escapeValue: false },
} satisfies InitOptions;
