import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';

const golden = new URL('./golden/lean-coffee-complete.md', import.meta.url);

/** Dates and durations differ from run to run; everything else in the minutes must not. */
function normalise(markdown: string): string {
  return markdown.replace(/^(Lean Coffee · ).+$/m, '$1<date>').replace(/(time|Dauer) \d+:\d\d/g, '$1 <m:ss>');
}

/**
 * Issue 3's whole Lean Coffee in real Chromium: a facilitator on a laptop and three phones run it
 * from creation to the downloaded minutes, with one thumbs vote that extends a topic and one that
 * closes it.
 */
describe('a whole Lean Coffee, from creation to the downloaded minutes', () => {
  const suite = browserSuite('e2e-complete');

  async function addTopic(page: Page, labels: { topic: string; add: string }, title: string) {
    await page.getByLabel(labels.topic, { exact: true }).fill(title);
    await click(page, labels.add);
    await page.getByRole('heading', { name: title }).waitFor();
  }

  async function thumbs(votes: Array<[Page, string]>) {
    for (const [page, name] of votes) await click(page, name);
  }

  it('runs every phase and exports minutes that match the golden file', { timeout: 180_000 }, async () => {
    const maria = await (await desktopContext(suite.browser, { locale: 'en-GB', acceptDownloads: true })).newPage();
    await maria.goto(suite.app.server.url);
    await maria.getByLabel('Session title').fill('Team retro');
    await maria.getByLabel('Your name').fill('Maria');
    await click(maria, 'Start a Lean Coffee');
    const joinUrl = (await maria.getByLabel('Join link').inputValue()).replace(
      /^https?:\/\/[^/]+/,
      suite.app.server.url,
    );

    const ana = await (await phoneContext(suite.browser, { locale: 'de-DE' })).newPage();
    const ben = await (await phoneContext(suite.browser, { locale: 'en-US' })).newPage();
    const cem = await (await phoneContext(suite.browser, { locale: 'en-US' })).newPage();
    for (const [page, name, labels] of [
      [ana, 'Ana', { name: 'Ihr Name', join: 'Beitreten' }],
      [ben, 'Ben', { name: 'Your name', join: 'Join' }],
      [cem, 'Cem', { name: 'Your name', join: 'Join' }],
    ] as const) {
      await page.goto(joinUrl);
      await page.getByLabel(labels.name).fill(name);
      await click(page, labels.join);
    }

    const german = { topic: 'Thema', add: 'Thema hinzufügen' };
    const english = { topic: 'Topic', add: 'Add topic' };
    await addTopic(ana, german, 'Onboarding');
    await addTopic(ben, english, 'Release process');
    await addTopic(ben, english, 'Buddy system');
    await addTopic(cem, english, 'Coffee machine');

    // The facilitator merges a duplicate; its votes would carry over.
    await maria.getByRole('heading', { name: 'Buddy system' }).waitFor();
    await click(maria, 'Merge: Buddy system');
    await maria.getByLabel('Merge into').selectOption({ label: 'Onboarding' });
    await click(maria, 'Merge topics');
    await ben.getByRole('heading', { name: 'Buddy system' }).waitFor({ state: 'detached' });

    await click(maria, 'Next: Vote');
    const votes: Array<[Page, string, string[]]> = [
      [ana, 'Punkt vergeben für', ['Onboarding', 'Onboarding', 'Release process']],
      [ben, 'Add vote to', ['Release process', 'Release process', 'Onboarding']],
      [cem, 'Add vote to', ['Onboarding', 'Coffee machine', 'Release process']],
      [maria, 'Add vote to', ['Onboarding', 'Release process', 'Release process']],
    ];
    for (const [page, action, titles] of votes) {
      for (const title of titles) await click(page, `${action} ${title}`);
    }
    await ana.getByText('3 von 3 Punkten vergeben').waitFor();

    await click(maria, 'Next: Discuss');
    await click(maria, 'Next topic');
    await ben.getByText('Now discussing: Release process').waitFor();

    // First thumbs vote: everyone keeps going, so the topic is extended by the first extension.
    await click(maria, 'Start thumbs vote');
    await thumbs([
      [ana, 'Daumen hoch'],
      [ben, 'Thumbs up'],
      [cem, 'Thumbs up'],
      [maria, 'Thumbs up'],
    ]);
    await maria.getByText('Result: 4 thumbs up, 0 sideways, 0 down').waitFor();
    await click(maria, 'Extend by 4 min');

    await click(ben, 'Add takeaway: Release process');
    await ben.getByLabel('Takeaway', { exact: true }).fill('Releases need a checklist');
    await click(ben, 'Save');
    await click(ana, 'Aufgabe hinzufügen: Release process');
    await ana.getByLabel('Aufgabe', { exact: true }).fill('Draft the release checklist');
    await ana.getByLabel('Verantwortlich').selectOption({ label: 'Ben' });
    await ana.getByLabel('Fällig am (optional)').fill('2026-12-01');
    await click(ana, 'Speichern');
    await maria.getByText('Draft the release checklist').waitFor();

    // Second thumbs vote: the group moves on and the topic is closed.
    await click(maria, 'Start thumbs vote');
    await thumbs([
      [ana, 'Daumen runter'],
      [ben, 'Thumbs down'],
      [cem, 'Thumb sideways'],
      [maria, 'Thumbs down'],
    ]);
    await maria.getByText('Result: 0 thumbs up, 1 sideways, 3 down').waitFor();
    await click(maria, 'Close topic');

    await click(maria, 'Next topic');
    await cem.getByText('Now discussing: Onboarding').waitFor();
    await click(maria, 'Close topic');
    await click(maria, 'Skip: Coffee machine');

    await click(maria, 'Next: Wrap-up');
    await ana.getByLabel('Ihre Erkenntnis in einem Satz').fill('Gute Runde');
    await click(ana, 'Beitrag senden');
    await click(ben, 'Pass');
    await cem.getByLabel('Your takeaway in one line').fill('Clear next steps');
    await click(cem, 'Send');
    await ana.getByRole('radio', { name: '4 von 5' }).check();
    await ben.getByRole('radio', { name: '5 of 5' }).check();
    await maria.getByText('2 ratings').waitFor();

    await click(maria, 'Next: Ended');
    await click(maria, 'Yes, end the session');
    await maria.getByRole('link', { name: 'Summary' }).click();
    const [download] = await Promise.all([maria.waitForEvent('download'), click(maria, 'Download Markdown')]);
    expect(download.suggestedFilename()).toMatch(/^lean-coffee-[2-9A-HJKMNP-Z]{6}-\d{4}-\d\d-\d\d\.md$/);
    const markdown = normalise(await readFile(await download.path(), 'utf8'));
    // After an intended change to the minutes, regenerate with UPDATE_GOLDEN=1 and review the diff.
    if (process.env.UPDATE_GOLDEN) await writeFile(golden, markdown);
    expect(markdown).toBe(await readFile(golden, 'utf8'));
  });
});
