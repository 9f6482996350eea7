import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { bringTension, endMeeting, finishRound, startMeeting } from '../support/loopMeetingDriver.ts';
import { browserSuite, click } from '../support/browserSuite.ts';

const golden = new URL('./golden/loop-meetings.md', import.meta.url);

/** Dates differ from run to run; everything else in the minutes must not. */
function normalise(markdown: string): string {
  return markdown
    .replace(/^(Meeting on ).+$/gm, '$1<date>')
    .replace(/^(_?Adopted on ).+?( —|_?$)/gm, '$1<date>$2')
    .replace(/\d{1,2} \w+ \d{4}(, \d\d:\d\d)?/g, '<date>');
}

/**
 * Issue 4 in real Chromium: a facilitator on a laptop and four members on phones hold two team
 * meetings. In the sync meeting a tension ends as a next action with an owner; in the governance
 * meeting a proposal meets one objection, is amended and adopted. The downloaded minutes and
 * decision log must match the golden file.
 */
describe('two LOOP meetings of one team, from phones', () => {
  const suite = browserSuite('e2e-loop');

  it(
    'ends a sync tension as a next action and adopts a governance proposal after one objection',
    { timeout: 240_000 },
    async () => {
      const aylin = await (await desktopContext(suite.browser, { locale: 'en-GB', acceptDownloads: true })).newPage();
      await aylin.goto(suite.app.server.url);
      await aylin.getByRole('radio', { name: 'Team space (LOOP meetings)' }).check();
      await aylin.getByLabel('Name of the team space').fill('Bauamt Team');
      await aylin.getByLabel('Your name').fill('Aylin');
      await click(aylin, 'Open team space');
      const joinUrl = (await aylin.getByLabel('Join link').inputValue()).replace(
        /^https?:\/\/[^/]+/,
        suite.app.server.url,
      );

      const ana = await (await phoneContext(suite.browser, { locale: 'de-DE' })).newPage();
      const ben = await (await phoneContext(suite.browser, { locale: 'en-GB' })).newPage();
      const cem = await (await phoneContext(suite.browser, { locale: 'en-GB' })).newPage();
      const dana = await (await phoneContext(suite.browser, { locale: 'en-GB' })).newPage();
      for (const [page, name, labels] of [
        [ana, 'Ana', { name: 'Ihr Name', join: 'Beitreten' }],
        [ben, 'Ben', { name: 'Your name', join: 'Join' }],
        [cem, 'Cem', { name: 'Your name', join: 'Join' }],
        [dana, 'Dana', { name: 'Your name', join: 'Join' }],
      ] as const) {
        await page.goto(joinUrl);
        await page.getByLabel(labels.name).fill(name);
        await click(page, labels.join);
        await page.waitForURL(/\/t\/[A-Z0-9]+$/);
      }

      await bringTension(ben, 'Printer in room 2 is broken', 'Operational room');
      await bringTension(cem, 'Nobody knows who signs grants', 'Governance room');
      await aylin.getByRole('heading', { name: 'Nobody knows who signs grants' }).waitFor();

      // The sync meeting, with Dana as scribe.
      await startMeeting(aylin, 'Operational room');
      await aylin.getByLabel('Scribe').selectOption({ label: 'Dana' });
      await click(aylin, 'Start check-in round');
      await ben.getByText('Now speaking: Aylin').waitFor();
      await finishRound(aylin);
      for (let step = 0; step < 4; step += 1) await click(aylin, 'Next step');
      await click(aylin, 'Process: Printer in room 2 is broken');
      await ben.getByText('Your tension: what do you need?').waitFor();

      await dana.getByRole('radio', { name: 'Next action', exact: true }).check();
      await dana.getByLabel('What is the next action?').fill('Call the vendor');
      await dana.getByLabel('Owner', { exact: true }).selectOption({ label: 'Ben' });
      await dana.getByLabel('Due (optional)').fill('2026-12-01');
      await click(dana, 'Record outcome');
      await aylin.getByText('Call the vendor').first().waitFor();
      await dana
        .getByRole('group', { name: 'Did you get what you need?' })
        .getByRole('button', { name: 'Yes', exact: true })
        .click();
      await click(dana, 'Close tension');
      await click(aylin, 'Next step');
      await endMeeting(aylin);
      await ben.getByText('Call the vendor').first().waitFor();

      // The governance meeting: Cem proposes, Dana objects, Cem integrates, the group adopts.
      await startMeeting(aylin, 'Governance room');
      await click(aylin, 'Next step');
      await click(aylin, 'Next step');
      await click(aylin, 'Process: Nobody knows who signs grants');
      const proposal = cem.getByRole('textbox', { name: 'Proposal' });
      await proposal.fill('The team lead signs grants up to 5,000 €.');
      await click(cem, 'Save proposal');
      await dana.getByText('The team lead signs grants up to 5,000 €.').waitFor();
      await click(aylin, 'Next: Clarifying questions');
      await click(aylin, 'Next: Reaction round');
      await finishRound(aylin);
      await click(aylin, 'Next: Amend and clarify');
      await click(aylin, 'Next: Objection round');

      await click(aylin, 'No objection');
      await click(ana, 'Kein Einwand');
      await click(ben, 'No objection');
      await click(cem, 'No objection');
      await dana
        .getByRole('textbox', { name: 'Objection', exact: true })
        .fill('The deputy must sign when the lead is away.');
      await click(dana, 'Raise objection');
      await aylin.getByText('The deputy must sign when the lead is away.').waitFor();
      await click(aylin, 'Next: Integration');

      await proposal.fill('The team lead signs grants up to 5,000 €; the deputy signs when the lead is away.');
      await click(cem, 'Save proposal');
      await click(cem, 'Mark integrated');
      await click(aylin, 'Next: Objection round');
      for (const [page, none] of [
        [aylin, 'No objection'],
        [ana, 'Kein Einwand'],
        [ben, 'No objection'],
        [cem, 'No objection'],
        [dana, 'No objection'],
      ] as const) {
        await click(page, none);
      }
      await click(aylin, 'Next: Adopted');
      await ben.getByText('Recorded in the decision log.').first().waitFor();
      await click(aylin, 'Close tension');
      await click(aylin, 'Next step');
      await endMeeting(aylin);

      // The minutes of both meetings and the decision log, as downloaded.
      await aylin.getByRole('link', { name: 'Minutes and decision log' }).click();
      const downloads = aylin.getByRole('button', { name: 'Download minutes (Markdown)' });
      await downloads.first().waitFor();
      expect(await downloads.count()).toBe(2);
      const texts: string[] = [];
      // Newest first on the page; the file reads oldest first.
      for (const index of [1, 0]) {
        const [download] = await Promise.all([aylin.waitForEvent('download'), downloads.nth(index).click()]);
        expect(download.suggestedFilename()).toMatch(
          /^team-[2-9A-HJKMNP-Z]{6}-\d{4}-\d\d-\d\d-(operational|governance)\.md$/,
        );
        texts.push(await readFile(await download.path(), 'utf8'));
      }
      const [logDownload] = await Promise.all([
        aylin.waitForEvent('download'),
        click(aylin, 'Download decision log (Markdown)'),
      ]);
      texts.push(await readFile(await logDownload.path(), 'utf8'));
      const markdown = normalise(texts.join('\n---\n\n'));
      // After an intended change to the minutes, regenerate with UPDATE_GOLDEN=1 and review the diff.
      if (process.env.UPDATE_GOLDEN) await writeFile(golden, markdown);
      expect(markdown).toBe(await readFile(golden, 'utf8'));
    },
  );
});
