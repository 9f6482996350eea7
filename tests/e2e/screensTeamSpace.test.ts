import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { bringTension, endMeeting, finishRound, startMeeting } from '../support/loopMeetingDriver.ts';
import { browserSuite, click, settled } from '../support/browserSuite.ts';
import { messages } from '../support/messages.ts';
import { clippedRegions, projectorSizes } from '../support/projectorFit.ts';
import { LONG_SPACE_CONTENT, sweepScreen, waitForText, type Sweep } from '../support/screenSweep.ts';

const content = LONG_SPACE_CONTENT;
const D = messages.de;
const E = messages.en;
/** A room's name in both languages: what a screen without typed content on it shows once it is there. */
const room = (key: keyof typeof E.loop.rooms) => [E.loop.rooms[key], D.loop.rooms[key]] as const;

/**
 * Issue 12's sweep, team-space half: the start page and join forms, the space home (backlog, open
 * actions, decision log, settings), every step of a sync meeting and of a governance meeting, a
 * conversation in the individual and in the relationship room, the minutes and the projector at
 * each step, in German and English, at two phone sizes, a laptop and a projector, with long
 * realistic content (a 138-character tension, a URL, a 58-letter compound, long names). On each:
 * no raw message key, nothing wider than the screen or its box, no word broken inside; on the
 * projector, nothing clipped or off the screen.
 */
