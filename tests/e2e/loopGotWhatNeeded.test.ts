import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, projectorContext } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { joinTeamSpace, openTeamSpace, seatBrowser } from '../support/remoteSeat.ts';

/** With RUNDE_SHOTS set to a folder, the test leaves its pictures there for a person to look at. */
const shots = process.env.RUNDE_SHOTS;

/**
 * Issue 12, defect 6: "Haben Sie bekommen, was Sie brauchen?" is one answer for the whole meeting.
 * The holder answers on their phone; a second phone and the projector show the same answer, and
 * the facilitator closing the tension from elsewhere keeps it in the minutes.
 */
describe('the answer to "did you get what you need?" in a sync meeting', () => {
  const suite = browserSuite('e2e-loop-got-what-needed');

  const question = 'Haben Sie bekommen, was Sie brauchen?';

  it('is one answer on every screen and stays in the minutes', { timeout: 120_000 }, async () => {
    const url = suite.app.server.url;
    const { created, facilitator } = await openTeamSpace(url, 'Jugendamt Team', 'Aylin');
    const ben = await joinTeamSpace(url, created.sessionId, 'Ben');
    const cem = await joinTeamSpace(url, created.sessionId, 'Cem');
    const printer = await ben.addTension('Drucker im Raum 2 ist kaputt');

    async function open(seat: typeof ben.seat, path: string, projector = false): Promise<Page> {
      const context = projector
        ? await projectorContext(suite.browser, { locale: 'de-DE' })
        : await phoneContext(suite.browser, { locale: 'de-DE' });
      await seatBrowser(context, created.joinCode, seat);
      const page = await context.newPage();
      await page.goto(`${url}/t/${created.joinCode}${path}`);
      return page;
    }

    await facilitator.meetingAtTensions('operational');
    await facilitator.run('tension:start', { tensionId: printer });
    await facilitator.run('tension:outcome', { outcome: { type: 'information', note: 'Der Hausdienst kommt.' } });

    const benPhone = await open(ben.seat, '');
    const cemPhone = await open(cem.seat, '');
    const projector = await open(facilitator.seat, '/projector', true);

    // The holder answers on their own phone.
    const answer = benPhone.getByRole('group', { name: question });
    await answer.getByRole('button', { name: 'Ja', exact: true }).click({ timeout: 30_000 });
    await expect
      .poll(() => answer.getByRole('button', { name: 'Ja', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');

    // Another phone and the projector show the same answer.
    const cemAnswer = cemPhone.getByRole('region', { name: question });
    await cemAnswer.getByText('Ja', { exact: true }).waitFor({ timeout: 10_000 });
    const onTable = projector.getByRole('region', { name: 'Drucker im Raum 2 ist kaputt' });
    await onTable.getByText(question).waitFor({ timeout: 10_000 });
    await onTable.getByText('Ja', { exact: true }).waitFor();
    if (shots) {
      await cemPhone.screenshot({ path: `${shots}/got-what-needed-second-phone-de.png`, fullPage: true });
      await projector.screenshot({ path: `${shots}/got-what-needed-projector-de.png` });
    }

    // The facilitator closes from a device that never saw a tap: the answer stays.
    await facilitator.run('tension:close', {});
    await facilitator.run('meeting:advance', {});
    await facilitator.run('meeting:end', {});
    expect(facilitator.space.meetings.at(-1)?.processed[0]?.gotWhatNeeded).toBe(true);
    await benPhone.goto(`${url}/t/${created.joinCode}/minutes`);
    await benPhone.getByRole('button', { name: 'Protokoll anzeigen' }).click({ timeout: 10_000 });
    await benPhone.getByText('(hat bekommen, was gebraucht wurde)').waitFor();
    for (const member of [facilitator, ben, cem]) member.close();
  });
});
