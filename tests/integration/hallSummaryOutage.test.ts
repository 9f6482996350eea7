import type { RedisSessionStore } from '@runde/server';
import { afterAll, expect, it } from 'vitest';
import { freezingStore } from '../support/freezingStore.ts';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import { openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { startRedisServer, uniquePrefix, type RedisServerHandle } from '../support/redisTestEnv.ts';
import { okVersion, TestClient, waitUntil } from '../support/serverClients.ts';

/**
 * Issue 16 (hall bench): a table's summary is written by the server after the table's commit, and
 * nobody waits on it; when the store refused it, the organiser's overview stayed stale for a table
 * that never committed again. Here the private redis-server is frozen (SIGSTOP) just as the summary
 * write is sent, so the store gives up on it (no answer within its call limit); then it is crashed,
 * dropping the write it never read, and restarted, as a failover would leave it.
 */
let redis: RedisServerHandle | undefined;
let store: RedisSessionStore | undefined;
let server: TestServer | undefined;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.close();
  await store?.close();
  await redis?.dispose();
});

it('writes a table summary the store refused once the store is back', async () => {
  redis = await startRedisServer({ appendonly: true, appendfsync: 'always' });
  store = await openRedisStore(uniquePrefix('hall-summary-outage'), { url: redis.url });
  const hallStore = store;
  const freezing = freezingStore(store, redis);
  server = await startTestServer({ store: freezing.store });
  const { url } = server;

  const created = await createHallOverHttp(url, {
    title: 'Outage hall',
    organiserName: 'Olga',
    seating: { mode: 'count', tables: 1 },
  });
  const hallId = created.sessionId;
  const seat = await joinHallOverHttp(url, hallId, { name: 'Ana', table: 1 });
  const ana = await TestClient.connect(url, seat.table);
  clients.push(ana);
  const summaryOfTable = async () => (await hallStore.hallTableSummaries(hallId)).tables.find((t) => t.table === 1);
  await waitUntil('the overview holds Ana online', async () => (await summaryOfTable())?.online === 1);

  const refused = freezing.freezeAt('putHallTableSummary');
  const version = okVersion(await ana.send('topic:add', { title: 'Asked during the outage' }));
  expect(await refused).toBe(true);
  await redis.kill9();
  await redis.restart();

  await waitUntil(
    'the overview holds the table as committed',
    async () => {
      const summary = await summaryOfTable().catch(() => undefined);
      return summary?.version === version;
    },
    20_000,
  );
  expect((await summaryOfTable())?.topics).toBe(1);
}, 40_000);
