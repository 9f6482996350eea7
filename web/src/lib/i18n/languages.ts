/** The languages Runde speaks. German first: it is the fallback. */
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
export const fallbackLanguage: Language = 'de';

/**
 * The locale for dates and numbers. English means British conventions ("14 March 2025"): Runde's
 * users are in Europe, where "3/14/2025" would read as nonsense.
 */
export const localeFor: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language to start in: the one the person chose before, else the first of the browser's
 * preferences we speak ("de-AT" counts as German), else German.
 */
export function chooseLanguage(stored: string | null | undefined, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return fallbackLanguage;
}
