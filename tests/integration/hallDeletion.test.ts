import { sessionKeys } from '@runde/server';
import { describe, expect, it } from 'vitest';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import { integrationSuite } from '../support/integrationSuite.ts';
import { waitUntil, type TestClient } from '../support/serverClients.ts';
import { openRawRedis } from '../support/serverHarness.ts';

/**
 * Deleting a hall deletes its tables: each table is a Lean Coffee holding people's topics, which
 * must not stay behind until it expires. Phones at the tables are told like any deleted session.
 */
const suite = integrationSuite('hall-deletion');

function told(client: TestClient): { deleted: boolean } {
  const seen = { deleted: false };
  client.socket.on('session:deleted', () => (seen.deleted = true));
  return seen;
}

async function keysLeft(sessionId: string): Promise<number> {
  const raw = await openRawRedis();
  try {
    return await raw.exists(sessionKeys(suite.prefix, sessionId));
  } finally {
    await raw.close();
  }
}

describe('deleting a hall', () => {
  it('deletes every table with it and tells the phones at the tables', async () => {
    const created = await createHallOverHttp(suite.url, {
      title: 'Barcamp',
      organiserName: 'Olga',
      seating: { mode: 'count', tables: 3 },
    });
    const hallId = created.sessionId;
    const ana = await joinHallOverHttp(suite.url, hallId, { name: 'Ana', table: 1 });
    const ben = await joinHallOverHttp(suite.url, hallId, { name: 'Ben', table: 2 });
    const tables = [ana.table.sessionId, ben.table.sessionId];
    const organiser = await suite.connect(created);
    const phones = await Promise.all([ana.table, ben.table].map((seat) => suite.connect(seat)));
    await suite.run(phones[0]!, 'topic:add', { title: 'Ana’s private worry', description: '' });
    await waitUntil('the summary is kept with the hall', async () =>
      (await suite.store.hallTableSummaries(hallId)).tables.some((t) => t.topics === 1),
    );
    const news = phones.map(told);

    // A phone is not an organiser: it may delete neither the hall nor the table it hosts (a table
    // goes with its hall; deleted alone, the hall would lead its phones to a table that is gone).
    const inHall = await suite.connect(ana.hall);
    expect(await inHall.sendRaw('session:delete', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await phones[0]!.sendRaw('session:delete', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const id of tables) expect(await suite.store.load(id)).not.toBeNull();

    expect(await organiser.sendRaw('session:delete', {})).toEqual({ ok: true, data: { deleted: true } });
    expect(await suite.store.load(hallId)).toBeNull();
    for (const id of [hallId, ...tables]) expect(await keysLeft(id), id).toBe(0);
    expect((await suite.store.hallTableSummaries(hallId)).tables).toEqual([]);
    await waitUntil('every phone at a table is told', () => news.every((n) => n.deleted));
  });
});