describe('every team-space screen, in both languages and four sizes', () => {
  const suite = browserSuite('e2e-screens-space');

  it(
    'shows no raw key, no overflow, no word broken inside and no clipped projector',
    { timeout: 900_000 },
    async () => {
      const sweep: Sweep = { problems: [], typed: content.typed };
      const base = suite.app.server.url;

      // The start page with the team-space choice, on a German phone, before anyone has a seat.
      const visitor = await (await phoneContext(suite.browser, { locale: 'de-DE' })).newPage();
      await visitor.goto(base);
      const chooseTeamSpace = async (page: Page) => {
        const words = (await page.evaluate(() => document.documentElement.lang)) === 'de' ? D.start : E.start;
        await page.getByRole('radio', { name: words.kindTeamSpace }).check();
        await page.getByLabel(words.spaceTitle).fill(content.space);
      };
      await chooseTeamSpace(visitor);
      await sweepScreen(sweep, visitor, 'start page, team space chosen', { ready: 'form', prepare: chooseTeamSpace });

      const aylin = await (await desktopContext(suite.browser, { locale: 'en-GB' })).newPage();
      await aylin.goto(base);
      await aylin.getByRole('radio', { name: 'Team space (LOOP meetings)' }).check();
      await aylin.getByLabel('Name of the team space').fill(content.space);
      await aylin.getByLabel('Your name').fill(content.facilitator);
      await click(aylin, 'Open team space');
      const joinUrl = (await aylin.getByLabel('Join link').inputValue()).replace(/^https?:\/\/[^/]+/, base);
      const code = new URL(joinUrl).pathname.split('/').pop() ?? '';

      await visitor.goto(joinUrl);
      await sweepScreen(sweep, visitor, 'team space /j/CODE', { ready: 'form' });
      await visitor.goto(`${base}/t/${code}/projector`);
      await sweepScreen(sweep, visitor, 'team space projector join form', { ready: 'form' });

      const ana = await (await phoneContext(suite.browser, { locale: 'de-DE' })).newPage();
      const ben = await (await phoneContext(suite.browser, { locale: 'en-GB' })).newPage();
      for (const [page, name, labels] of [
        [ana, content.member, { name: 'Ihr Name', join: 'Beitreten' }],
        [ben, content.scribe, { name: 'Your name', join: 'Join' }],
      ] as const) {
        await page.goto(joinUrl);
        await page.getByLabel(labels.name).fill(name);
        await click(page, labels.join);
        await page.waitForURL(/\/t\/[A-Z0-9]+$/);
      }
      const projector = await aylin.context().newPage();
      await projector.goto(`${base}/t/${code}/projector`);

      /** Nothing on the projector is cut off or off the screen once it has fitted itself. */
      const projectorFits = async (step: string) => {
        const start = projector.viewportSize();
        for (const size of projectorSizes) {
          await projector.setViewportSize(size);
          await projector.waitForFunction((width) => window.innerWidth === width, size.width);
          await settled(projector);
          const found = await expect
            .poll(() => clippedRegions(projector), { timeout: 5_000 })
            .toEqual([])
            .then(
              () => [],
              () => clippedRegions(projector),
            );
          for (const problem of found)
            sweep.problems.push(`projector, ${step} at ${size.width}×${size.height}: ${problem}`);
        }
        if (start) await projector.setViewportSize(start);
      };

      /** The facilitator's laptop, a member's phone and the projector, in one step of the meeting. */
      const everyone = async (
        step: string,
        ready: string | readonly string[],
        projectorReady: string | readonly string[] = ready,
      ) => {
        const shot = step.replaceAll(/\W+/g, '-');
        await sweepScreen(sweep, aylin, `facilitator, ${step}`, { ready });
        await sweepScreen(sweep, ana, `member, ${step}`, { ready, shot: `member-${shot}` });
        await sweepScreen(sweep, projector, `projector, ${step}`, { ready: projectorReady, shot: `projector-${shot}` });
        await projectorFits(step);
      };

      await bringTension(ben, content.operational, 'Operational room');
      await bringTension(ben, content.governance, 'Governance room');
      await bringTension(ben, content.individual, 'Individual room');
      await bringTension(ben, content.relationship, 'Relationship room');

      // Settings, with long items of the team's own checklist and metrics.
      await aylin.getByText('Space settings').click();
      await aylin.getByRole('group', { name: 'Sync meeting checklist' }).getByLabel('New item').fill(content.checklist);
      await click(aylin, 'Add to checklist');
      await aylin.getByRole('group', { name: 'Sync meeting metrics' }).getByLabel('New item').fill(content.metric);
      await click(aylin, 'Add metric');
      await click(aylin, 'Save settings');
      await aylin.getByText('Settings saved.').waitFor();
      await everyone('home with backlog and settings', content.governance, content.space);

      // The sync meeting, step by step, with Ben as scribe.
      await startMeeting(aylin, 'Operational room');
      await aylin.getByLabel('Scribe').selectOption({ label: content.scribe });
      await everyone('sync check-in before the round', room('operational'));
      await click(aylin, 'Start check-in round');
      await ben.getByText(`Now speaking: ${content.facilitator}`).waitFor();
      await everyone('sync check-in round', content.facilitator);
      await finishRound(aylin, [ana, ben]);
      await click(aylin, 'Next step');
      await everyone('sync checklist and metrics', content.checklist, room('operational'));
      await click(aylin, 'Next step');
      await everyone('sync project updates', room('operational'));
      await click(aylin, 'Next step');
      await everyone('sync agenda', content.operational);
      await click(aylin, 'Next step');
      await click(aylin, `Process: ${content.operational}`);
      await ben.getByText('Your tension: what do you need?').waitFor();
      await everyone('sync tension being processed', content.operational);
      await ben.getByRole('radio', { name: 'Next action', exact: true }).check();
      await ben.getByLabel('What is the next action?').fill(content.nextAction);
      await ben.getByLabel('Owner', { exact: true }).selectOption({ label: content.member });
      await ben.getByLabel('Due (optional)').fill('2026-12-01');
      await click(ben, 'Record outcome');
      await waitForText(aylin, content.nextAction);
      await everyone('sync tension with outcome', content.nextAction, content.operational);
      await ben
        .getByRole('group', { name: 'Did you get what you need?' })
        .getByRole('button', { name: 'Yes', exact: true })
        .click();
      await aylin.getByRole('button', { name: 'Close tension', exact: true }).waitFor();
      await everyone('sync tension, got what was needed', content.nextAction, content.operational);
      await click(ben, 'Close tension');
      await click(aylin, 'Next step');
      await click(aylin, 'Start closing round');
      await ben.getByText(`Now speaking: ${content.facilitator}`).waitFor();
      await everyone('sync closing round', content.facilitator);
      await finishRound(aylin, [ana, ben]);
      await endMeeting(aylin);

      // The governance meeting: every step of the process, one long objection, adopted.
      await startMeeting(aylin, 'Governance room');
      await click(aylin, 'Next step');
      await click(aylin, 'Next step');
      await click(aylin, `Process: ${content.governance}`);
      const proposal = ben.getByRole('textbox', { name: 'Proposal' });
      await proposal.fill(content.proposal);
      await click(ben, 'Save proposal');
      // The facilitator may edit the proposal too: on that laptop it is in a text box, not in the page's text.
      await waitForText(ana, content.proposal);
      await everyone('governance proposal', content.governance);
      await click(aylin, 'Next: Clarifying questions');
      await everyone('governance clarifying questions', content.governance);
      await click(aylin, 'Next: Reaction round');
      await aylin.getByRole('heading', { name: 'Reaction round' }).first().waitFor();
      await everyone('governance reaction round', content.governance);
      await finishRound(aylin, [ana, ben]);
      await click(aylin, 'Next: Amend and clarify');
      await everyone('governance amend and clarify', content.governance);
      await click(aylin, 'Next: Objection round');
      await click(aylin, 'No objection');
      await click(ana, 'Kein Einwand');
      await ben.getByRole('textbox', { name: 'Objection', exact: true }).fill(content.objection);
      await click(ben, 'Raise objection');
      await waitForText(aylin, content.objection);
      await everyone('governance objection round', content.objection);
      await click(aylin, 'Next: Integration');
      await everyone('governance integration', content.objection);
      await click(ben, 'Mark integrated');
      await click(aylin, 'Next: Objection round');
      for (const [page, none] of [
        [aylin, 'No objection'],
        [ana, 'Kein Einwand'],
        [ben, 'No objection'],
      ] as const) {
        await click(page, none);
      }
      await click(aylin, 'Next: Adopted');
      await ben.getByText('Recorded in the decision log.').first().waitFor();
      await everyone('governance adopted', content.governance);
      await click(aylin, 'Close tension');
      await click(aylin, 'Next step');
      await endMeeting(aylin);

      // Conversations in the individual and the relationship room: the guide on every phone.
      for (const [room, tension] of [
        ['Individual room', content.individual],
        ['Relationship room', content.relationship],
      ] as const) {
        await startMeeting(aylin, room);
        await click(aylin, 'Next step');
        await click(aylin, 'Next step');
        await click(aylin, `Process: ${tension}`);
        await everyone(`${room} conversation`, tension);
        await click(aylin, 'Close tension');
        await click(aylin, 'Next step');
        await endMeeting(aylin);
      }
      await everyone('home with open actions and decision log', content.nextAction, content.space);

      await aylin.getByRole('link', { name: 'Minutes and decision log' }).click();
      await sweepScreen(sweep, aylin, 'minutes', { ready: content.proposal });

      expect(sweep.problems).toEqual([]);
    },
  );
});
