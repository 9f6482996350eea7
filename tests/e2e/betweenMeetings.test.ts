import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { endMeeting, region, startMeeting } from '../support/loopMeetingDriver.ts';
import { TestClock } from '../support/serverHarness.ts';

const golden = new URL('./golden/between-meetings.md', import.meta.url);
const DAY = 86_400_000;

/** Dates differ from run to run; everything else in the minutes must not. */
function normalise(markdown: string): string {
  return markdown.replace(/^(Meeting on ).+$/gm, '$1<date>').replace(/\d{1,2} \w+ \d{4}(, \d\d:\d\d)?/g, '<date>');
}

/** No axe violation on the screen as this phone shows it now. */
async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(formatViolations(where, await axeViolations(page))).toBe('');
}

/**
 * Issue 17 in real Chromium: four phones in one team space (Fee facilitates in English; Ana, Ben
 * and Cem use German). A tension is answered on phones and its holder resolves it as a next
 * action; a role made by a proposal is amended by another proposal adopted when its window closes
 * without objection (Cem does not respond); a rule proposal meets Cem's objection and is
 * integrated and adopted in the next governance meeting, which has it on its agenda by itself.
 * The windows close by moving the server's clock (the deadline scheduler polls it), never by
 * waiting. The register and the decision log show both; the minutes match the golden file.
 */
