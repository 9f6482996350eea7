import type { RedisSessionStore } from '@runde/server';
import { afterEach, expect, it } from 'vitest';
import { openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { startRedisServer, uniquePrefix, type RedisServerHandle } from '../support/redisTestEnv.ts';
import { createSessionOverHttp, joinOverHttp, TestClient, waitUntil } from '../support/serverClients.ts';

/**
 * Issue 16 (hall bench): phones that leave while the store refuses writes (a failover, or a burst
 * that outran the store call's time limit) must not stay "online" for good. Nobody waits on a
 * presence check, so nobody else would ask again: the server must. A private redis-server is
 * frozen (SIGSTOP) while phones leave, so the check's write gets no answer. Then either it is
 * crashed (dropping the write it never read) and restarted, as a failover would leave it; or it is
 * thawed (SIGCONT) and runs the write late, as after a burst: stored, but published by nobody.
 */
let redis: RedisServerHandle | undefined;
let store: RedisSessionStore | undefined;
let server: TestServer | undefined;
const clients: TestClient[] = [];

async function phonesLeaveDuringOutage(leaving: 1 | 2, recover: (redis: RedisServerHandle) => Promise<void>) {
  // fsync on every write: the crash keeps the session, and loses only what the frozen server never read.
  redis = await startRedisServer({ appendonly: true, appendfsync: 'always' });
  store = await openRedisStore(uniquePrefix('presence-outage'), { url: redis.url });
  server = await startTestServer({ store });
  const { url } = server;

  const created = await createSessionOverHttp(url, { title: 'Outage', facilitatorName: 'Fatma' });
  const seats = await Promise.all(['Ana', 'Ben', 'Cem'].map((name) => joinOverHttp(url, created.sessionId, name)));
  const [ana, ...others] = await Promise.all(seats.map((seat) => TestClient.connect(url, seat)));
  if (!ana) throw new Error('three phones expected');
  clients.push(ana, ...others);
  const online = (participantId: string) =>
    ana.mirror.current?.participants.find((p) => p.id === participantId)?.online;
  await waitUntil('Ana sees all three phones online', () => seats.every((seat) => online(seat.participantId) === true));

  redis.signal('SIGSTOP');
  const sockets = server.runde.io.of('/').sockets;
  const gone = others.slice(0, leaving);
  for (const phone of gone) phone.close();
  await waitUntil('the server has seen the phones leave', () => sockets.size === 3 - leaving);
  // Ana's command waits in the session's queue behind the presence check; its refusal shows that
  // the check ran into the frozen store too.
  const probe = await ana.send('topic:add', { title: 'During the outage' });
  expect(probe).toMatchObject({ ok: false, error: { code: 'unavailable' } });

  await recover(redis);

  await waitUntil(
    'Ana sees the phones that left offline',
    () => gone.every((phone) => online(phone.seat.participantId) === false),
    20_000,
  );
  expect(online(ana.seat.participantId)).toBe(true);
  const stored = await store.load(created.sessionId);
  expect(stored?.version).toBe(ana.mirror.version);
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  await store?.close();
  await redis?.dispose();
});

it('shows phones that left during a store outage as offline once the store is back', async () => {
  await phonesLeaveDuringOutage(2, async (frozen) => {
    await frozen.kill9();
    await frozen.restart();
  });
}, 40_000);

it('shows a phone offline whose presence the store refused to answer but then wrote late', async () => {
  await phonesLeaveDuringOutage(1, async (frozen) => frozen.signal('SIGCONT'));
}, 40_000);
