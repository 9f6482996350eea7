import i18next from 'i18next';
import { catalogs } from './catalog.ts';
import { i18nextOptions } from './i18nextOptions.ts';
import type { Translate } from './keys.ts';
import type { Language } from './languages.ts';

/**
 * The whole catalog of one language behind i18next, without Svelte and without lazy loading: for
 * tests, and for anything that renders an export outside the browser (the catalog is plain data a
 * server can import just as well).
 */
export function catalogTranslator(language: Language): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    ...i18nextOptions,
    resources: { [language]: { translation: catalogs[language] } },
    lng: language,
  });
  return (key, vars) => instance.t(key, { ...vars });
}
