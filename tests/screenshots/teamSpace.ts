import type { Browser, Page } from 'playwright-core';
import { RemoteMember, seatBrowser } from '../support/remoteSeat.ts';
import { button, click, contextFor, seatOf, shoot, waitForText } from './shots.ts';

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function bringTension(page: Page, title: string, room: string): Promise<void> {
  const form = region(page, 'Bring a tension');
  await form.getByLabel('Tension', { exact: true }).fill(title);
  await form.getByRole('radio', { name: room, exact: true }).check();
  await click(form, 'Add tension');
  await waitForText(page, title);
}

async function startMeeting(page: Page, room: string): Promise<void> {
  const start = region(page, 'Start a meeting');
  await start.getByRole('radio', { name: room, exact: true }).check();
  await click(start, 'Start meeting');
  await page.getByRole('list', { name: 'Meeting steps' }).waitFor();
}

/**
 * Moves a round on until everyone has had their turn (as tests/support/loopMeetingDriver.ts): the
 * runner's "Next speaker", or "Done" on the device of whoever has the turn, once that device shows it.
 */
async function finishRound(runner: Page, speakers: readonly Page[]): Promise<void> {
  const done = runner.getByText('Everyone has had their turn.');
  const next = button(runner, 'Next speaker');
  const own = [runner, ...speakers].map((page) => page.getByRole('button', { name: /^(Done|Fertig)$/ }));
  for (;;) {
    // Whichever shows first: the end of the round, the runner's button, or a speaker's own.
    const shown = await Promise.any(
      [done, next, ...own].map((locator, i) => locator.waitFor({ state: 'visible' }).then(() => i)),
    );
    if (shown === 0) return;
    const target = shown === 1 ? next : own[shown - 2];
    const before = await runner.locator('body').innerText();
    await target?.click();
    await runner.waitForFunction((text) => document.body.innerText !== text, before);
  }
}

async function endMeeting(runner: Page): Promise<void> {
  await click(runner, 'End meeting');
  await click(runner, 'Yes, end meeting');
  await region(runner, 'Start a meeting').waitFor();
}

/**
 * The README's LOOP meetings of "Bauamt Team" (as tests/e2e/loopMeeting.test.ts plays them):
 * Aylin facilitates on a laptop with the projector open beside it, Ben's phone is photographed,
 * Ana (German), Cem and Dana take part on phones.
 */
