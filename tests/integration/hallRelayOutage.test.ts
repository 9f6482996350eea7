import { randomUUID } from 'node:crypto';
import type { RedisSessionStore } from '@runde/server';
import type { HallPhase, KindEvent } from '@runde/shared';
import { afterAll, expect, it } from 'vitest';
import { freezingStore } from '../support/freezingStore.ts';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import { openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { startRedisServer, uniquePrefix, type RedisServerHandle } from '../support/redisTestEnv.ts';
import { okVersion, TestClient, waitUntil } from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 16 (hall bench): after a hall commit the server relays the hall's rhythm to each table
 * (`hall:relay`), and nobody waits on that write. When the store refused it, the table kept the
 * old phase until the hall's next change, which may never come. Here the private redis-server is
 * frozen (SIGSTOP) as the relay's write to the table goes out, then crashed (dropping the write it
 * never read) and restarted, as a failover would leave it.
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

const relays = (args: unknown[]) => (args[2] as KindEvent[]).some((event) => event.type === 'hall:relayed');

/** The organiser moves the hall on; the command must be accepted. */
async function hallPhase(organiser: TestClient, to: HallPhase): Promise<void> {
  okVersion(await organiser.channel.command('hall:phase', { to }, { commandId: randomUUID() }));
}

it('moves a table with its hall once the store is back, though the relay was refused', async () => {
  redis = await startRedisServer({ appendonly: true, appendfsync: 'always' });
  store = await openRedisStore(uniquePrefix('hall-relay-outage'), { url: redis.url });
  const freezing = freezingStore(store, redis);
  server = await startTestServer({ store: freezing.store });
  const { url } = server;

  const created = await createHallOverHttp(url, {
    title: 'Outage hall',
    organiserName: 'Olga',
    seating: { mode: 'count', tables: 1 },
  });
  const seat = await joinHallOverHttp(url, created.sessionId, { name: 'Ana', table: 1 });
  const organiser = await TestClient.connect(url, created);
  const ana = await TestClient.connect(url, seat.table);
  clients.push(organiser, ana);
  const table = () => leanCoffee(ana.mirror.current);
  await hallPhase(organiser, 'collect');
  await waitUntil('the table is told of the collect phase', () => table()?.hall?.phase === 'collect');

  const refused = freezing.freezeAt('commit', relays);
  await hallPhase(organiser, 'vote');
  expect(await refused).toBe(true);
  await redis.kill9();
  await redis.restart();

  await waitUntil('the table votes with its hall', () => table()?.phase === 'vote', 20_000);
  expect(table()?.hall?.phase).toBe('vote');
}, 40_000);
