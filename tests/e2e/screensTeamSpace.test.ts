import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { afterChange, browserSuite, button, click } from '../support/browserSuite.ts';
import { sweepScreen, waitForText, type Sweep } from '../support/screenSweep.ts';

/** Long, realistic content of a municipal team: German compounds, a URL, a long English line. */
const content = {
  space: 'Sozialraumorientierte Jugendhilfeplanung Treptow-Köpenick',
  facilitator: 'Aylin Schmidt-Großkopf',
  member: 'Friederike Hohenzollern-Sigmaringen',
  scribe: 'Benjamin Transparenzmeister',
  checklist: 'Jugendhilfeplanungsausschusssitzung vorbereitet',
  metric: 'Kindertagesstättenbedarfsplanung: offene Plätze',
  // 140 characters.
  operational:
    'Jugendhilfeplanungsausschusssitzung: Wer bereitet die Beschlussvorlage zur Kindertagesstättenbedarfsplanung vor, bis wann ist sie fällig?',
  governance:
    'Zeichnungsbefugnis klären, siehe https://www.treptow-koepenick.de/verwaltung/zustaendigkeiten/zeichnungsbefugnisse-jugendamt.html',
  relationship: 'Our handovers between the early-years team and the youth welfare planning team keep getting lost',
  nextAction: 'Beschlussvorlage Kindertagesstättenbedarfsplanung bis zur Ausschusssitzung entwerfen',
  proposal:
    'Die Teamleitung zeichnet Zuwendungsbescheide bis 5.000 €; bei Abwesenheit zeichnet die Stellvertretung (Verwaltungsvorschrift Zeichnungsbefugnisse).',
  objection: 'Die Stellvertretungsregelung widerspricht der Geschäftsverteilungsplanänderung vom Oktober',
};
const typed = Object.values(content);

/**
 * Issue 12's sweep, team-space half: home (backlog, open actions, decision log, settings), the
 * sync meeting's steps, the governance stepper, a relationship conversation, the projector and
 * the minutes, in German and English, at two phone sizes, a laptop and a projector, with long
 * realistic content. On each: no raw message key, no overflow, no word broken inside.
 */
