import i18next, { type i18n as I18next } from 'i18next';
import type { AppError } from '@runde/shared/client';
import { de } from './de.ts';
import { en } from './en.ts';
import type { MessageKey, MessageVars } from './keys.ts';
import { chooseLanguage, fallbackLanguage, type Language } from './languages.ts';

const storageKey = 'runde:language';

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * i18next behind one reactive value: `t()` reads `language`, so every template that calls it
 * re-renders when the language changes.
 */
class I18n {
  #language = $state<Language>(fallbackLanguage);
  readonly #instance: I18next;

  constructor() {
    this.#instance = i18next.createInstance();
    void this.#instance.init({
      resources: { de: { translation: de }, en: { translation: en } },
      lng: fallbackLanguage,
      fallbackLng: fallbackLanguage,
      initAsync: false,
      showSupportNotice: false,
      // Svelte escapes what it renders; escaping here too would show "&amp;" in titles.
      interpolation: { escapeValue: false },
    });
  }

  get language(): Language {
    return this.#language;
  }

  /** Picks the starting language in the browser; call once before the first render. */
  detect(): void {
    const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
    this.#use(chooseLanguage(readStoredLanguage(), preferred ?? []));
  }

  /** Switches language and remembers the choice on this device. */
  set(language: Language): void {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Private modes may refuse storage; the switch still works for this visit.
    }
    this.#use(language);
  }

  t = (key: MessageKey, vars?: MessageVars): string => {
    // Reading the state ties the caller's template to the language.
    const lng = this.#language;
    return this.#instance.t(key, { ...vars, lng });
  };

  /** The message for a failed ack, in the current language; never the server's English text. */
  error = (error: Pick<AppError, 'code'>): string => {
    // A newer server may know codes this build does not; those read as a generic failure.
    const code = this.#instance.exists(`errors.${error.code}`) ? error.code : 'internal';
    return this.t(`errors.${code}`);
  };

  #use(language: Language): void {
    this.#language = language;
    void this.#instance.changeLanguage(language);
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }
}

export const i18n = new I18n();
export const t = i18n.t;
