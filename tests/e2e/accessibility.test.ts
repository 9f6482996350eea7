import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { fill, messages, type TestLanguage } from '../support/messages.ts';
import { afterChange, browserSuite, button, click, settled } from '../support/browserSuite.ts';

const locales: Record<TestLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * Issue 5: no axe-core violation of WCAG 2.0/2.1/2.2 A and AA on any page in any phase, in German
 * and in English. Participants are on phones, facilitators on laptops; a few key screens are
 * checked in dark mode too, where contrast fails first. Every screen of a tour is checked and the
 * findings are reported together, so one run lists everything there is to fix.
 */
describe.each(['de', 'en'] as const)('accessibility in %s', (language) => {
  const M = messages[language];
  const locale = locales[language];
  let findings: string[] = [];

  const suite = browserSuite(`e2e-a11y-${language}`);

  const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

  async function audit(page: Page, where: string) {
    // Transitions and fonts settle first: axe reads computed colours.
    await settled(page);
    const report = formatViolations(`${where} [${language}]`, await axeViolations(page));
    if (report) findings.push(report);
  }

  async function auditDark(page: Page, where: string) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await audit(page, `${where}, dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  }

  async function facilitatorPage() {
    const page = await (await desktopContext(suite.browser, { locale })).newPage();
    await page.goto(suite.app.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The browser's language decides; the page says which it chose.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    return page;
  }

  async function joinByCode(code: string, name: string) {
    const page = await (await phoneContext(suite.browser, { locale })).newPage();
    await page.goto(`${suite.app.server.url}/join`);
    await audit(page, 'join: code');
    await page.getByLabel(M.join.codeLabel).fill(code);
    await click(page, M.join.continue);
    await page.getByLabel(M.join.nameLabel).waitFor();
    await audit(page, 'join: name');
    await page.getByLabel(M.join.nameLabel).fill(name);
    await click(page, M.join.submit);
    return page;
  }

  async function joinCode(page: Page): Promise<string> {
    const link = await page.getByLabel(M.share.linkLabel).inputValue();
    return link.slice(-6);
  }

  it('has no violations in a whole Lean Coffee', { timeout: 180_000 }, async () => {
    findings = [];
    const maria = await facilitatorPage();
    await audit(maria, 'start page: Lean Coffee');
    await auditDark(maria, 'start page: Lean Coffee');
    await maria.getByRole('radio', { name: M.start.kindTeamSpace }).check();
    await audit(maria, 'start page: team space');
    await maria.getByRole('radio', { name: M.start.kindLeanCoffee }).check();
    await maria.getByText(M.start.options, { exact: true }).click();
    await maria.getByLabel(M.settings.hiddenVoting).check();
    await audit(maria, 'start page: settings open');
    await maria.getByLabel(M.start.sessionTitle).fill('Team retro');
    await maria.getByLabel(M.start.yourName).fill('Maria');
    await click(maria, M.start.submit);
    const code = await joinCode(maria);
    await audit(maria, 'board, facilitator, collect (share panel)');

    const ana = await joinByCode(code, 'Ana');
    await ana.getByLabel(M.topicForm.title, { exact: true }).fill('Onboarding');
    await click(ana, M.topicForm.submit);
    await maria.getByLabel(M.topicForm.title, { exact: true }).fill('Release process');
    await click(maria, M.topicForm.submit);
    await ana.getByRole('heading', { name: 'Release process' }).waitFor();
    await audit(ana, 'board, participant, collect');
    await auditDark(ana, 'board, participant, collect');
    await audit(maria, 'board, facilitator, collect');
    // Offline, with a topic held until the network is back.
    await ana.context().setOffline(true);
    await ana.getByLabel(M.topicForm.title, { exact: true }).fill('Coffee machine');
    await click(ana, M.topicForm.submit);
    await ana.getByText(M.topicForm.held).waitFor();
    await audit(ana, 'board, participant, offline with a held topic');
    await auditDark(ana, 'board, participant, offline with a held topic');
    await ana.context().setOffline(false);
    await maria.getByRole('heading', { name: 'Coffee machine' }).waitFor();

    await click(maria, fill(M.facilitator.next, { phase: M.phases.vote }));
    for (const title of ['Onboarding', 'Onboarding', 'Release process']) {
      await click(ana, fill(M.vote.add, { title }));
    }
    await click(maria, fill(M.vote.add, { title: 'Release process' }));
    await audit(ana, 'board, participant, vote hidden');
    await audit(maria, 'board, facilitator, vote hidden');
    await click(maria, M.vote.reveal);
    await ana.getByText(M.vote.revealed).first().waitFor({ state: 'attached' });
    await audit(ana, 'board, participant, vote revealed');
    await audit(maria, 'board, facilitator, vote revealed');
    await auditDark(maria, 'board, facilitator, vote revealed');

    await click(maria, fill(M.facilitator.next, { phase: M.phases.discuss }));
    await click(maria, M.discuss.next);
    await ana
      .getByText(fill(M.discuss.nowDiscussing, { title: 'Onboarding' }))
      .first()
      .waitFor();
    const startTimer = button(maria, M.timer.start);
    if (await startTimer.isVisible()) await startTimer.click();
    await button(maria, M.timer.pause).waitFor();
    await click(maria, M.thumbs.open);
    await button(ana, M.thumbs.up).waitFor();
    await audit(ana, 'board, participant, discuss with timer and thumbs vote');
    await auditDark(ana, 'board, participant, discuss with timer and thumbs vote');
    await audit(maria, 'board, facilitator, discuss with timer and thumbs vote');
    await click(ana, M.thumbs.up);
    await click(maria, M.thumbs.reveal);
    await maria
      .getByText(fill(M.thumbs.result, { up: 1, side: 0, down: 0 }))
      .first()
      .waitFor();
    await audit(ana, 'board, participant, thumbs revealed');
    await audit(maria, 'board, facilitator, thumbs revealed');
    await auditDark(maria, 'board, facilitator, thumbs revealed');
    await click(ana, fill(M.outcomes.addActionLabel, { title: 'Onboarding' }));
    await audit(ana, 'board, participant, action form');
    await ana.getByLabel(M.outcomes.action, { exact: true }).fill('Write a buddy guide');
    await click(ana, M.common.save);
    await maria.getByText('Write a buddy guide').waitFor();
    await click(maria, M.discuss.close);

    await click(maria, fill(M.facilitator.next, { phase: M.phases.wrapup }));
    await ana.getByLabel(M.closing.label).fill('Good round');
    await audit(ana, 'board, participant, wrap-up');
    await click(ana, M.closing.submit);
    await ana.getByRole('radio', { name: fill(M.roti.score, { score: 4 }) }).check();
    await audit(ana, 'board, participant, wrap-up answered');
    await audit(maria, 'board, facilitator, wrap-up');

    await click(maria, fill(M.facilitator.next, { phase: M.phases.ended }));
    await audit(maria, 'board, facilitator, confirm end');
    await click(maria, M.facilitator.confirmEndYes);
    await ana.getByText(M.board.ended).first().waitFor();
    await audit(ana, 'board, participant, ended');
    await audit(maria, 'board, facilitator, ended');
    await maria.getByRole('link', { name: M.board.summaryLink }).click();
    await maria.getByRole('button', { name: M.summary.downloadMarkdown }).waitFor();
    await audit(maria, 'summary page');
    await auditDark(maria, 'summary page');

    expect(findings.join('\n\n')).toBe('');
  });

  it('has no violations in a team space and its meetings', { timeout: 240_000 }, async () => {
    findings = [];
    const rooms = M.loop.rooms;

    async function bringTension(page: Page, title: string, room: string, anonymous = false) {
      const form = region(page, M.space.tensionForm.heading);
      await form.getByLabel(M.space.tensionForm.title, { exact: true }).fill(title);
      await form.getByRole('radio', { name: room, exact: true }).check();
      if (anonymous) await form.getByLabel(M.space.tensionForm.anonymous).check();
      await click(form, M.space.tensionForm.submit);
      await page.getByRole('heading', { name: title }).first().waitFor();
    }

    async function startMeeting(page: Page, room: string) {
      const start = region(page, M.space.startMeeting.heading);
      await start.getByRole('radio', { name: room, exact: true }).check();
      await click(start, M.space.startMeeting.submit);
      await page.getByRole('list', { name: M.meeting.stepper.label }).waitFor();
    }

    /** The runner moves the round on until everyone has had their turn. */
    async function finishRound(runner: Page) {
      const complete = runner.getByText(M.meeting.round.complete);
      const enabled = runner.locator(':enabled');
      const action = button(runner, M.meeting.round.next)
        .and(enabled)
        .or(button(runner, M.meeting.round.done).and(enabled));
      for (let turn = 0; turn < 20 && !(await complete.isVisible()); turn += 1) {
        // The buttons change as turns pass; a click that loses that race looks again once the page moved on.
        await afterChange(runner, () =>
          action
            .first()
            .click({ timeout: 2_000 })
            .catch(() => undefined),
        );
      }
      await complete.waitFor();
    }

    /** The runner moves the meeting on one step and waits until every screen shows it. */
    async function nextStep(stage: keyof typeof M.loop.stages) {
      await click(aylin, M.meeting.nav.next);
      for (const page of [aylin, ben]) {
        await page.locator('li[aria-current="step"]', { hasText: M.loop.stages[stage] }).waitFor();
      }
    }

    async function endMeeting(runner: Page) {
      await click(runner, M.meeting.end.button);
      await click(runner, M.meeting.end.yes);
      await region(runner, M.space.startMeeting.heading).waitFor();
    }

    const aylin = await facilitatorPage();
    await aylin.getByRole('radio', { name: M.start.kindTeamSpace }).check();
    await aylin.getByLabel(M.start.spaceTitle).fill('Bauamt Team');
    await aylin.getByLabel(M.start.yourName).fill('Aylin');
    await click(aylin, M.start.spaceSubmit);
    const code = await joinCode(aylin);
    await audit(aylin, 'team space, facilitator, new (share panel)');

    const ben = await joinByCode(code, 'Ben');
    await ben.waitForURL(/\/t\/[A-Z0-9]+$/);
    await bringTension(ben, 'Printer in room 2 is broken', rooms.operational);
    await bringTension(ben, 'Nobody answers the phone at noon', rooms.operational, true);
    await bringTension(ben, 'Nobody knows who signs grants', rooms.governance);
    await bringTension(ben, 'Tone in our team meetings', rooms.relationship);
    await audit(ben, 'team space, member, with tensions');
    // A personal-room tension is for its holder and those present at a meeting of its room: until
    // then the facilitator's backlog shows only that there is one.
    await aylin.getByRole('heading', { name: M.space.backlog.private }).first().waitFor();
    await audit(aylin, 'team space, facilitator, with tensions');
    await auditDark(aylin, 'team space, facilitator, with tensions');

    // The sync meeting, every stage from both sides.
    await startMeeting(aylin, rooms.operational);
    await audit(aylin, 'sync meeting, facilitator, check-in');
    await audit(ben, 'sync meeting, member, check-in');
    await click(aylin, M.meeting.round.startCheckin);
    await ben
      .getByText(fill(M.meeting.round.nowSpeakingAnnouncement, { name: 'Aylin' }))
      .first()
      .waitFor();
    await audit(ben, 'sync meeting, member, check-in round');
    await auditDark(ben, 'sync meeting, member, check-in round');
    await audit(aylin, 'sync meeting, facilitator, check-in round');
    await finishRound(aylin);
    for (const stage of ['checklist', 'projects', 'agenda', 'tensions'] as const) {
      await nextStep(stage);
      await audit(aylin, `sync meeting, facilitator, ${stage}`);
      await audit(ben, `sync meeting, member, ${stage}`);
    }
    await click(aylin, fill(M.meeting.tensions.processLabel, { title: 'Printer in room 2 is broken' }));
    await ben.getByText(M.meeting.sync.questionYou).waitFor();
    await aylin.getByRole('radio', { name: M.loop.outcomeTypes['next-action'], exact: true }).check();
    await audit(aylin, 'sync meeting, facilitator, outcome form');
    await auditDark(aylin, 'sync meeting, facilitator, outcome form');
    await audit(ben, 'sync meeting, member, tension on the table');
    await aylin.getByLabel(M.meeting.sync.nextAction).fill('Call the vendor');
    await aylin.getByLabel(M.meeting.sync.owner, { exact: true }).selectOption({ label: 'Ben' });
    await click(aylin, M.meeting.sync.save);
    await ben.getByText('Call the vendor').first().waitFor();
    await aylin
      .getByRole('group', { name: M.meeting.sync.gotWhatNeeded })
      .getByRole('button', { name: M.meeting.sync.yes, exact: true })
      .click();
    await audit(aylin, 'sync meeting, facilitator, outcome recorded');
    await click(aylin, M.meeting.tensions.close);
    await nextStep('closing');
    await audit(aylin, 'sync meeting, facilitator, closing');
    await audit(ben, 'sync meeting, member, closing');
    await endMeeting(aylin);

    // The governance meeting: proposal, objection round, adopted.
    await startMeeting(aylin, rooms.governance);
    await nextStep('agenda');
    await nextStep('tensions');
    await click(aylin, fill(M.meeting.tensions.processLabel, { title: 'Nobody knows who signs grants' }));
    await ben.getByRole('textbox', { name: M.governance.proposal.label }).fill('The team lead signs grants.');
    await click(ben, M.governance.proposal.save);
    await ben.getByText(M.governance.proposal.saved).first().waitFor();
    await audit(ben, 'governance, member, proposal');
    await audit(aylin, 'governance, facilitator, proposal');
    await click(aylin, fill(M.governance.controls.nextTo, { name: M.loop.idmSteps.clarifying }));
    await click(aylin, fill(M.governance.controls.nextTo, { name: M.loop.idmSteps.reaction }));
    await finishRound(aylin);
    await click(aylin, fill(M.governance.controls.nextTo, { name: M.loop.idmSteps.amend }));
    await click(aylin, fill(M.governance.controls.nextTo, { name: M.loop.idmSteps.objection }));
    // One person after another; the facilitator answers first.
    await audit(aylin, 'governance, facilitator, objection round');
    await click(aylin, M.governance.turn.none);
    await button(ben, M.governance.turn.none).waitFor();
    await audit(ben, 'governance, member, objection round');
    await auditDark(ben, 'governance, member, objection round');
    await click(ben, M.governance.turn.none);
    await click(aylin, fill(M.governance.controls.nextTo, { name: M.loop.idmSteps.adopted }));
    await ben.getByText(M.governance.adopted.recorded).first().waitFor();
    await audit(ben, 'governance, member, adopted');
    await audit(aylin, 'governance, facilitator, adopted');
    await click(aylin, M.meeting.tensions.close);
    await nextStep('closing');
    await endMeeting(aylin);

    // A relationship conversation: the guide card during the round, then the agreement.
    await startMeeting(aylin, rooms.relationship);
    const process = button(aylin, fill(M.meeting.tensions.processLabel, { title: 'Tone in our team meetings' }));
    await nextStep('agenda');
    await nextStep('tensions');
    await process.click();
    const startRound = button(aylin, M.meeting.round.startPersonal);
    if (await startRound.isVisible()) await startRound.click();
    await ben.getByText(M.meeting.personal.guideIntro).waitFor();
    await audit(ben, 'relationship, member, guide');
    await audit(aylin, 'relationship, facilitator, guide');
    await aylin.getByRole('textbox', { name: M.meeting.personal.agreementHeading }).fill('We let each other finish.');
    await click(aylin, fill(M.meeting.field.saveLabel, { label: M.meeting.personal.agreementHeading }));
    await ben.getByText('We let each other finish.').first().waitFor();
    await audit(aylin, 'relationship, facilitator, agreement');
    await audit(ben, 'relationship, member, agreement');
    await click(aylin, M.meeting.tensions.close);
    await nextStep('closing');
    await endMeeting(aylin);

    // Home again, now with an open action and a decision; then the minutes.
    await ben.getByText('Call the vendor').first().waitFor();
    await audit(ben, 'team space, member, with action and decision');
    await audit(aylin, 'team space, facilitator, with action and decision');
    await aylin.getByRole('link', { name: M.space.header.minutes }).click();
    await aylin.getByRole('button', { name: M.minutes.meetings.download }).first().waitFor();
    await audit(aylin, 'minutes');
    await auditDark(aylin, 'minutes');

    expect(findings.join('\n\n')).toBe('');
  });
});
