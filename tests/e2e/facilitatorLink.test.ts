import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import {
  createSessionOverHttp,
  createTeamSpaceOverHttp,
  joinOverHttp,
  TestClient,
  waitUntil,
} from '../support/serverClients.ts';

const shots = process.env.RUNDE_SHOTS;

const kinds = [
  { kind: 'lean-coffee', open: createSessionOverHttp, path: 's', controls: 'Moderation' },
  { kind: 'team-space', open: createTeamSpaceOverHttp, path: 't', controls: 'Meeting starten' },
] as const;

/**
 * Issue 12, defect 4: the secret facilitator link. A promoted co-facilitator cannot take
 * facilitation from the creator, who gets the controls back with the link on a fresh device and on
 * the device they started on. A participant who opens the link is asked first and keeps their seat.
 */
describe.each(kinds)('the facilitator link of a $kind', ({ open, path, controls }) => {
  const suite = browserSuite(`e2e-facilitator-link-${path}`);

  const seatOf = (page: Page, code: string) =>
    page.evaluate(
      (c) =>
        (JSON.parse(localStorage.getItem('runde:seats') ?? '{}') as Record<string, { participantId: string }>)[c]
          ?.participantId,
      code,
    );

  async function phone(seat?: { sessionId: string; participantId: string; token: string }, code?: string) {
    const context: BrowserContext = await phoneContext(suite.browser, { locale: 'de-DE' });
    if (seat && code) await seatBrowser(context, code, seat);
    return context.newPage();
  }

  it(
    'keeps the creator in charge and asks a participant before it changes their seat',
    { timeout: 150_000 },
    async () => {
      const url = suite.app.server.url;
      const created = await open(url, { title: 'Jugendhilfeausschuss', facilitatorName: 'Fee' });
      const link = created.facilitatorUrl.replace(/^https?:\/\/[^/]+/, url);
      const anaSeat = await joinOverHttp(url, created.sessionId, 'Ana');
      const benSeat = await joinOverHttp(url, created.sessionId, 'Ben');
      const fee = await TestClient.connect(url, created);
      const ana = await TestClient.connect(url, anaSeat);
      const promoted = await fee.sendRaw('participant:set-role', {
        participantId: anaSeat.participantId,
        role: 'facilitator',
      });
      expect(promoted).toMatchObject({ ok: true });

      // The co-facilitator is offered no way to take the creator's role, and the server refuses it.
      const anaPhone = await phone(anaSeat, created.joinCode);
      await anaPhone.goto(`${url}/${path}/${created.joinCode}`);
      await anaPhone
        .getByRole('button', { name: 'Zur Co-Moderation machen: Ben' })
        .or(anaPhone.getByRole('button', { name: 'Rolle entziehen: Ben' }))
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
      expect(await anaPhone.getByRole('button', { name: 'Rolle entziehen: Fee' }).count()).toBe(0);
      const demoted = await ana.sendRaw('participant:set-role', {
        participantId: created.participantId,
        role: 'participant',
      });
      expect(demoted).toMatchObject({ ok: false });

      // The creator on a fresh device, and on the device the session was started on.
      const fresh = await (await desktopContext(suite.browser, { locale: 'de-DE' })).newPage();
      await fresh.goto(link);
      await fresh.getByRole('region', { name: controls, exact: true }).waitFor({ timeout: 15_000 });
      expect(await seatOf(fresh, created.joinCode)).toBe(created.participantId);
      const sameContext = await desktopContext(suite.browser, { locale: 'de-DE' });
      await seatBrowser(sameContext, created.joinCode, created);
      const same = await sameContext.newPage();
      await same.goto(link);
      await same.getByRole('region', { name: controls, exact: true }).waitFor({ timeout: 15_000 });
      expect(await same.getByRole('alertdialog').count()).toBe(0);

      // A participant opening the link is asked, and taking over keeps their own seat.
      const benPhone = await phone(benSeat, created.joinCode);
      await benPhone.goto(link);
      const choice = benPhone.getByRole('group', { name: 'Wie möchten Sie die Moderation übernehmen?' });
      await choice.waitFor({ timeout: 15_000 });
      await choice.getByRole('button', { name: 'Abbrechen' }).waitFor();
      await choice.getByRole('button', { name: 'Als eigener Moderationsplatz öffnen' }).waitFor();
      if (shots) await benPhone.screenshot({ path: `${shots}/facilitator-link-choice-${path}-de.png`, fullPage: true });
      await click(choice, 'Moderation auf diesem Gerät als Ben übernehmen');
      await benPhone.getByRole('region', { name: controls, exact: true }).waitFor({ timeout: 15_000 });
      expect(await seatOf(benPhone, created.joinCode)).toBe(benSeat.participantId);
      await waitUntil('Ben facilitates and Fee still does', () => {
        const people = fee.mirror.current?.participants ?? [];
        return (
          people.find((p) => p.id === benSeat.participantId)?.role === 'facilitator' &&
          people.find((p) => p.id === created.participantId)?.role === 'facilitator'
        );
      });
      fee.close();
      ana.close();
    },
  );
});
