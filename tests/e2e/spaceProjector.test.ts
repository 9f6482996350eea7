import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { projectorContext } from '../support/browser.ts';
import { fill, messages } from '../support/messages.ts';
import { joinTeamSpace, openTeamSpace, seatBrowser } from '../support/remoteSeat.ts';
import { browserSuite, settled } from '../support/browserSuite.ts';

/** With RUNDE_SCREENSHOTS=1 the test renews its picture in docs/screenshots; otherwise it leaves the docs alone. */
const screenshotsWanted = process.env.RUNDE_SCREENSHOTS === '1';
const screenshots = new URL('../../docs/screenshots/', import.meta.url);

/**
 * Issue 5's projector for a team space: the shared screen holds the facilitator's seat and
 * follows the meeting by itself (the stage, who speaks, the tension on the table, its outcome)
 * while the facilitator runs it from elsewhere. It has nothing to press, and axe finds nothing at
 * 1920×1080 or 1280×720, in English and German.
 */
describe('the projector view of a team space', () => {
  const suite = browserSuite('e2e-space-projector');

  it('follows a meeting without a touch and is accessible at both sizes', { timeout: 120_000 }, async () => {
    const M = messages.en;
    const findings: string[] = [];
    const { created, facilitator } = await openTeamSpace(suite.app.server.url, 'Bauamt Team', 'Aylin');
    const ben = await joinTeamSpace(suite.app.server.url, created.sessionId, 'Ben');
    const printer = await ben.addTension('Printer in room 2 is broken');
    await ben.addTension('Nobody answers the phone at noon');
    await ben.addTension('Ton in unseren Teamsitzungen', 'relationship');

    async function openProjector(locale: string): Promise<Page> {
      const context = await projectorContext(suite.browser, { locale });
      await seatBrowser(context, created.joinCode, created);
      const page = await context.newPage();
      await page.goto(`${suite.app.server.url}/t/${created.joinCode}/projector`);
      return page;
    }

    /** Checks the screen at both projector sizes; nothing on it may be a button. */
    async function check(page: Page, where: string) {
      expect(await page.getByRole('button').count(), `buttons on ${where}`).toBe(0);
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(viewport);
        // The page has laid itself out at the new size, and its transitions are over.
        await page.waitForFunction((width) => window.innerWidth === width, viewport.width);
        await settled(page);
        const label = `${where} at ${viewport.width}×${viewport.height}`;
        const report = formatViolations(label, await axeViolations(page));
        if (report) findings.push(report);
        // One screen, read from the back of the room: nothing may need scrolling.
        const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
        expect(overflow, `scrolling needed on ${label}`).toBeLessThanOrEqual(0);
      }
      await page.setViewportSize({ width: 1920, height: 1080 });
    }

    const projector = await openProjector('en-GB');
    await projector.getByRole('heading', { name: 'Bauamt Team', level: 1 }).waitFor();
    const openTensions = projector.getByRole('region', { name: M.projector.openTensions });
    await openTensions.getByText(M.projector.noMeeting).waitFor();
    await check(projector, 'team space home');

    // The facilitator runs the meeting from the laptop; the projector is never touched.
    await facilitator.run('meeting:start', { room: 'operational' });
    await projector.getByRole('heading', { name: M.loop.rooms.operational, level: 1 }).waitFor();
    const steps = projector.getByRole('list', { name: M.meeting.stepper.label });
    await steps.locator('[aria-current="step"]', { hasText: M.loop.stages.checkin }).waitFor();
    await facilitator.run('round:start', { kind: 'checkin' });
    await projector.getByRole('heading', { name: fill(M.projector.nowSpeaking, { name: 'Aylin' }) }).waitFor();
    await facilitator.run('round:next', {});
    await projector.getByRole('heading', { name: fill(M.projector.nowSpeaking, { name: 'Ben' }) }).waitFor();
    await check(projector, 'sync meeting, check-in round');

    while (facilitator.space.meeting?.stage !== 'tensions') await facilitator.run('meeting:advance', {});
    await steps.locator('[aria-current="step"]', { hasText: M.loop.stages.tensions }).waitFor();
    await facilitator.run('tension:start', { tensionId: printer });
    const onTable = projector.getByRole('region', { name: 'Printer in room 2 is broken' });
    await onTable.getByText(M.meeting.tensions.onTable).waitFor();
    await facilitator.run('tension:outcome', {
      outcome: { type: 'next-action', text: 'Call the vendor', ownerId: ben.seat.participantId },
    });
    await onTable.getByText('Call the vendor').waitFor();
    await check(projector, 'sync meeting, tension with its outcome');
    await facilitator.run('tension:close', { gotWhatNeeded: true });
    await facilitator.run('meeting:end', {});
    await openTensions.waitFor();

    // A relationship conversation, in German this time, with the guide's round running.
    const german = await openProjector('de-DE');
    const D = messages.de;
    await german.getByRole('heading', { name: 'Bauamt Team', level: 1 }).waitFor();
    await facilitator.meetingAtTensions('relationship');
    await facilitator.run('tension:start', { tensionId: facilitator.tensionId('Ton in unseren Teamsitzungen') });
    if (!facilitator.space.meeting?.round) await facilitator.run('round:start', { kind: 'personal' });
    await german.getByRole('region', { name: 'Ton in unseren Teamsitzungen' }).waitFor();
    const speaker = new RegExp(`^${fill(D.projector.nowSpeaking, { name: '(Aylin|Ben)' })}$`);
    await german.getByRole('heading', { name: speaker }).waitFor();
    await check(german, 'relationship conversation [de]');
    if (screenshotsWanted) {
      await german.screenshot({ path: new URL('projector-loop-relationship-de.png', screenshots).pathname });
    }
    expect(await projector.getByRole('button').count()).toBe(0);

    facilitator.close();
    ben.close();
    expect(findings.join('\n\n')).toBe('');
  });
});
