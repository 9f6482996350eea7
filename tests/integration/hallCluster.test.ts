import type { KindEvent, SessionState } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { createHallOverHttp, joinHallOverHttp, overviewHeld } from '../support/hallClients.ts';
import { clusterSuite } from '../support/clusterSuite.ts';
import { TestClient, waitUntil } from '../support/serverClients.ts';

/**
 * A hall across two server processes on one Redis: the node that commits a hall change relays it
 * to the tables (once, not once per node), and each node feeds its own organiser devices.
 */
describe('a hall on two server nodes', () => {
  const cluster = clusterSuite('hall-cluster');
  const { connect } = cluster;

  const tableOf = (client: TestClient): SessionState => {
    const state = client.mirror.current;
    if (state?.kind !== 'lean-coffee') throw new Error('expected a table');
    return state;
  };

  it('relays a phase change once to every table, and feeds organisers on both nodes', async () => {
    const [a, b] = cluster.nodes;
    const created = await createHallOverHttp(a.url, {
      title: 'Two nodes',
      organiserName: 'Olga',
      seating: { mode: 'count', tables: 4 },
    });
    // Seats taken on both nodes at once: each table is opened once, whichever node gets there first.
    const seats = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        joinHallOverHttp(i % 2 === 0 ? a.url : b.url, created.sessionId, { name: `Guest ${i}`, table: (i % 4) + 1 }),
      ),
    );
    expect(new Set(seats.map((s) => s.table.sessionId)).size).toBe(4);
    const phones = await Promise.all(seats.map((s, i) => connect(i % 2 === 0 ? b : a, s.table)));
    const onA = await connect(a, created);
    const onB = await connect(b, created);

    const added = await phones[1]!.channel.command(
      'topic:add',
      { title: 'From node A', description: '' },
      { commandId: 'topic-a-1' },
    );
    expect(added.ok).toBe(true);
    const phased = await onA.channel.command('hall:phase', { to: 'vote', minutes: 5 }, { commandId: 'phase-vote-1' });
    expect(phased.ok).toBe(true);
    await waitUntil('every table votes', () => phones.every((p) => tableOf(p).phase === 'vote'), 10_000);

    for (const sessionId of new Set(seats.map((s) => s.table.sessionId))) {
      const events = (await cluster.store.eventsSince(sessionId, 0)) ?? [];
      const relayed = events.filter(({ event }: { event: KindEvent }) => event.type === 'hall:relayed');
      // The table opened with the hall's link as it was; the change reached it once, not once per node.
      expect(relayed.map(({ event }) => (event.type === 'hall:relayed' ? event.link.phase : null))).toEqual(['vote']);
    }

    await phones[1]!.channel.command(
      'topic:add',
      { title: 'From node A', description: '' },
      { commandId: 'topic-a-1' },
    );
    for (const organiser of [onA, onB]) {
      await waitUntil(
        'the organiser device sees every table, with the new topic',
        () => {
          const held = overviewHeld(organiser.frames);
          return held.size === 4 && held.get(seats[1]!.table.number)?.topics === 1;
        },
        10_000,
      );
    }
  });
});
