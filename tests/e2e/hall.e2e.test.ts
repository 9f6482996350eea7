import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext, projectorContext } from '../support/browser.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { browserSuite, button, click } from '../support/browserSuite.ts';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { sweepSizes } from '../support/screenChecks.ts';

const golden = new URL('./golden/hall-event.md', import.meta.url);

/** Codes, dates and times differ from run to run; everything else in the export must not. */
function normalise(markdown: string): string {
  return markdown
    .replace(/\b[2-9A-HJKMNP-Z]{6}\b/g, '<code>')
    .replace(/\d{4}-\d\d-\d\d/g, '<date>')
    .replace(/\b\d\d:\d\d\b/g, '<time>');
}

/** The words a table's board uses, in the phone's language. */
const board = {
  de: {
    topic: 'Thema',
    addTopic: 'Thema hinzufügen',
    vote: 'Punkt vergeben für',
    discuss: 'Jetzt besprechen',
    thumbsOpen: 'Daumenabstimmung starten',
    thumbsUp: 'Daumen hoch',
    addTakeaway: 'Erkenntnis hinzufügen',
    takeaway: 'Erkenntnis',
    save: 'Speichern',
    star: 'Als wichtigste markieren',
    name: 'Ihr Name',
    sit: 'Platz nehmen',
    dot: (table: number) => `Punkt für Tisch ${table} geben`,
    toHarvest: 'Zur Ernte: über alle Tische abstimmen',
  },
  en: {
    topic: 'Topic',
    addTopic: 'Add topic',
    vote: 'Add vote to',
    discuss: 'Discuss now',
    thumbsOpen: 'Start thumbs vote',
    thumbsUp: 'Thumbs up',
    addTakeaway: 'Add takeaway',
    takeaway: 'Takeaway',
    save: 'Save',
    star: 'Mark as most important',
    name: 'Your name',
    sit: 'Take a seat',
    dot: (table: number) => `Give a dot to table ${table}`,
    toHarvest: 'To the harvest: vote across all tables',
  },
} as const;

interface Table {
  number: number;
  language: 'de' | 'en';
  phones: Page[];
  topic: string;
  takeaway: string;
}

/**
 * Issue 16 in real Chromium: an organiser on a laptop, the hall projector and three tables of three
 * phones (table 3 in English) run collect → vote → discuss with one thumbs vote per table → harvest
 * with a vote across tables → download. Each table is its own Lean Coffee: a topic written at table
 * 1 never shows at table 2.
 */
