import i18next, { type i18n as I18next } from 'i18next';
import { untrack } from 'svelte';
import type { AppError } from '@runde/shared/client';
import type { Messages } from './de.ts';
import { i18nextOptions } from './i18nextOptions.ts';
import type { MessageKey, MessageVars } from './keys.ts';
import { chooseLanguage, fallbackLanguage, type Language } from './languages.ts';

const storageKey = 'runde:language';

/**
 * Texts beyond the core, one file per top-level key of `Messages`, loaded by the screens that need
 * them: the LOOP texts for team-space screens, the accessibility statement and the privacy notice
 * for their pages.
 */
export type LazyPart =
  | 'loop'
  | 'space'
  | 'register'
  | 'meeting'
  | 'governance'
  | 'minutes'
  | 'export'
  | 'accessibility'
  | 'privacy'
  | 'start'
  | 'settings'
  | 'share'
  | 'backup'
  | 'facilitate'
  | 'projector'
  | 'summary'
  | 'hall'
  | 'seats'
  | 'signIn';
type Part = 'core' | LazyPart;

/**
 * Where each part of each language comes from. Every entry is its own chunk, so a phone downloads
 * one language, and a Lean Coffee phone no LOOP texts at all.
 */
const parts: Record<Part, Record<Language, () => Promise<Partial<Messages>>>> = {
  core: {
    de: () => import('./de.ts').then((m) => m.de),
    en: () => import('./en.ts').then((m) => m.en),
  },
  loop: {
    de: () => import('./loop/common.de.ts').then((m) => ({ loop: m.loopCommonDe })),
    en: () => import('./loop/common.en.ts').then((m) => ({ loop: m.loopCommonEn })),
  },
  space: {
    de: () => import('./loop/space.de.ts').then((m) => ({ space: m.spaceDe })),
    en: () => import('./loop/space.en.ts').then((m) => ({ space: m.spaceEn })),
  },
  register: {
    de: () => import('./loop/register.de.ts').then((m) => ({ register: m.registerDe })),
    en: () => import('./loop/register.en.ts').then((m) => ({ register: m.registerEn })),
  },
  meeting: {
    de: () => import('./loop/meeting.de.ts').then((m) => ({ meeting: m.meetingDe })),
    en: () => import('./loop/meeting.en.ts').then((m) => ({ meeting: m.meetingEn })),
  },
  governance: {
    de: () => import('./loop/governance.de.ts').then((m) => ({ governance: m.governanceDe })),
    en: () => import('./loop/governance.en.ts').then((m) => ({ governance: m.governanceEn })),
  },
  accessibility: {
    de: () => import('./accessibility.de.ts').then((m) => ({ accessibility: m.accessibilityDe })),
    en: () => import('./accessibility.en.ts').then((m) => ({ accessibility: m.accessibilityEn })),
  },
  privacy: {
    de: () => import('./privacy.de.ts').then((m) => ({ privacy: m.privacyDe })),
    en: () => import('./privacy.en.ts').then((m) => ({ privacy: m.privacyEn })),
  },
  minutes: {
    de: () => import('./loop/minutes.de.ts').then((m) => ({ minutes: m.minutesDe })),
    en: () => import('./loop/minutes.en.ts').then((m) => ({ minutes: m.minutesEn })),
  },
  export: {
    de: () => import('./export.de.ts').then((m) => ({ export: m.exportDe })),
    en: () => import('./export.en.ts').then((m) => ({ export: m.exportEn })),
  },
  start: {
    de: () => import('./start.de.ts').then((m) => ({ start: m.startDe })),
    en: () => import('./start.en.ts').then((m) => ({ start: m.startEn })),
  },
  settings: {
    de: () => import('./settings.de.ts').then((m) => ({ settings: m.settingsDe })),
    en: () => import('./settings.en.ts').then((m) => ({ settings: m.settingsEn })),
  },
  share: {
    de: () => import('./share.de.ts').then((m) => ({ share: m.shareDe })),
    en: () => import('./share.en.ts').then((m) => ({ share: m.shareEn })),
  },
  backup: {
    de: () => import('./backup.de.ts').then((m) => ({ backup: m.backupDe })),
    en: () => import('./backup.en.ts').then((m) => ({ backup: m.backupEn })),
  },
  facilitate: {
    de: () => import('./facilitate.de.ts').then((m) => ({ facilitate: m.facilitateDe })),
    en: () => import('./facilitate.en.ts').then((m) => ({ facilitate: m.facilitateEn })),
  },
  projector: {
    de: () => import('./projector.de.ts').then((m) => ({ projector: m.projectorDe })),
    en: () => import('./projector.en.ts').then((m) => ({ projector: m.projectorEn })),
  },
  summary: {
    de: () => import('./summary.de.ts').then((m) => ({ summary: m.summaryDe })),
    en: () => import('./summary.en.ts').then((m) => ({ summary: m.summaryEn })),
  },
  hall: {
    de: () => import('./hall.de.ts').then((m) => ({ hall: m.hallDe })),
    en: () => import('./hall.en.ts').then((m) => ({ hall: m.hallEn })),
  },
  seats: {
    de: () => import('./seats.de.ts').then((m) => ({ seats: m.seatsDe })),
    en: () => import('./seats.en.ts').then((m) => ({ seats: m.seatsEn })),
  },
  signIn: {
    de: () => import('./signIn.de.ts').then((m) => ({ signIn: m.signInDe })),
    en: () => import('./signIn.en.ts').then((m) => ({ signIn: m.signInEn })),
  },
};

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * i18next behind one reactive value: `t()` reads `language`, so every template that calls it
 * re-renders when the language changes. Texts load on demand: `language` changes only once the
 * new language's texts are in, so no screen ever shows raw keys.
 */
