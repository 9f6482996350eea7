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
 * Issue 16 (hall bench): a table host's highlighted takeaway is copied to the hall by the server
 * (`hall:record-pick`), and nobody waits on that write. When the store refused it, the hall never
 * had the pick, so the harvest missed the table. Here the private redis-server is frozen (SIGSTOP)
 * as the hall's write goes out, then crashed (dropping the write it never read) and restarted, as
 * a failover would leave it.
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

const recordsPick = (args: unknown[]) => (args[2] as KindEvent[]).some((event) => event.type === 'hall:pick-recorded');

/** The organiser moves the hall on; the command must be accepted. */
async function hallPhase(organiser: TestClient, to: HallPhase): Promise<void> {
  okVersion(await organiser.channel.command('hall:phase', { to }, { commandId: randomUUID() }));
}

it("copies a host's pick to the hall once the store is back, though the copy was refused", async () => {
  redis = await startRedisServer({ appendonly: true, appendfsync: 'always' });
  store = await openRedisStore(uniquePrefix('hall-pick-outage'), { url: redis.url });
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
  const host = await TestClient.connect(url, seat.table);
  clients.push(organiser, host);
  const table = () => leanCoffee(host.mirror.current);
  okVersion(await host.send('topic:add', { title: 'Onboarding', description: '' }));
  const topicId = table()?.topics[0]?.id ?? '';
  await hallPhase(organiser, 'discuss');
  await waitUntil('the table discusses', () => table()?.phase === 'discuss');
  okVersion(await host.send('discussion:start', { topicId }));
  okVersion(await host.send('outcome:add', { topicId, kind: 'takeaway', text: 'Pair new people up' }));
  const outcomeId = table()?.outcomes[0]?.id ?? '';

  const refused = freezing.freezeAt('commit', recordsPick);
  okVersion(await host.send('takeaway:highlight', { outcomeId }));
  expect(await refused).toBe(true);
  await redis.kill9();
  await redis.restart();

  const picks = () => (organiser.mirror.current?.kind === 'hall' ? organiser.mirror.current.picks : []);
  await waitUntil('the organiser sees the pick', () => picks().some((p) => p.table === 1), 20_000);
  expect(picks().map((p) => p.text)).toEqual(['Pair new people up']);
}, 40_000);