describe('an event with tables, from creation to the downloaded record', () => {
  const suite = browserSuite('e2e-hall');

  it(
    'runs the hall rhythm at three tables and exports a record that matches the golden file',
    { timeout: 300_000 },
    async () => {
      const url = suite.app.server.url;
      const organiserContext = await desktopContext(suite.browser, { locale: 'de-DE', acceptDownloads: true });
      const organiser = await organiserContext.newPage();
      await organiser.goto(url);
      await organiser.getByRole('radio', { name: 'Veranstaltung mit Tischen' }).check();
      await organiser.getByLabel('Name der Veranstaltung').fill('Tag der Teams');
      await organiser.getByLabel('Ihr Name').fill('Orga');
      await organiser.getByLabel('Anzahl der Tische').fill('3');
      await click(organiser, 'Veranstaltung eröffnen');
      await organiser.waitForURL(/\/h\/[2-9A-HJKMNP-Z]{6}\/facilitate/);
      const code = /\/h\/([2-9A-HJKMNP-Z]{6})\//.exec(organiser.url())?.[1] ?? '';
      await organiser.getByRole('heading', { name: /^Tische/ }).waitFor();

      // The projector on the room's screen, with the organiser's seat of this laptop's browser.
      const projector = await (await projectorContext(suite.browser, { locale: 'de-DE' })).newPage();
      const seatJson = await organiser.evaluate(() => localStorage.getItem('runde:seats') ?? '{}');
      await projector.addInitScript((seats) => localStorage.setItem('runde:seats', seats), seatJson);
      await projector.goto(`${url}/h/${code}/projector`);
      await projector.getByRole('heading', { name: 'Tag der Teams' }).waitFor();

      const tables: Table[] = [
        { number: 1, language: 'de', phones: [], topic: 'Kantine', takeaway: 'Mehr vegetarische Gerichte' },
        { number: 2, language: 'de', phones: [], topic: 'Homeoffice', takeaway: 'Feste Bürotage je Team' },
        { number: 3, language: 'en', phones: [], topic: 'Onboarding', takeaway: 'A buddy for every newcomer' },
      ];
      for (const table of tables) {
        const words = board[table.language];
        for (let seat = 1; seat <= 3; seat += 1) {
          const context = await phoneContext(suite.browser, { locale: table.language === 'de' ? 'de-DE' : 'en-US' });
          const phone = await context.newPage();
          await phone.goto(`${url}/h/${code}?t=${table.number}`);
          await phone.getByLabel(words.name).fill(`P${table.number}${seat}`);
          await click(phone, words.sit);
          await phone.waitForURL(/\/s\/[2-9A-HJKMNP-Z]{6}$/);
          table.phones.push(phone);
        }
      }
      // Every table has its three phones; the organiser's grid counts them.
      await expect.poll(() => organiser.getByText(/3 Tische, 9 Personen/).count()).toBe(1);

      // Collect: the hall timer starts with the phase, on every phone.
      await click(organiser, 'Sammeln');
      for (const table of tables) {
        const words = board[table.language];
        const host = table.phones[0] as Page;
        await host.getByLabel(words.topic, { exact: true }).fill(table.topic);
        await click(host, words.addTopic);
        await host.getByRole('heading', { name: table.topic }).waitFor();
      }
      // A topic stays at its table.
      await (tables[1]?.phones[1] as Page).getByRole('heading', { name: 'Homeoffice' }).waitFor();
      expect(await (tables[1]?.phones[1] as Page).getByRole('heading', { name: 'Kantine' }).count()).toBe(0);

      await click(organiser, 'Abstimmen');
      for (const table of tables) {
        const words = board[table.language];
        for (const phone of table.phones) await click(phone, `${words.vote} ${table.topic}`);
      }

      // Discuss: each table's host starts its topic, and the table votes with thumbs once.
      await click(organiser, 'Besprechen');
      for (const table of tables) {
        const words = board[table.language];
        const host = table.phones[0] as Page;
        await click(host, `${words.discuss}: ${table.topic}`);
        await click(host, words.thumbsOpen);
        for (const phone of table.phones) await click(phone, words.thumbsUp);
        await click(host, `${words.addTakeaway}: ${table.topic}`);
        await host.getByLabel(words.takeaway, { exact: true }).fill(table.takeaway);
        await click(host, words.save);
        await click(host, `${words.star}: ${table.takeaway}`);
        await expect
          .poll(() => button(host, `${words.star}: ${table.takeaway}`).getAttribute('aria-pressed'))
          .toBe('true');
      }
      // The takeaways reach the organiser's wall and the projector.
      for (const table of tables) {
        await organiser.getByText(table.takeaway).first().waitFor();
        await projector.getByText(table.takeaway).first().waitFor();
      }

      // Harvest: each phone follows its table's link to the hall's page and places dots across tables.
      await click(organiser, 'Ernte');
      const dots: Array<[Table, number[]]> = [
        [tables[0] as Table, [2, 2, 1]],
        [tables[1] as Table, [2, 3, 3]],
        [tables[2] as Table, [2, 1, 3]],
      ];
      for (const [table, chosen] of dots) {
        const words = board[table.language];
        for (const [index, phone] of table.phones.entries()) {
          await phone.getByRole('link', { name: words.toHarvest }).click();
          await button(phone, words.dot(chosen[index] ?? 1)).click();
          await expect.poll(() => phone.getByRole('status').filter({ hasText: /2/ }).count()).toBeGreaterThan(0);
        }
      }
      // Table 2's takeaway leads the harvest with four dots, on the organiser's page and the projector.
      await organiser.getByText('4 Punkte').first().waitFor();
      await projector.getByText('4 Punkte').first().waitFor();
      const harvestPhone = tables[2]?.phones[0] as Page;
      await harvestPhone.getByText('4 dots').first().waitFor();
      await expectScreens(
        harvestPhone,
        'harvest on a phone (en)',
        tables.map((table) => table.takeaway),
      );
      await expectScreens(
        organiser,
        'organiser in the harvest (de)',
        tables.map((table) => table.takeaway),
      );

      const [download] = await Promise.all([
        organiser.waitForEvent('download'),
        click(organiser, 'Ergebnisse als Markdown herunterladen'),
      ]);
      expect(download.suggestedFilename()).toBe(`hall-${code}.md`);
      const markdown = normalise(await readFile(await download.path(), 'utf8'));
      // After an intended change to the export, regenerate with UPDATE_GOLDEN=1 and review the diff.
      if (process.env.UPDATE_GOLDEN) await writeFile(golden, markdown);
      expect(markdown).toBe(await readFile(golden, 'utf8'));
    },
  );

  /** No axe violation and a clean screen (no raw key, no overflow) at every size, phones to projector. */
  async function expectScreens(page: Page, where: string, typed: string[]) {
    expect(formatViolations(where, await axeViolations(page))).toBe('');
    expect(await sweepSizes(page, where, { typed })).toEqual([]);
  }

  it(
    'shows every hall screen without axe violations or overflow, 360×640 to 1920×1080, in both languages',
    { timeout: 180_000 },
    async () => {
      const url = suite.app.server.url;
      const title = 'Stadtteilkonferenz Nord – Ehrenamt, Nachbarschaft und Jugendarbeit';
      const hall = await createHallOverHttp(url, {
        title,
        organiserName: 'Orga',
        seating: { mode: 'count', tables: 12 },
      });
      const code = hall.joinCode;
      for (let seat = 1; seat <= 5; seat += 1) await joinHallOverHttp(url, code, { name: `Gast ${seat}`, table: seat });
      const typed = [title, 'Orga', code];
      for (const locale of ['de-DE', 'en-US']) {
        const laptop = await desktopContext(suite.browser, { locale });
        await seatBrowser(laptop, code, hall);
        const organiser = await laptop.newPage();
        await organiser.goto(`${url}/h/${code}/facilitate`);
        await organiser.getByRole('heading', { name: title }).waitFor();
        await organiser
          .getByText(/5 (Personen|people)/)
          .first()
          .waitFor();
        await expectScreens(organiser, `organiser (${locale})`, typed);

        const projector = await laptop.newPage();
        await projector.goto(`${url}/h/${code}/projector`);
        await projector.getByRole('heading', { name: title }).waitFor();
        await expectScreens(projector, `projector (${locale})`, typed);

        const poster = await laptop.newPage();
        await poster.goto(`${url}/h/${code}/poster?tables=2`);
        await poster.getByText(title).first().waitFor();
        await expectScreens(poster, `poster (${locale})`, typed);

        const phone = await (await phoneContext(suite.browser, { locale })).newPage();
        await phone.goto(`${url}/h/${code}?t=4`);
        await phone.getByText(title).waitFor();
        await expectScreens(phone, `phone join (${locale})`, typed);
        await laptop.close();
        await phone.context().close();
      }
    },
  );
});