class I18n {
  #language = $state<Language>(fallbackLanguage);
  /** The language being switched to, else the current one: parts requested meanwhile load for both. */
  #target: Language = fallbackLanguage;
  /** Every part a screen asked for; a language switch loads all of them before it takes effect. */
  readonly #needed = new Set<Part>(['core']);
  readonly #loaded = new Map<string, Promise<void>>();
  #detected: Promise<void> | undefined;
  /** Counts parts loaded because a template asked for a key of theirs (see `#missing`). */
  #arrived = $state(0);
  /** Whether `#language` is a chosen one with its texts loaded, not the placeholder before `detect()`. */
  #settled = false;
  readonly #instance: I18next;

  constructor() {
    this.#instance = i18next.createInstance();
    void this.#instance.init({ ...i18nextOptions, resources: {}, lng: fallbackLanguage });
  }

  get language(): Language {
    return this.#language;
  }

  /**
   * Picks the starting language in the browser and loads its texts; the root layout awaits it before
   * the first render. Later calls return the same promise.
   */
  detect(): Promise<void> {
    if (!this.#detected) {
      const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
      this.#detected = this.#use(chooseLanguage(readStoredLanguage(), preferred ?? []));
    }
    return this.#detected;
  }

  /** Switches language (once its texts are in) and remembers the choice on this device. */
  set(language: Language): Promise<void> {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Private modes may refuse storage; the switch still works for this visit.
    }
    return this.#use(language);
  }

  /** Loads texts a screen needs beyond the core ones; await it before that screen renders. */
  async need(...wanted: LazyPart[]): Promise<void> {
    for (const part of wanted) this.#needed.add(part);
    // Page loads may run before the root layout's: the starting language must be known first.
    const detecting = this.detect();
    // While a switch loads, the screen still shows the old language: it needs the parts in both.
    // Untracked: a template that awaits this must not start over on every language switch.
    const shown = untrack(() => this.#language);
    const languages = this.#settled ? new Set([shown, this.#target]) : new Set([this.#target]);
    await Promise.all([
      detecting,
      ...[...languages].flatMap((language) => wanted.map((part) => this.#load(language, part))),
    ]);
  }

  t = (key: MessageKey, vars?: MessageVars): string => {
    // Reading the state ties the caller's template to the language, and to parts that arrive late.
    const lng = this.#language;
    void this.#arrived;
    if (!this.#instance.exists(key, { ...vars, lng })) return this.#missing(key);
    return this.#instance.t(key, { ...vars, lng });
  };

  /**
   * A key whose part this screen did not load (a bug `partsLoaded.test.ts` looks for) must never
   * reach the user as a raw key: the text stays empty while its part loads, then the template
   * re-renders with it. Keys that exist in no part stay empty and are reported.
   */
  #missing(key: string): string {
    console.error(`Runde: no text loaded for "${key}"`);
    const part = key.slice(0, key.indexOf('.'));
    const lazy = (Object.keys(parts) as Part[]).find((name) => name === part && name !== 'core');
    if (lazy) {
      this.need(lazy as LazyPart).then(
        () => (this.#arrived += 1),
        // A failed download is tried again on the next render that asks.
        () => undefined,
      );
    }
    return '';
  }

  /** The message for a failed ack, in the current language; never the server's English text. */
  error = (error: Pick<AppError, 'code'>): string => {
    // A newer server may know codes this build does not; those read as a generic failure.
    const code = this.#instance.exists(`errors.${error.code}`, { lng: this.#language }) ? error.code : 'internal';
    return this.t(`errors.${code}`);
  };

  async #use(language: Language): Promise<void> {
    this.#target = language;
    await Promise.all([...this.#needed].map((part) => this.#load(language, part)));
    // A later switch overtook this one while it loaded.
    if (this.#target !== language) return;
    await this.#instance.changeLanguage(language);
    this.#language = language;
    this.#settled = true;
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }

  #load(language: Language, part: Part): Promise<void> {
    const id = `${language}:${part}`;
    let loading = this.#loaded.get(id);
    if (!loading) {
      loading = parts[part][language]().then(
        (messages) => {
          this.#instance.addResourceBundle(language, 'translation', messages, true, true);
        },
        (error: unknown) => {
          // A failed download (a flaky connection) is tried again the next time the part is needed.
          this.#loaded.delete(id);
          throw error;
        },
      );
      this.#loaded.set(id, loading);
    }
    return loading;
  }
}

export const i18n = new I18n();
export const t = i18n.t;
