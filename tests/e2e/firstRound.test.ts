import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';

/**
 * Issue 2's first round from phones: a facilitator starts a Lean Coffee on a laptop, two people
 * join by the join link on phones (one in German, one in English), everyone proposes topics and
 * votes, and all three boards show the same ranking.
 */
describe('a first Lean Coffee round from phones', () => {
  const suite = browserSuite('e2e-first-round');

  async function proposeTopic(page: Page, labels: { topic: string; add: string }, title: string) {
    await page.getByLabel(labels.topic, { exact: true }).fill(title);
    await page.getByRole('button', { name: labels.add }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  }

  /** The topic titles of the list in the region with this heading, in display order. */
  async function titlesIn(page: Page, heading: string): Promise<string[]> {
    const list = page.getByRole('region', { name: heading }).getByRole('list');
    await list.waitFor();
    return list.getByRole('heading', { level: 3 }).allTextContents();
  }

  it('ends with the same ranking on every device', async () => {
    const facilitator = await (await desktopContext(suite.browser, { locale: 'en-GB' })).newPage();
    await facilitator.goto(suite.app.server.url);
    await facilitator.getByLabel('Session title').fill('Team meeting social planning');
    await facilitator.getByLabel('Your name').fill('Maria');
    await facilitator.getByRole('button', { name: 'Start a Lean Coffee' }).click();
    const joinLink = await facilitator.getByLabel('Join link').inputValue();
    expect(joinLink).toMatch(/\/j\/[2-9A-HJKMNP-Z]{6}$/);

    const ana = await (await phoneContext(suite.browser, { locale: 'de-DE' })).newPage();
    const ben = await (await phoneContext(suite.browser, { locale: 'en-US' })).newPage();
    const joinUrl = joinLink.replace(/^https?:\/\/[^/]+/, suite.app.server.url);
    for (const [page, name, labels] of [
      [ana, 'Ana', { name: 'Ihr Name', join: 'Beitreten' }],
      [ben, 'Ben', { name: 'Your name', join: 'Join' }],
    ] as const) {
      await page.goto(joinUrl);
      await page.getByLabel(labels.name).fill(name);
      await page.getByRole('button', { name: labels.join }).click();
    }

    const german = { topic: 'Thema', add: 'Thema hinzufügen' };
    const english = { topic: 'Topic', add: 'Add topic' };
    await proposeTopic(ana, german, 'Übergabe Jugendhilfe und Schule');
    await proposeTopic(ben, english, 'Shared calendar');
    await proposeTopic(ben, english, 'Meeting-free Fridays');
    await proposeTopic(facilitator, english, 'Data protection rules');
    for (const [page, heading] of [
      [facilitator, 'Topics'],
      [ana, 'Themen'],
      [ben, 'Topics'],
    ] as const) {
      await page.getByRole('heading', { name: 'Data protection rules' }).waitFor();
      expect(await titlesIn(page, heading)).toHaveLength(4);
    }

    await facilitator.getByRole('button', { name: 'Next: Vote' }).click();
    const votes: Array<[Page, string, string[]]> = [
      [ana, 'Punkt vergeben für', ['Shared calendar', 'Shared calendar', 'Meeting-free Fridays']],
      [ben, 'Add vote to', ['Shared calendar', 'Übergabe Jugendhilfe und Schule', 'Übergabe Jugendhilfe und Schule']],
      [facilitator, 'Add vote to', ['Meeting-free Fridays', 'Shared calendar', 'Data protection rules']],
    ];
    for (const [page, action, titles] of votes) {
      for (const title of titles) await page.getByRole('button', { name: `${action} ${title}` }).click();
    }
    await ana.getByText('3 von 3 Punkten vergeben').waitFor();
    await ben.getByText('3 of 3 votes used').waitFor();
    await facilitator.getByText('3 of 3 votes used').waitFor();

    await facilitator.getByRole('button', { name: 'Next: Discuss' }).click();
    const expected = [
      'Shared calendar',
      'Übergabe Jugendhilfe und Schule',
      'Meeting-free Fridays',
      'Data protection rules',
    ];
    expect(await titlesIn(facilitator, 'To discuss')).toEqual(expected);
    expect(await titlesIn(ben, 'To discuss')).toEqual(expected);
    expect(await titlesIn(ana, 'Zu besprechen')).toEqual(expected);
  });
});