describe('every team-space screen, in both languages and four sizes', () => {
  const suite = browserSuite('e2e-screens-space');

  const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

  async function bringTension(page: Page, title: string, room: string) {
    const form = region(page, 'Bring a tension');
    await form.getByLabel('Tension', { exact: true }).fill(title);
    await form.getByRole('radio', { name: room, exact: true }).check();
    await click(form, 'Add tension');
    await waitForText(page, title);
  }

  async function startMeeting(page: Page, room: string) {
    const start = region(page, 'Start a meeting');
    await start.getByRole('radio', { name: room, exact: true }).check();
    await click(start, 'Start meeting');
    await page.getByRole('list', { name: 'Meeting steps' }).waitFor();
  }

  async function finishRound(runner: Page) {
    const done = runner.getByText('Everyone has had their turn.');
    while (!(await done.isVisible())) {
      const next = button(runner, 'Next speaker');
      await afterChange(runner, async () => ((await next.isVisible()) ? next.click() : click(runner, 'Done')));
    }
  }

  async function endMeeting(runner: Page) {
    await click(runner, 'End meeting');
    await click(runner, 'Yes, end meeting');
    await region(runner, 'Start a meeting').waitFor();
  }

  it('shows no raw key, no overflow and no word broken inside', { timeout: 900_000 }, async () => {
    const sweep: Sweep = { problems: [], elsewhere: [], typed };
    const base = suite.app.server.url;
    const aylin = await (await desktopContext(suite.browser, { locale: 'en-GB' })).newPage();
    await aylin.goto(base);
    await aylin.getByRole('radio', { name: 'Team space (LOOP meetings)' }).check();
    await aylin.getByLabel('Name of the team space').fill(content.space);
    await aylin.getByLabel('Your name').fill(content.facilitator);
    await click(aylin, 'Open team space');
    const joinUrl = (await aylin.getByLabel('Join link').inputValue()).replace(/^https?:\/\/[^/]+/, base);
    const code = new URL(joinUrl).pathname.split('/').pop() ?? '';

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

    /** The facilitator's laptop, a member's phone and the projector, in one step of the meeting. */
    const everyone = async (step: string, ready: string, projectorReady: string = ready) => {
      await sweepScreen(sweep, aylin, `facilitator, ${step}`, { ready });
      await sweepScreen(sweep, ana, `member, ${step}`, { ready, shot: `member-${step.replaceAll(/\W+/g, '-')}` });
      await sweepScreen(sweep, projector, `projector, ${step}`, { ready: projectorReady, owner: 'projector' });
    };

    await bringTension(ben, content.operational, 'Operational room');
    await bringTension(ben, content.governance, 'Governance room');
    await bringTension(ben, content.relationship, 'Relationship room');

    // Settings, with long items of the team's own checklist and metrics.
    await aylin.getByText('Space settings').click();
    await aylin.getByRole('group', { name: 'Sync meeting checklist' }).getByLabel('New item').fill(content.checklist);
    await click(aylin, 'Add to checklist');
    await aylin.getByRole('group', { name: 'Sync meeting metrics' }).getByLabel('New item').fill(content.metric);
    await click(aylin, 'Add metric');
    await click(aylin, 'Save settings');
    await aylin.getByText('Settings saved.').waitFor();
    await everyone('home with backlog and settings', content.operational, content.space);

    // The sync meeting, step by step, with Ben as scribe.
    await startMeeting(aylin, 'Operational room');
    await aylin.getByLabel('Scribe').selectOption({ label: content.scribe });
    await click(aylin, 'Start check-in round');
    await ben.getByText(`Now speaking: ${content.facilitator}`).waitFor();
    await everyone('sync check-in', content.facilitator);
    await finishRound(aylin);
    await click(aylin, 'Next step');
    await everyone('sync checklist', content.checklist, content.space);
    await click(aylin, 'Next step');
    await everyone('sync projects', content.space);
    await click(aylin, 'Next step');
    await everyone('sync agenda', content.operational, content.space);
    await click(aylin, 'Next step');
    await click(aylin, `Process: ${content.operational}`);
    await ben.getByText('Your tension: what do you need?').waitFor();
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
    await click(ben, 'Close tension');
    await click(aylin, 'Next step');
    await everyone('sync closing', content.space);
    await endMeeting(aylin);

    // The governance meeting: proposal, objection round with one objection, adopted.
    await startMeeting(aylin, 'Governance room');
    await click(aylin, 'Next step');
    await click(aylin, 'Next step');
    await click(aylin, `Process: ${content.governance}`);
    const proposal = ben.getByRole('textbox', { name: 'Proposal' });
    await proposal.fill(content.proposal);
    await click(ben, 'Save proposal');
    await waitForText(aylin, content.proposal);
    await everyone('governance proposal', content.proposal);
    await click(aylin, 'Next: Clarifying questions');
    await click(aylin, 'Next: Reaction round');
    await finishRound(aylin);
    await click(aylin, 'Next: Amend and clarify');
    await click(aylin, 'Next: Objection round');
    await click(aylin, 'No objection');
    await click(ana, 'Kein Einwand');
    await ben.getByRole('textbox', { name: 'Objection', exact: true }).fill(content.objection);
    await click(ben, 'Raise objection');
    await waitForText(aylin, content.objection);
    await everyone('governance objection round', content.objection);
    await click(aylin, 'Next: Integration');
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
    await everyone('governance adopted', content.proposal);
    await click(aylin, 'Close tension');
    await click(aylin, 'Next step');
    await endMeeting(aylin);

    // A relationship conversation: the guide on every phone.
    await startMeeting(aylin, 'Relationship room');
    await click(aylin, 'Next step');
    await click(aylin, 'Next step');
    await click(aylin, `Process: ${content.relationship}`);
    await everyone('relationship conversation', content.relationship);
    await click(aylin, 'Close tension');
    await click(aylin, 'Next step');
    await endMeeting(aylin);
    await everyone('home with decision log', content.proposal, content.space);

    await aylin.getByRole('link', { name: 'Minutes and decision log' }).click();
    await sweepScreen(sweep, aylin, 'minutes', { ready: content.proposal });

    // The projector views' and the summary's layout belong to their own work in issue 12, and boxes
    // or words still open are listed (see screenSweep.ts `failsNow`): printed here, not failed.
    if (sweep.elsewhere?.length) console.info(`listed, not failed:\n${sweep.elsewhere.join('\n')}`);
    expect(sweep.problems).toEqual([]);
  });
});