describe('between meetings, from four phones', () => {
  const clock = new TestClock();
  const suite = browserSuite('e2e-between', { clock: clock.now });

  it(
    'answers a tension on phones, adopts a role change after its window and integrates an objected proposal in a meeting',
    { timeout: 300_000 },
    async () => {
      const small = { width: 360, height: 640 };
      const fee = await (await phoneContext(suite.browser, { locale: 'en-GB', acceptDownloads: true })).newPage();
      await fee.goto(suite.app.server.url);
      await fee.getByRole('radio', { name: 'Team space (LOOP meetings)' }).check();
      await fee.getByLabel('Name of the team space').fill('Jugendhilfe Nord');
      await fee.getByLabel('Your name').fill('Fee');
      await click(fee, 'Open team space');
      const joinUrl = (await fee.getByLabel('Join link').inputValue()).replace(
        /^https?:\/\/[^/]+/,
        suite.app.server.url,
      );

      const ana = await (await phoneContext(suite.browser, { locale: 'de-DE', viewport: small })).newPage();
      const ben = await (await phoneContext(suite.browser, { locale: 'de-DE' })).newPage();
      const cem = await (await phoneContext(suite.browser, { locale: 'de-DE', viewport: small })).newPage();
      for (const [page, name] of [
        [ana, 'Ana'],
        [ben, 'Ben'],
        [cem, 'Cem'],
      ] as const) {
        await page.goto(joinUrl);
        await page.getByLabel('Ihr Name').fill(name);
        await click(page, 'Beitreten');
        await page.waitForURL(/\/t\/[A-Z0-9]+$/);
      }

      // 1. Ana asks the team instead of a meeting; Ben answers; Ana resolves it as a next action.
      const key = 'Wo ist der Archivschlüssel?';
      const form = region(ana, 'Spannung einbringen');
      await form.getByLabel('Spannung', { exact: true }).fill(key);
      await form.getByRole('radio', { name: 'Operativer Raum', exact: true }).check();
      await form.getByRole('checkbox', { name: 'Braucht eine Antwort, kein Meeting' }).check();
      await click(form, 'Spannung hinzufügen');
      const benAsk = ben.getByRole('group', { name: `Auf „${key}“ antworten` });
      await benAsk.getByRole('radio', { name: 'Information', exact: true }).check();
      await benAsk.getByLabel('Ihre Antwort').fill('Beim Hausmeister.');
      await click(benAsk, 'Antwort senden');
      await ana.getByText('Beim Hausmeister.').waitFor();
      await expectAxeClean(ana, 'space page with a tension asked between meetings (de, 360×640)');
      await ana.getByRole('button', { name: `„${key}“: Ich habe bekommen, was ich brauchte` }).click();
      await ana.getByRole('radio', { name: 'Nächster Schritt', exact: true }).check();
      await ana.getByLabel('Was ist der nächste Schritt?').fill('Schlüssel beim Hausmeister holen');
      await ana.getByLabel('Verantwortlich', { exact: true }).selectOption({ label: 'Ana' });
      await click(ana, 'Abschließen');
      // In the team's open actions, on every phone.
      await fee.getByText('Schlüssel beim Hausmeister holen').first().waitFor();

      // 2. Fee proposes the role "Kasse" and a rule; Cem objects to the rule.
      await publish(fee, {
        title: 'Rolle Kasse',
        text: 'Wir schaffen die Rolle Kasse.',
        change: async (editor) => {
          await editor.getByLabel('Kind of change').selectOption({ label: 'Add a role' });
          await click(editor, 'Add change');
          await editor.getByLabel('Name of the role').fill('Kasse');
          await editor.getByLabel('Purpose', { exact: true }).fill('Das Geld des Teams ist im Blick.');
          await editor.getByLabel('New accountability').fill('Belege sammeln');
          await click(editor, 'Add accountability');
          await editor.getByRole('checkbox', { name: 'Ben' }).check();
        },
      });
      await publish(fee, {
        title: 'Urlaubsregel',
        text: 'Urlaub steht zwei Wochen vorher im Kalender.',
        change: async (editor) => {
          await editor.getByLabel('Kind of change').selectOption({ label: 'Add a rule' });
          await click(editor, 'Add change');
          await editor.getByLabel('Title of the rule').fill('Urlaub eintragen');
          await editor.getByLabel('Wording of the rule').fill('Urlaub steht zwei Wochen vorher im Kalender.');
        },
      });
      for (const [page, none] of [
        [fee, 'No objection'],
        [ana, 'Kein Einwand'],
        [ben, 'Kein Einwand'],
        [cem, 'Kein Einwand'],
      ] as const) {
        await click(region(page, 'Rolle Kasse'), none);
      }
      await click(region(ana, 'Urlaubsregel'), 'Kein Einwand');
      const objected = region(cem, 'Urlaubsregel');
      await click(objected, 'Einwand erheben');
      await objected.getByLabel('Ihr Einwand: Welchen Schaden sehen Sie?').fill('Bei Krankheit geht das nicht.');
      await click(objected, 'Einwand senden');
      await region(fee, 'Urlaubsregel').getByText('Bei Krankheit geht das nicht.').waitFor();
      // Every response is stored before the windows close (the tally counts what the server holds; a
      // proposer who did not respond is not counted).
      await region(fee, 'Rolle Kasse').getByText('4 of 4 have responded').waitFor();
      await region(fee, 'Urlaubsregel').getByText('2 of 3 have responded').waitFor();
      await expectAxeClean(cem, 'a proposal waiting for responses (de, 360×640)');

      // The windows close: the server's clock moves a week and a day, its scheduler does the rest.
      clock.advance(8 * DAY);
      await fee.getByText('With objections: goes to the next governance meeting.').waitFor({ timeout: 15_000 });
      await openClosedProposals(fee);
      await fee.getByText('Adopted between meetings as decision no. 1.').waitFor();

      // 3. Fee proposes to amend the role, from the register; Ana and Ben have no objection, Cem does not respond.
      await fee.getByRole('link', { name: /See roles and rules/ }).click();
      await fee.getByRole('article', { name: 'Kasse' }).waitFor();
      await expectAxeClean(fee, 'roles and rules (en, 390×844)');
      await fee.getByRole('link', { name: 'Change Kasse (proposal)' }).click();
      await publish(fee, {
        title: 'Zweck der Kasse schärfen',
        text: 'Die Kasse berichtet monatlich.',
        change: async (editor) => {
          await editor.getByLabel('Purpose', { exact: true }).fill('Das Geld des Teams ist im Blick und belegt.');
        },
      });
      for (const [page, none] of [
        [fee, 'No objection'],
        [ana, 'Kein Einwand'],
        [ben, 'Kein Einwand'],
      ] as const) {
        await click(region(page, 'Zweck der Kasse schärfen'), none);
      }
      await region(fee, 'Zweck der Kasse schärfen').getByText('3 of 4 have responded').waitFor();
      clock.advance(8 * DAY);
      await openClosedProposals(fee);
      await fee.getByText('Adopted between meetings as decision no. 2.').waitFor({ timeout: 15_000 });
      await ana.getByText('Schlüssel beim Hausmeister holen').first().waitFor();

      // 4. The governance meeting: the objected proposal is on its agenda by itself; Fee integrates it.
      await startMeeting(fee, 'Governance room');
      await click(fee, 'Next step');
      await click(fee, 'Next step');
      await click(fee, 'Process: Urlaubsregel');
      const proposal = fee.getByRole('textbox', { name: 'Proposal' });
      await proposal.fill('Urlaub steht zwei Wochen vorher im Kalender; bei Krankheit sofort.');
      await click(fee, 'Save proposal');
      await click(fee, 'Mark integrated');
      await click(fee, 'Next: Objection round');
      for (const [page, none] of [
        [fee, 'No objection'],
        [ana, 'Kein Einwand'],
        [ben, 'Kein Einwand'],
        [cem, 'Kein Einwand'],
      ] as const) {
        await click(page, none);
      }
      await click(fee, 'Next: Adopted');
      await click(fee, 'Close tension');
      await click(fee, 'Next step');
      await endMeeting(fee);

      // The register shows the amended role and the new rule, with their history.
      await fee.getByRole('link', { name: /See roles and rules/ }).click();
      const role = fee.getByRole('article', { name: 'Kasse' });
      await role.getByRole('definition').filter({ hasText: 'Das Geld des Teams ist im Blick und belegt.' }).waitFor();
      // Its history names both decisions: the one that made it and the one adopted between meetings.
      await role.getByText('History of Kasse (2)', { exact: true }).click();
      await role.getByText(/^Decision 1, /).waitFor();
      await role.getByText(/^Decision 2, /).waitFor();
      await fee.getByRole('article', { name: 'Urlaub eintragen' }).waitFor();
      await fee.goBack();

      // The decision log and the minutes, as downloaded.
      await fee.getByRole('link', { name: 'Minutes and decision log' }).click();
      // The decision log: two decisions adopted between meetings (one without Cem's response), each with its changes.
      await fee.getByText('Adopted between meetings on', { exact: false }).first().waitFor();
      await fee.getByText('Did not respond: Cem', { exact: true }).waitFor();
      const changeLists = fee.getByRole('list', { name: 'Changes to roles and rules' });
      // The diffs load with their texts: wait for the third before counting.
      await changeLists.nth(2).waitFor();
      expect(await changeLists.count()).toBe(3);
      // The meeting's minutes on the page tell what happened between meetings first, as the file does.
      await click(fee, 'Show minutes');
      await fee.getByRole('heading', { name: 'Between meetings', exact: true }).waitFor();
      await fee.getByText('Ben (information): Beim Hausmeister.').waitFor();
      await expectAxeClean(fee, 'minutes and decision log with work between meetings (en, 390×844)');
      const [minutesDownload] = await Promise.all([
        fee.waitForEvent('download'),
        click(fee, 'Download minutes (Markdown)'),
      ]);
      const [logDownload] = await Promise.all([
        fee.waitForEvent('download'),
        click(fee, 'Download decision log (Markdown)'),
      ]);
      const texts = [
        await readFile(await minutesDownload.path(), 'utf8'),
        await readFile(await logDownload.path(), 'utf8'),
      ];
      const markdown = normalise(texts.join('\n---\n\n'));
      // After an intended change to the minutes, regenerate with UPDATE_GOLDEN=1 and review the diff.
      if (process.env.UPDATE_GOLDEN) await writeFile(golden, markdown);
      expect(markdown).toBe(await readFile(golden, 'utf8'));
    },
  );
});

