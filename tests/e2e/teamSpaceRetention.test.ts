import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';

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

/** With RUNDE_SHOTS set to a folder, the space home at a phone's and a laptop's size, showing `subject`. */
async function shoot(page: Page, name: string, subject: Locator): Promise<void> {
  const folder = process.env.RUNDE_SHOTS;
  if (!folder) return;
  for (const [width, height] of [
    [360, 640],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await subject.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(folder, `${name}-${width}x${height}.png`) });
  }
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
    await shoot(page, 'team-space-retention-note', note);
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
      await shoot(page, 'team-space-retention-warning', warning);
    },
  );
});
