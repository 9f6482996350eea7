import type { Page } from 'playwright-core';
import { click } from './browserSuite.ts';

/**
 * What the Lean Coffee browser tests do before their own part, as people do it in an English
 * browser: a facilitator starts a session on the start page, participants join by its link.
 */

/** Starts a session at `baseUrl`; the join link it shows, pointed at `baseUrl` (the app may name another host). */
export async function startLeanCoffee(page: Page, baseUrl: string, title: string, name: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByLabel('Session title').fill(title);
  await page.getByLabel('Your name').fill(name);
  await click(page, 'Start a Lean Coffee');
  return (await page.getByLabel('Join link').inputValue()).replace(/^https?:\/\/[^/]+/, baseUrl);
}

/** Takes a seat by the join link under this name. */
export async function joinLeanCoffee(page: Page, joinUrl: string, name: string): Promise<void> {
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await click(page, 'Join');
}
