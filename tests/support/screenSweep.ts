import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { SCREEN_SIZES, settledLayout, sweepSizes } from './screenChecks.ts';

/**
 * Long, realistic content for the screen sweeps (issue 12): what a youth-welfare committee in a
 * German municipality types, plus English. Each topic is at most 140 characters, the limit.
 */
export const LONG_CONTENT = {
  sessionTitle: 'Jugendhilfeplanungsausschusssitzung Treptow-Köpenick – Vorbereitung der Novembersitzung',
  facilitator: 'Maria-Theresa Schmidt-Großkopf',
  participant: 'Friederike Hohenzollern-Sigmaringen',
  topics: [
    // 140 characters, a long compound first.
    'Jugendhilfeplanungsausschusssitzung: Wie bereiten wir die Beschlussvorlage zur Kindertagesstättenbedarfsplanung vor, und wer übernimmt was?!',
    'Protokoll: https://www.treptow-koepenick.de/jugendhilfeplanung/protokolle/2026-11-ausschusssitzung-kindertagesstaetten.pdf',
    // 58 letters in one word.
    'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen',
    'Onboarding checklist for new colleagues in the youth welfare planning team, with accountabilities',
  ],
  takeaway: 'Die Jugendhilfeplanungsausschusssitzung braucht eine gemeinsame Checkliste',
  action: 'Beschlussvorlage zur Kindertagesstättenbedarfsplanung entwerfen',
  closing: 'Verantwortlichkeiten geklärt, Kindertagesstättenbedarfsplanung vorbereitet',
  get typed(): string[] {
    return [
      this.sessionTitle,
      this.facilitator,
      this.participant,
      ...this.topics,
      this.takeaway,
      this.action,
      this.closing,
    ];
  },
} as const;

/**
 * The team-space half of the sweep's content (issue 12): a municipal team's LOOP meetings. Every
 * tension is at most 140 characters, the limit; one holds the URL of `LONG_CONTENT`.
 */
export const LONG_SPACE_CONTENT = {
  space: 'Sozialraumorientierte Jugendhilfeplanung Treptow-Köpenick',
  facilitator: 'Aylin Schmidt-Großkopf',
  member: 'Friederike Hohenzollern-Sigmaringen',
  scribe: 'Benjamin Transparenzmeister',
  checklist: 'Jugendhilfeplanungsausschusssitzung vorbereitet',
  metric: 'Kindertagesstättenbedarfsplanung: offene Plätze',
  // 138 characters, a long compound first.
  operational:
    'Jugendhilfeplanungsausschusssitzung: Wer bereitet die Beschlussvorlage zur Kindertagesstättenbedarfsplanung vor – bis wann ist sie fällig?',
  governance: LONG_CONTENT.topics[1].replace('Protokoll', 'Zeichnungsbefugnis'),
  // 58 letters in one word.
  individual: 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen',
  relationship: 'Our handovers between the early-years team and the youth welfare planning team keep getting lost',
  nextAction: 'Beschlussvorlage Kindertagesstättenbedarfsplanung bis zur Ausschusssitzung entwerfen',
  proposal:
    'Die Teamleitung zeichnet Zuwendungsbescheide bis 5.000 €; bei Abwesenheit zeichnet die Stellvertretung (Verwaltungsvorschrift Zeichnungsbefugnisse).',
  objection:
    'Die Stellvertretungsregelung widerspricht der Geschäftsverteilungsplanänderung vom Oktober, siehe https://www.treptow-koepenick.de/verwaltung/geschaeftsverteilungsplan-2026-10.pdf',
  get typed(): string[] {
    return [
      this.space,
      this.facilitator,
      this.member,
      this.scribe,
      this.checklist,
      this.metric,
      this.operational,
      this.governance,
      this.individual,
      this.relationship,
      this.nextAction,
      this.proposal,
      this.objection,
    ];
  },
} as const;

/** What one sweep collects: every problem, labelled, and the content typed so far. */
export interface Sweep {
  readonly problems: string[];
  readonly typed: readonly string[];
}

