import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { phoneContext } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { endedLeanCoffee, longCompound, longUrl } from '../support/endedLeanCoffee.ts';
import { readSpreadsheetCsv } from '../../shared/src/export/testing/readSpreadsheetCsv.ts';
import { messages } from '../support/messages.ts';
import { openTeamSpace, seatBrowser } from '../support/remoteSeat.ts';
import type { TestSession } from '../support/serverClients.ts';

const de = messages.de;

/** How far the page reaches past the screen's right edge, and whether each button is all on screen. */
async function widthProblems(page: Page, names = [de.summary.downloadCsv, de.summary.downloadMarkdown]) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const buttons = [];
  for (const name of names) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    buttons.push({ name, visible: box !== null && box.x >= 0 && box.x + box.width <= width });
  }
  return { overflow, buttons };
}

/**
 * Issue 12, defects 5, 10 and 11: what a Lean Coffee leaves behind, its summary and its files, on
 * a phone, with the long content real meetings have (URLs, 58-letter compounds).
 */
describe('the summary of an ended Lean Coffee', () => {
  const suite = browserSuite('e2e-summary');
  let session: TestSession | undefined;
  afterEach(() => session?.close());

  it.each([
    { width: 360, height: 640 },
    { width: 390, height: 844 },
  ])('fits a $width px phone with a URL and a 58-letter word, downloads in reach', async (viewport) => {
    expect(longCompound).toHaveLength(58);
    session = await endedLeanCoffee(suite.app.server.url);
    const context = await phoneContext(suite.browser, { locale: 'de-DE', viewport });
    await seatBrowser(context, session.sessionId, session.created);
    const page = await context.newPage();
    for (const path of [`/s/${session.sessionId}`, `/s/${session.sessionId}/summary`]) {
      await page.goto(`${suite.app.server.url}${path}`);
      await page.getByRole('heading', { name: de.summary.allActions }).waitFor();
      await page.getByText(longUrl).first().waitFor();
      expect({ path, ...(await widthProblems(page)) }).toEqual({
        path,
        overflow: 0,
        buttons: [
          { name: de.summary.downloadCsv, visible: true },
          { name: de.summary.downloadMarkdown, visible: true },
        ],
      });
    }
    await context.close();
  });

  it('the minutes of a team space fit a 360 px phone with a URL and a 58-letter word', async () => {
    const { created, facilitator } = await openTeamSpace(suite.app.server.url, 'Jugendamt Team', 'Fatma');
    try {
      const tension = await facilitator.addTension(`Leitfaden ${longUrl}`);
      await facilitator.meetingAtTensions('operational');
      await facilitator.run('tension:start', { tensionId: tension });
      await facilitator.run('tension:outcome', {
        outcome: { type: 'next-action', text: `${longCompound} prüfen`, ownerName: 'Fatma', due: '2026-12-01' },
      });
      await facilitator.run('tension:close', { gotWhatNeeded: true });
      await facilitator.run('meeting:end', {});

      const context = await phoneContext(suite.browser, { locale: 'de-DE', viewport: { width: 360, height: 640 } });
      await seatBrowser(context, created.sessionId, created);
      const page = await context.newPage();
      await page.goto(`${suite.app.server.url}/t/${created.sessionId}/minutes`);
      await page.getByRole('button', { name: de.minutes.meetings.show }).click();
      await page.getByText(longUrl).first().waitFor();
      const names = [de.minutes.meetings.hide, de.minutes.meetings.download, de.minutes.print];
      expect(await widthProblems(page, names)).toEqual({
        overflow: 0,
        buttons: names.map((name) => ({ name, visible: true })),
      });
      await context.close();
    } finally {
      facilitator.close();
    }
  });

  it.each([
    {
      locale: 'de-DE',
      language: 'de' as const,
      separator: ';' as const,
      header: ['Art', 'Thema', 'Status', 'Text', 'Punkte', 'Minuten', 'Person', 'Fällig'],
      discussed: 'besprochen',
      notDiscussed: 'nicht besprochen',
      closing: 'Abschlussrunde',
    },
    {
      locale: 'en-GB',
      language: 'en' as const,
      separator: ',' as const,
      header: ['Type', 'Topic', 'Status', 'Text', 'Votes', 'Minutes', 'Person', 'Due'],
      discussed: 'discussed',
      notDiscussed: 'not discussed',
      closing: 'closing round',
    },
  ])('downloads a CSV that a $language spreadsheet splits into columns', async (expected) => {
    session = await endedLeanCoffee(suite.app.server.url);
    const context = await phoneContext(suite.browser, { locale: expected.locale });
    await seatBrowser(context, session.sessionId, session.created);
    const page = await context.newPage();
    await page.goto(`${suite.app.server.url}/s/${session.sessionId}/summary`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: messages[expected.language].summary.downloadCsv, exact: true }).click(),
    ]);
    const file = await readFile(await download.path(), 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true);
    const table = readSpreadsheetCsv(file, expected.separator);
    expect(table[0]).toEqual(expected.header);
    expect(table.filter((row) => row.length !== expected.header.length)).toEqual([]);
    const topics = table.filter((row) => row[0] === table[1]?.[0]);
    expect(topics.map((row) => [row[1], row[2]])).toEqual([
      [`Leitfaden: ${longUrl}`, expected.discussed],
      [`${longCompound} rechtzeitig verschicken`, expected.notDiscussed],
    ]);
    // The action's text holds both separators and quotes; it stays one cell.
    expect(table.some((row) => row[3] === `${longCompound} prüfen; Entwurf: „Fristen, Zuständigkeiten“`)).toBe(true);
    expect(table.filter((row) => row[0] === expected.closing).map((row) => row[6])).toEqual(['Fatma', 'Person 1']);
    expect(table.at(-1)?.[0]).toBe('ROTI');
    await context.close();
  });

  it.each(['/j/', '/s/'])('shows a latecomer without a seat the summary at %sCODE, not a join form', async (prefix) => {
    session = await endedLeanCoffee(suite.app.server.url);
    const context = await phoneContext(suite.browser, { locale: 'de-DE', viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${suite.app.server.url}${prefix}${session.sessionId}`);
    await page.getByRole('heading', { name: 'Jugendhilfeausschuss März', level: 1 }).waitFor();
    await page.getByText(de.summary.readOnly).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/s/${session.sessionId}/summary`);
    await page.getByRole('heading', { name: de.summary.allActions }).waitFor();
    await page.getByRole('heading', { name: `1. Leitfaden: ${longUrl}` }).waitFor();
    await page.getByText('Fatma:').waitFor();
    expect(await page.getByLabel(de.join.nameLabel).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await widthProblems(page)).toEqual({
      overflow: 0,
      buttons: [
        { name: de.summary.downloadCsv, visible: true },
        { name: de.summary.downloadMarkdown, visible: true },
      ],
    });
    await context.close();
  });
});
