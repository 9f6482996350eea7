import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, formatViolations } from './axe.ts';
import { phoneContext } from './browser.ts';
import { click, type BrowserSuite } from './browserSuite.ts';

/** The seat-merge e2e tests' common start: Fee opens a team space in German on a wide screen. */

export async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(formatViolations(where, await axeViolations(page))).toBe('');
}

/**
 * Fee (facilitator, German, 1280×900) opens the team space "Jugendhilfe Nord" from the start page.
 * The join link is pointed at the suite's server, since the app may print another origin.
 */
export async function feeOpensTeamSpace(suite: BrowserSuite): Promise<{ fee: Page; joinUrl: string }> {
  const fee = await (
    await phoneContext(suite.browser, { locale: 'de-DE', viewport: { width: 1280, height: 900 } })
  ).newPage();
  await fee.goto(suite.app.server.url);
  await fee.getByRole('radio', { name: 'Teamraum (LOOP-Meetings)' }).check();
  await fee.getByLabel('Name des Teamraums').fill('Jugendhilfe Nord');
  await fee.getByLabel('Ihr Name').fill('Fee');
  await click(fee, 'Teamraum eröffnen');
  const joinUrl = (await fee.getByLabel('Link zum Beitreten').inputValue()).replace(
    /^https?:\/\/[^/]+/,
    suite.app.server.url,
  );
  return { fee, joinUrl };
}

/** Joins the team space from its link as `name`, with the join form's texts in the page's language. */
export async function joinAs(
  page: Page,
  joinUrl: string,
  name: string,
  nameLabel: string,
  join: string,
): Promise<void> {
  await page.goto(joinUrl);
  await page.getByLabel(nameLabel).fill(name);
  await click(page, join);
  await page.waitForURL(/\/t\/[A-Z0-9]+$/);
}