export async function teamSpace(browser: Browser, base: string): Promise<void> {
  const aylin = await (await contextFor(browser, 'loop-laptop-sync.png', { locale: 'en-GB' })).newPage();
  await aylin.goto(base);
  await aylin.getByRole('radio', { name: 'Team space (LOOP meetings)' }).check();
  await aylin.getByLabel('Name of the team space').fill('Bauamt Team');
  await aylin.getByLabel('Your name').fill('Aylin');
  await click(aylin, 'Open team space');
  const joinUrl = (await aylin.getByLabel('Join link').inputValue()).replace(/^https?:\/\/[^/]+/, base);
  const code = new URL(joinUrl).pathname.split('/').pop() ?? '';
  const projector = await aylin.context().newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${base}/t/${code}/projector`);

  const phone = (name: string, locale: string) =>
    contextFor(browser, 'loop-phone-space.png', { locale, scale: name === 'Ben' ? 2 : 1, mobile: true });
  const [ana, ben, cem, dana] = await Promise.all([
    phone('Ana', 'de-DE').then((c) => c.newPage()),
    phone('Ben', 'en-GB').then((c) => c.newPage()),
    phone('Cem', 'en-GB').then((c) => c.newPage()),
    phone('Dana', 'en-GB').then((c) => c.newPage()),
  ]);
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
  await region(ben, 'Bring a tension').getByLabel('Tension', { exact: true }).focus();
  await shoot(ben, 'loop-phone-space.png');

  await bringTension(ben, 'Printer in room 2 is broken', 'Operational room');
  await bringTension(cem, 'Nobody knows who signs grants', 'Governance room');
  await bringTension(cem, 'Who may book the big meeting room?', 'Governance room');
  await bringTension(ben, 'Nobody answers the phone at noon', 'Operational room');
  await bringTension(ben, 'Ton in unseren Teamsitzungen', 'Relationship room');
  // The projector's home counts open tensions per room.
  await waitForText(projector, 'Governance room 2');
  await waitForText(projector, 'Relationship room 1');
  await shoot(projector, 'projector-loop-home.png');

  // The sync meeting, with Dana as scribe.
  await startMeeting(aylin, 'Operational room');
  await aylin.getByLabel('Scribe').selectOption({ label: 'Dana' });
  await click(aylin, 'Start check-in round');
  await ben.getByText('Now speaking: Aylin').waitFor();
  // Aylin speaks first and ends her own turn; Ana's turn is on the projector.
  await click(aylin, 'Done');
  await projector.getByRole('heading', { name: 'Now speaking: Ana' }).waitFor();
  await shoot(projector, 'projector-loop-checkin.png');
  await finishRound(aylin, [ana, ben, cem, dana]);
  for (let step = 0; step < 4; step += 1) await click(aylin, 'Next step');
  await click(aylin, 'Process: Printer in room 2 is broken');
  await ben.getByText('Your tension: what do you need?').waitFor();
  // Paused at once, the soft timebox reads 02:00 on every run (the clock rounds up).
  const facilitator = await RemoteMember.connect(base, await seatOf(aylin, code));
  await facilitator.run('timer:pause', {});
  await ben.getByText('Paused').first().waitFor();
  await shoot(ben, 'loop-phone-sync.png');
  await aylin.getByText('Ben, what do you need?').waitFor();
  await shoot(aylin, 'loop-laptop-sync.png');
  await projector.getByRole('region', { name: 'Printer in room 2 is broken' }).waitFor();
  await shoot(projector, 'projector-loop-sync.png');

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
  await finishRound(aylin, [ana, ben, cem, dana]);
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
  await shoot(aylin, 'loop-laptop-objection.png', aylin.getByRole('button', { name: /^Next: Integration/ }));
  await projector.getByText('The deputy must sign when the lead is away.').waitFor();
  await shoot(projector, 'projector-loop-governance.png');
  await shoot(projector, 'projector-loop-governance-1280x720.png');
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
  const adopted = ben.getByText('Recorded in the decision log.').first();
  await adopted.waitFor();
  await shoot(ben, 'loop-phone-adopted.png', ben.getByText('Adopted', { exact: true }).first());
  await click(aylin, 'Close tension');
  await click(aylin, 'Next step');
  await endMeeting(aylin);

  await aylin.getByRole('link', { name: 'Minutes and decision log' }).click();
  await aylin.getByRole('button', { name: 'Download minutes (Markdown)' }).first().waitFor();
  await shoot(aylin, 'loop-laptop-minutes.png');

  // A relationship conversation on the German projector, its round running (as spaceProjector.test.ts).
  const seat = facilitator.seat;
  const german = await contextFor(browser, 'projector-loop-relationship-de.png', { locale: 'de-DE' });
  await seatBrowser(german, code, seat);
  const germanProjector = await german.newPage();
  await germanProjector.goto(`${base}/t/${code}/projector`);
  await germanProjector.getByRole('heading', { name: 'Bauamt Team', level: 1 }).waitFor();
  await facilitator.meetingAtTensions('relationship');
  await facilitator.run('tension:start', { tensionId: facilitator.tensionId('Ton in unseren Teamsitzungen') });
  if (!facilitator.space.meeting?.round) await facilitator.run('round:start', { kind: 'personal' });
  await germanProjector.getByRole('region', { name: 'Ton in unseren Teamsitzungen' }).waitFor();
  await germanProjector
    .getByRole('heading', { name: /spricht/ })
    .first()
    .waitFor();
  await shoot(germanProjector, 'projector-loop-relationship-de.png');
  facilitator.close();
}
