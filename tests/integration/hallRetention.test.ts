import { randomUUID } from 'node:crypto';
import { MemorySessionStore, sessionKeys } from '@runde/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import { integrationSuite } from '../support/integrationSuite.ts';
import { TestClient, waitUntil } from '../support/serverClients.ts';
import { openRawRedis, startTestServer, TestClock } from '../support/serverHarness.ts';

/**
 * A table must not outlive its hall: a hall and its tables are kept for the Lean Coffee retention
 * after their last write, and a table's write (its summary kept with the hall) keeps the hall too.
 * Otherwise a hall whose organiser set the last phase weeks ago would expire under tables still
 * in use, and nothing would delete them with it.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A phone takes a seat (a write to the hall), then `age` makes that write long ago, then the
 * phone adds a topic at its table; resolves with the table's code once its summary is kept.
 */
async function topicAddedAtTable(
  url: string,
  hallId: string,
  age: () => Promise<void>,
  summaries: () => Promise<number>,
): Promise<string> {
  const seat = await joinHallOverHttp(url, hallId, { name: 'Ana', table: 1 });
  await age();
  const phone = await TestClient.connect(url, seat.table);
  try {
    const ack = await phone.sendRaw('topic:add', { title: 'Late topic', description: '' }, { commandId: randomUUID() });
    expect(ack).toMatchObject({ ok: true });
  } finally {
    phone.close();
  }
  await waitUntil('the table summary is kept with the hall', async () => (await summaries()) > 0);
  return seat.table.sessionId;
}

describe('a hall kept as long as its tables (memory store, injected clock)', () => {
  const clock = new TestClock();
  const store = new MemorySessionStore({ retentionMs: 30 * DAY_MS, clock: clock.now });
  const serverStarted = startTestServer({ store, clock: clock.now });
  afterAll(async () => {
    await (await serverStarted).close();
    await store.close();
  });

  it('keeps the hall after its last own write while a table is still written to', async () => {
    const { url } = await serverStarted;
    const created = await createHallOverHttp(url, {
      title: 'Barcamp',
      organiserName: 'Olga',
      seating: { mode: 'count', tables: 2 },
    });
    const hallId = created.sessionId;
    const tableId = await topicAddedAtTable(
      url,
      hallId,
      async () => clock.advance(20 * DAY_MS),
      async () => {
        const { tables } = await store.hallTableSummaries(hallId);
        return tables.filter((t) => t.topics === 1).length;
      },
    );
    const hallExpires = await store.expiresAt(hallId);
    const tableExpires = await store.expiresAt(tableId);
    expect(tableExpires).not.toBeNull();
    expect(hallExpires).toBeGreaterThanOrEqual(tableExpires!);

    // 35 days after the hall's own last write, 15 after the table's: both are there.
    clock.advance(15 * DAY_MS);
    expect(await store.load(hallId)).not.toBeNull();
    expect(await store.load(tableId)).not.toBeNull();
  });
});

describe('a hall kept as long as its tables (Redis)', () => {
  const suite = integrationSuite('hall-retention');

  it("refreshes every key of the hall with a table's summary", async () => {
    const created = await createHallOverHttp(suite.url, {
      title: 'Barcamp',
      organiserName: 'Olga',
      seating: { mode: 'count', tables: 2 },
    });
    const hallId = created.sessionId;
    const raw = await openRawRedis();
    try {
      const keys = sessionKeys(suite.prefix, hallId);
      // As if the hall's last own write were long ago: seconds left of its retention.
      const age = async () => {
        for (const key of keys) await raw.pExpire(key, 20_000);
      };
      await topicAddedAtTable(suite.url, hallId, age, async () => {
        const { tables } = await suite.store.hallTableSummaries(hallId);
        return tables.filter((t) => t.topics === 1).length;
      });
      // The suite keeps Lean Coffees (and halls) for an hour.
      for (const key of keys) {
        const ttl = await raw.pTTL(key);
        if (ttl === -2) continue; // a key this hall has not written (its archive lists)
        expect(ttl, key).toBeGreaterThan(30 * 60 * 1000);
      }
      expect(await raw.pTTL(keys[0])).toBeGreaterThan(30 * 60 * 1000);
    } finally {
      await raw.close();
    }
  });
});
