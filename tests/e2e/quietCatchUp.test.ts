import { randomIds } from '@runde/server';
import { applyEvents, decideCommand } from '@runde/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { joinLeanCoffee, startLeanCoffee } from '../support/leanCoffeeDriver.ts';
import { browserSuite, click } from '../support/browserSuite.ts';

/**
 * Issue 6, "resync is the rule": a push can be lost without the socket noticing (another node's
 * relay that never arrived, a phone radio that napped). A quiet phone must still end up at the
 * server's version, without a reload and without waiting for someone's next action.
 */
describe('a phone that missed a push in a quiet meeting', () => {
  const suite = browserSuite('e2e-quiet-catch-up');

  const topicHeading = (page: Page, title: string) =>
    page.getByRole('region', { name: 'Topics' }).getByRole('heading', { name: title, exact: true });

  /** Commits a topic straight to the store, as a node whose broadcast got lost would have. */
  async function commitUnannounced(sessionId: string, title: string) {
    const stored = await suite.app.store.load(sessionId);
    if (!stored) throw new Error('no session');
    const facilitator = stored.state.participants[0];
    if (!facilitator) throw new Error('no facilitator');
    const decision = decideCommand(
      stored.state,
      { type: 'topic:add', title, description: '' },
      { actor: { kind: 'participant', id: facilitator.id }, now: Date.now(), newId: randomIds.newId },
    );
    if (!decision.ok) throw new Error(decision.error.message);
    const next = applyEvents(stored.state, decision.events);
    const outcome = await suite.app.store.commit(sessionId, stored.version, decision.events, next, {});
    expect(outcome.ok).toBe(true);
  }

  it('asks the server by itself after a quiet spell and shows what it missed', async () => {
    const maria = await (await desktopContext(suite.browser)).newPage();
    const joinUrl = await startLeanCoffee(maria, suite.app.server.url, 'Weekly', 'Maria');
    const sessionId = new URL(joinUrl).pathname.split('/').at(-1) ?? '';

    const ana = await (await phoneContext(suite.browser)).newPage();
    // Ana's page runs on a clock the test can move forward; the server and the socket stay real.
    await ana.clock.install();
    await joinLeanCoffee(ana, joinUrl, 'Ana');
    await maria.getByLabel('Topic', { exact: true }).fill('Release process');
    await click(maria, 'Add topic');
    await topicHeading(ana, 'Release process').waitFor();
    const socketsBefore = [...suite.app.server.runde.io.of('/').sockets.keys()].sort();

    // Every Socket.IO event the server sends from now on; the missed topic may come back only as
    // the answer to the phone's own question (an ack), never as a push.
    const pushes: string[] = [];
    for (const socket of suite.app.server.runde.io.of('/').sockets.values()) {
      socket.conn.on('packetCreate', (packet: { data?: unknown }) => {
        if (typeof packet.data === 'string' && packet.data.startsWith('42')) pushes.push(packet.data);
      });
    }
    await commitUnannounced(sessionId, 'Shared calendar');
    // Nothing was pushed, so nothing shows yet: the phone has no way to know.
    expect(await topicHeading(ana, 'Shared calendar').count()).toBe(0);

    // Less than the socket's own heartbeat timeout (45 s), more than the quiet spell (30 s ± 20 %).
    await ana.clock.fastForward(37_000);
    await topicHeading(ana, 'Shared calendar').waitFor({ timeout: 5_000 });
    expect(pushes.filter((frame) => frame.includes('Shared calendar'))).toEqual([]);
    // Caught up over the same connection: not a reconnect that happened to sync.
    expect([...suite.app.server.runde.io.of('/').sockets.keys()].sort()).toEqual(socketsBefore);
  });
});