export interface SweepOptions {
  /**
   * Text (usually typed content) that shows once the screen is there, or texts of which one does
   * (the same words in each language); `form` waits for a form.
   */
  readonly ready: string | readonly string[];
  /** With RUNDE_SHOTS set to a folder: a screenshot of the screen at 360×640 in each language, under this name. */
  readonly shot?: string;
  /**
   * What brings the other language's page to the same screen when its address alone does not (a
   * choice made on the page): run on it once it has loaded, before it is checked.
   */
  readonly prepare?: (page: Page) => Promise<void>;
}

const storageKey = 'runde:language';

/**
 * Waits until the page shows this text, read as a person reads it: the soft hyphens the app puts
 * into long German words (hyphenation.ts) do not count.
 */
export async function waitForText(page: Page, text: string | readonly string[]): Promise<void> {
  const wanted = (typeof text === 'string' ? [text] : text).map((one) => one.replace(/\s+/g, ' '));
  await failingWithPage(page, `"${wanted.join('" or "')}" never showed`, () =>
    page.waitForFunction((anyOf) => {
      const shown = document.body.innerText.replaceAll('\u00ad', '').replace(/\s+/g, ' ');
      return anyOf.some((one) => shown.includes(one));
    }, wanted),
  );
}

/**
 * Runs a wait; when it fails, says what the page showed instead (the end of its text, where
 * the newest content is), since a bare timeout names neither.
 */
async function failingWithPage(page: Page, what: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (error) {
    const shown = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(-1200);
    throw new Error(`${what}; the page showed: ${shown}`, { cause: error });
  }
}

/** Waits until the screen is there; a failure names the screen, as the sweep visits dozens. */
async function waitReady(page: Page, ready: SweepOptions['ready'], screen = ''): Promise<void> {
  if (ready !== 'form')
    return waitForText(page, ready).catch((error: unknown) => {
      throw new Error(`${screen}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  await failingWithPage(page, `${screen}: no form showed`, () => page.locator('form').first().waitFor());
}

async function screenshot(page: Page, name: string | undefined, language: string): Promise<void> {
  const folder = process.env.RUNDE_SHOTS;
  if (!folder || !name) return;
  await mkdir(folder, { recursive: true });
  const size = page.viewportSize();
  await page.setViewportSize(SCREEN_SIZES[0]);
  await settledLayout(page);
  await page.screenshot({ path: `${folder}/${name}-${language}.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

/**
 * Checks a screen at every size in the language its page shows, then in the other one: a second
 * page of the same device (same seat) opens the same address in that language, so the page that
 * drives the meeting is never reloaded. Problems go into `sweep.problems`, labelled.
 */
export async function sweepScreen(sweep: Sweep, page: Page, screen: string, options: SweepOptions): Promise<void> {
  const started = Date.now();
  const before = sweep.problems.length;
  await waitReady(page, options.ready, screen);
  const shown = await page.evaluate(() => document.documentElement.lang);
  sweep.problems.push(...(await sweepSizes(page, `${screen} (${shown})`, { typed: sweep.typed })));
  await screenshot(page, options.shot, shown);

  const other = shown === 'de' ? 'en' : 'de';
  const twin = await page.context().newPage();
  await twin.setViewportSize(page.viewportSize() ?? SCREEN_SIZES[0]);
  await twin.addInitScript(
    ([key, language]) => {
      // Only before the app reads it: the twin's own later navigations keep its choice.
      if (!sessionStorage.getItem('runde:twin')) localStorage.setItem(key, language);
      sessionStorage.setItem('runde:twin', '1');
    },
    [storageKey, other] as const,
  );
  try {
    await twin.goto(page.url());
    await twin.waitForFunction((language) => document.documentElement.lang === language, other);
    await options.prepare?.(twin);
    await waitReady(twin, options.ready, `${screen} (other language)`);
    sweep.problems.push(...(await sweepSizes(twin, `${screen} (${other})`, { typed: sweep.typed })));
    await screenshot(twin, options.shot, other);
    // The device's choice goes back to what the driving page shows.
    await twin.evaluate(([key, language]) => localStorage.setItem(key, language), [storageKey, shown] as const);
  } finally {
    await twin.close();
  }
  if (process.env.RUNDE_SWEEP_LOG) {
    const found = sweep.problems.slice(before);
    console.log(`${screen}: ${Date.now() - started} ms\n${found.join('\n')}`);
  }
}
