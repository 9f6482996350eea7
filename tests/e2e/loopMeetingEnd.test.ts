import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { joinTeamSpace, openTeamSpace, seatBrowser } from '../support/remoteSeat.ts';

const shots = process.env.RUNDE_SHOTS;

/**
 * Issue 12, item 11 (LOOP): a skipped step reads "übersprungen", not "erledigt"; the facilitator
 * may end a meeting from any step, after a confirmation, with nothing lost and the skipped steps
 * in the minutes; and the checklist names who records it instead of "Die Moderation".
 */
describe('ending a LOOP meeting early', () => {
  const suite = browserSuite('e2e-loop-meeting-end');

  it('marks skipped steps, ends from any step and says so in the minutes', { timeout: 120_000 }, async () => {
    const url = suite.app.server.url;
    const { created, facilitator } = await openTeamSpace(url, 'Sozialplanung', 'Aylin');
    const ben = await joinTeamSpace(url, created.sessionId, 'Ben');
    const dana = await joinTeamSpace(url, created.sessionId, 'Dana');
    await ben.addTension('Aktenablage ist unklar');

    async function open(seat: typeof ben.seat, phone: boolean): Promise<Page> {
      const context = phone
        ? await phoneContext(suite.browser, { locale: 'de-DE' })
        : await desktopContext(suite.browser, { locale: 'de-DE' });
      await seatBrowser(context, created.joinCode, seat);
      const page = await context.newPage();
      await page.goto(`${url}/t/${created.joinCode}`);
      return page;
    }

    await facilitator.run('space:update', { checklist: ['Post gesichtet'] });
    await facilitator.run('meeting:start', { room: 'operational' });
    await facilitator.run('meeting:assign-role', { role: 'scribe', participantId: dana.seat.participantId });
    const aylin = await open(facilitator.seat, false);
    const benPhone = await open(ben.seat, true);

    // Check-in without a round: skipped, not done.
    await click(aylin, 'Nächster Schritt');
    const steps = aylin.getByRole('list', { name: 'Ablauf des Meetings' });
    const checkin = steps.getByRole('listitem').filter({ hasText: 'Check-in' });
    await expect.poll(() => checkin.innerText(), { timeout: 10_000 }).toContain('übersprungen');
    expect(await checkin.innerText()).not.toContain('erledigt');

    // The checklist names who records it.
    await benPhone.getByText('Dana trägt ein; hier sehen Sie den Stand.').waitFor({ timeout: 10_000 });

    // End from the checklist step: asked first, then everyone is back in the team space.
    await aylin.getByRole('button', { name: 'Meeting beenden', exact: true }).click({ timeout: 10_000 });
    const confirm = aylin.getByRole('alertdialog', { name: 'Meeting beenden?' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('1 Spannung');
    if (shots) await aylin.screenshot({ path: `${shots}/loop-end-meeting-confirm-de.png` });
    await click(confirm, 'Ja, Meeting beenden');
    await benPhone
      .getByRole('region', { name: 'Meeting starten' })
      .or(benPhone.getByText('Aktenablage ist unklar'))
      .first()
      .waitFor({ timeout: 10_000 });
    expect(facilitator.space.meeting).toBeNull();
    expect(facilitator.space.tensions.find((t) => t.title === 'Aktenablage ist unklar')?.status).toBe('open');

    // The minutes say which steps did not happen.
    await aylin.goto(`${url}/t/${created.joinCode}/minutes`);
    await aylin.getByRole('button', { name: 'Protokoll anzeigen' }).click({ timeout: 10_000 });
    await aylin
      .getByText(
        'Übersprungen: Check-in, Checkliste und Kennzahlen, Projekt-Updates, Tagesordnung, Spannungen, Abschlussrunde',
      )
      .waitFor({ timeout: 10_000 });
    for (const member of [facilitator, ben, dana]) member.close();
  });
});
