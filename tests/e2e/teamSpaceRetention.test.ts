import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopContext } from '../support/browser.ts';
import { shootAtSizes } from '../support/shots.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { endedLeanCoffee } from '../support/endedLeanCoffee.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import type { TestSession } from '../support/serverClients.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a German reader writes the day `epochMs` falls on, as the page does ("6. Dezember 2028"). */
const germanDate = (epochMs: number) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long' }).format(epochMs);

/**
 * Opens a team space from the start page in German, as its facilitator would, and returns the
 * dates its retention may fall on (the server counts from its write, a moment after `before`).
 */
async function openTeamSpace(page: Page, url: string, retentionMs: number): Promise<string[]> {
  const before = Date.now();
  await page.goto(url);
  await page.getByRole('radio', { name: 'Teamraum (LOOP-Meetings)' }).check();
  await page.getByLabel('Name des Teamraums').fill('Team Jugendhilfeplanung');
  await page.getByLabel('Ihr Name').fill('Aylin');
  await click(page, 'Teamraum eröffnen');
  await page.getByRole('region', { name: 'Spannung einbringen', exact: true }).waitFor({ timeout: 15_000 });
  return [germanDate(before + retentionMs), germanDate(Date.now() + retentionMs)];
}

const warningHeading = 'Dieser Teamraum wird bald gelöscht';

describe('a team space’s retention, as its facilitator sees it', () => {
  const suite = browserSuite('e2e-team-space-retention');

  it('tells the date it is kept until, in German, and no warning while it is far', { timeout: 60_000 }, async () => {
    const page = await (await desktopContext(suite.browser, { locale: 'de-DE' })).newPage();
    const dates = await openTeamSpace(page, suite.app.server.url, 730 * DAY_MS);
    const note = page.getByText(
      /^Dieser Teamraum bleibt bis zum .+ gespeichert; jede Änderung verlängert die Frist\.$/,
    );
    await note.waitFor();
    const text = await note.innerText();
    expect(
      dates.some((date) => text.includes(`bis zum ${date} gespeichert`)),
      `${text} names ${dates.join(' or ')}`,
    ).toBe(true);
    expect(await page.getByRole('region', { name: warningHeading }).count()).toBe(0);
    await shootAtSizes(page, 'team-space-retention-note', note);
  });
});

describe('a team space near the end of its retention', () => {
  // Configured short, so "near" is reached by configuration, not by waiting.
  const suite = browserSuite('e2e-team-space-retention-near', { teamSpaceRetentionMs: 20 * DAY_MS });

  it(
    'warns its facilitator on the home with the date, that a change keeps it, and where the minutes are',
    { timeout: 60_000 },
    async () => {
      const page = await (await desktopContext(suite.browser, { locale: 'de-DE' })).newPage();
      const dates = await openTeamSpace(page, suite.app.server.url, 20 * DAY_MS);
      const warning = page.getByRole('region', { name: warningHeading });
      await warning.waitFor();
      const text = await warning.innerText();
      expect(
        dates.some((date) => text.includes(`am ${date} gelöscht`)),
        `${text} names ${dates.join(' or ')}`,
      ).toBe(true);
      expect(text).toContain('Jede Änderung erhält ihn');
      expect(text).toContain('herunterladen');
      const minutes = warning.getByRole('link', { name: 'Zu Protokollen und Beschlussbuch' });
      expect(await minutes.getAttribute('href')).toMatch(/^\/t\/[A-Z0-9]+\/minutes$/);
      await shootAtSizes(page, 'team-space-retention-warning', warning);
    },
  );
});

describe('an ended Lean Coffee’s summary, as its facilitator sees it', () => {
  const suite = browserSuite('e2e-lean-coffee-retention');
  let session: TestSession | undefined;
  afterEach(() => session?.close());

  it(
    'tells until when the summary stays available, on the board and on the summary page',
    { timeout: 60_000 },
    async () => {
      session = await endedLeanCoffee(suite.app.server.url);
      // The suite's store keeps a Lean Coffee for an hour after its last change: today, or tomorrow near midnight.
      const dates = [germanDate(Date.now() + 50 * 60 * 1000), germanDate(Date.now() + 2 * 60 * 60 * 1000)];
      const context = await desktopContext(suite.browser, { locale: 'de-DE' });
      await seatBrowser(context, session.sessionId, session.created);
      const page = await context.newPage();
      for (const path of [`/s/${session.sessionId}`, `/s/${session.sessionId}/summary`]) {
        await page.goto(`${suite.app.server.url}${path}`);
        const note = page.getByText(
          /^Diese Zusammenfassung bleibt bis zum .+ abrufbar\. Danach wird die Sitzung gelöscht\.$/,
        );
        await note.waitFor();
        const text = await note.innerText();
        expect(
          dates.some((date) => text.includes(`bis zum ${date} abrufbar`)),
          `${path}: ${text}`,
        ).toBe(true);
        await shootAtSizes(page, `lean-coffee-retention${path.endsWith('summary') ? '-summary' : '-board'}`, note);
      }
      await context.close();
    },
  );
});
