import { hashSecret, randomIds } from '@runde/server';
import {
  createSession,
  decideCommand,
  applyEvents,
  replayEvents,
  type HallLink,
  type KindCommand,
  type Seat,
} from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { phoneContext } from '../support/browser.ts';
import { browserSuite, button } from '../support/browserSuite.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { expectCleanScreen } from '../support/screenChecks.ts';
import { TestClient } from '../support/serverClients.ts';
import type { AppUnderTest } from '../support/appServer.ts';

/**
 * Issue 16: a Lean Coffee that is one table of a hall shows the hall's rhythm on its board. The
 * hall's own routes and relays are another part of the server; here the table is opened in the
 * store as the server opens one (its first seat the organiser's placeholder) and the hall's relay
 * is run through the shared `decide`, before the browser opens the board.
 */
const ids = randomIds;

function link(change: Partial<HallLink> = {}): HallLink {
  return {
    hallId: 'HALLQ7',
    hallTitle: 'Tag der Teams im Rathaus',
    table: 7,
    phase: 'discuss',
    timer: { status: 'running', durationMs: 600_000, endsAt: Date.now() + 600_000 },
    announcement: { id: 'a1', text: 'Kaffee und Kuchen stehen im Foyer bereit.', at: Date.now() },
    closed: false,
    helpSince: null,
    ...change,
  };
}

/** Runs commands on the stored table as the server would (version-checked commit), with no device connected yet. */
async function runStored(app: AppUnderTest, code: string, actor: string | 'system', commands: KindCommand[]) {
  for (const command of commands) {
    const stored = await app.store.load(code);
    if (!stored) throw new Error('no table');
    const decision = decideCommand(stored.state, command, {
      actor: actor === 'system' ? { kind: 'system' } : { kind: 'participant', id: actor },
      now: Date.now(),
      newId: (kind) => ids.newId(kind),
    });
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code}`);
    const next = applyEvents(stored.state, decision.events);
    const committed = await app.store.commit(code, stored.version, decision.events, next);
    if (!committed.ok) throw new Error(`commit failed: ${committed.reason}`);
  }
}

/** Opens table 7 with the organiser's placeholder seat; answers that seat (a facilitator, as a host is). */
async function openTable(app: AppUnderTest): Promise<Seat> {
  const code = ids.newJoinCode();
  const events = createSession(
    { id: code, title: 'Tisch 7', facilitatorName: 'Orga', settings: {}, hall: link({ phase: 'collect' }) },
    { now: Date.now(), newId: (kind) => ids.newId(kind) },
  );
  const state = replayEvents(events);
  const host = state.participants[0];
  if (!host) throw new Error('no seat');
  const token = ids.newSecret();
  const created = await app.store.create(code, {
    events,
    state,
    tokens: [{ tokenHash: hashSecret(token), participantId: host.id }],
    facilitatorKeys: [],
  });
  if (!created) throw new Error('code taken');
  return { sessionId: code, participantId: host.id, token };
}

describe('the board of a table of a hall', () => {
  const suite = browserSuite('e2e-hall-table');

  it(
    'shows the hall bar on a small phone, hides the phase buttons, asks for help and marks a takeaway',
    {
      timeout: 90_000,
    },
    async () => {
      const { app } = suite;
      const seat = await openTable(app);
      const code = seat.sessionId;
      await runStored(app, code, seat.participantId, [{ type: 'topic:add', title: 'Drucker', description: '' }]);
      await runStored(app, code, 'system', [{ type: 'hall:relay', link: link() }]);
      await runStored(app, code, seat.participantId, [{ type: 'discussion:start' }]);
      const topicId = (await app.store.load(code))?.state.kind === 'lean-coffee' ? 'first' : '';
      expect(topicId).toBe('first');
      const host = await TestClient.connect(app.server.url, seat);

      const context = await phoneContext(suite.browser, { viewport: { width: 360, height: 640 }, locale: 'de-DE' });
      await seatBrowser(context, code, seat);
      const page = await context.newPage();
      await page.goto(`${app.server.url}/s/${code}`);
      const bar = page.getByRole('region', { name: 'Veranstaltung' });
      await bar.waitFor({ timeout: 15_000 });
      expect(await bar.innerText()).toContain('Tisch 7');
      expect(await bar.innerText()).toContain('Besprechen');
      expect(await page.getByRole('status').filter({ hasText: 'Kaffee und Kuchen' }).count()).toBe(1);
      expect(await page.getByRole('timer', { name: 'Zeit der Veranstaltung' }).innerText()).toMatch(/^\d\d:\d\d$/);
      expect(await page.getByRole('link', { name: 'Tisch wechseln' }).getAttribute('href')).toBe('/h/HALLQ7?move=1');
      // The hall sets the phase: the host has no phase buttons.
      expect(await page.getByRole('button', { name: /^Weiter:/ }).count()).toBe(0);

      const help = button(page, 'Hilfe rufen');
      expect(await help.getAttribute('aria-pressed')).toBe('false');
      await help.click();
      await expect.poll(() => help.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      await expect
        .poll(() => host.mirror.state?.kind === 'lean-coffee' && host.mirror.state.hall?.helpSince)
        .toEqual(expect.any(Number));

      await host.send('outcome:add', {
        topicId: host.mirror.state?.kind === 'lean-coffee' ? (host.mirror.state.topics[0]?.id ?? '') : '',
        kind: 'takeaway',
        text: 'Toner zentral bestellen',
      });
      const star = page.getByRole('button', { name: 'Als wichtigste markieren: Toner zentral bestellen' });
      await star.waitFor({ timeout: 10_000 });
      await star.click();
      await expect.poll(() => star.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      await expectCleanScreen(page, 'table board at 360×640 (de)', {
        typed: [
          'Tag der Teams im Rathaus',
          'Kaffee und Kuchen stehen im Foyer bereit.',
          'Toner zentral bestellen',
          'Drucker',
        ],
      });
      host.close();
      await context.close();
    },
  );

  it('sends the phones of a merged table to the hall for a new seat', { timeout: 60_000 }, async () => {
    const { app } = suite;
    const seat = await openTable(app);
    await runStored(app, seat.sessionId, 'system', [{ type: 'hall:relay', link: link({ closed: true }) }]);
    const context = await phoneContext(suite.browser, { locale: 'en-US' });
    await seatBrowser(context, seat.sessionId, seat);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/s/${seat.sessionId}`);
    await page.waitForURL((url) => url.pathname === '/h/HALLQ7' && url.search === '?reseat=1', { timeout: 15_000 });
    await context.close();
  });
});