/** Opens the list of closed proposals (a disclosure, closed when the page loads). */
async function openClosedProposals(page: Page): Promise<void> {
  // (A summary has no ARIA role to find it by; its text is what a person taps.)
  await page
    .locator('details:not([open])')
    .getByText(/^Closed \(\d+\)$/)
    .click();
}

/** Publishes a proposal from the space page's form (English), with one change to the register. */
async function publish(
  page: Page,
  proposal: {
    title: string;
    text: string;
    change: (editor: ReturnType<Page['getByRole']>) => Promise<void>;
    opened?: boolean;
  },
): Promise<void> {
  const form = page.getByRole('form', { name: 'Publish a proposal' });
  // The disclosure stays open after a proposal went out; a closed one is opened.
  // (A summary has no ARIA role to find it by; its text is what a person taps.)
  const closed = page.locator('details:not([open])').getByText('Publish a proposal', { exact: true });
  if (await closed.isVisible()) await closed.click();
  await form.getByLabel('Title of the proposal').fill(proposal.title);
  await form.getByLabel('Proposal', { exact: true }).fill(proposal.text);
  await proposal.change(form.getByRole('group', { name: 'Changes to roles and rules' }));
  await click(form, 'Publish proposal');
  await region(page, proposal.title).waitFor();
}
