import { describe, expect, it } from 'vitest';
import { desktopContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';

/**
 * Issue 12, item 11 (wording): a team space's secret link says what it opens, a team space and
 * its meetings, not "diese Sitzung", which is a Lean Coffee's word.
 */
describe('the facilitator link note of a new team space', () => {
  const suite = browserSuite('e2e-team-space-wording');

  it('speaks of the team space, not of a session', { timeout: 60_000 }, async () => {
    const page = await (await desktopContext(suite.browser, { locale: 'de-DE' })).newPage();
    await page.goto(suite.app.server.url);
    await page.getByRole('radio', { name: 'Teamraum (LOOP-Meetings)' }).check();
    await page.getByLabel('Name des Teamraums').fill('Team Jugendhilfeplanung');
    await page.getByLabel('Ihr Name').fill('Aylin');
    await click(page, 'Teamraum eröffnen');
    const note = page.getByText('Wer ihn öffnet, moderiert');
    await note.waitFor({ timeout: 15_000 });
    const text = await note.innerText();
    expect(text).toContain('moderiert diesen Teamraum');
    expect(text).not.toContain('Sitzung');
  });
});
