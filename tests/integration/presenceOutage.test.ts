import type { RedisSessionStore } from '@runde/server';
import { afterAll, expect, it } from 'vitest';
import { openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { startRedisServer, uniquePrefix, type RedisServerHandle } from '../support/redisTestEnv.ts';
import { createSessionOverHttp, joinOverHttp, TestClient, waitUntil } from '../support/serverClients.ts';

/**
 * Issue 16 (hall bench): phones that leave while the store refuses writes (a failover, or a burst
 * that outran the store call's time limit) must not stay "online" for good. Nobody waits on a
 * presence check, so nobody else would ask again: the server must. A private redis-server is
 * frozen (SIGSTOP) while two phones leave, so the check's write gets no answer; then it is crashed
 * (dropping the write that never reached it) and restarted, as a failover would leave it.
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

it('shows phones that left during a store outage as offline once the store is back', async () => {
  // fsync on every write: the crash keeps the session, and loses only what the frozen server never read.
  redis = await startRedisServer({ appendonly: true, appendfsync: 'always' });
  store = await openRedisStore(uniquePrefix('presence-outage'), { url: redis.url });
  server = await startTestServer({ store });
  const { url } = server;

  const created = await createSessionOverHttp(url, { title: 'Outage', facilitatorName: 'Fatma' });
  const seats = await Promise.all(['Ana', 'Ben', 'Cem'].map((name) => joinOverHttp(url, created.sessionId, name)));
  const [ana, ben, cem] = await Promise.all(seats.map((seat) => TestClient.connect(url, seat)));
  if (!ana || !ben || !cem) throw new Error('three phones expected');
  clients.push(ana, ben, cem);
  const online = (participantId: string) =>
    ana.mirror.current?.participants.find((p) => p.id === participantId)?.online;
  await waitUntil('Ana sees all three phones online', () => seats.every((seat) => online(seat.participantId) === true));

  redis.signal('SIGSTOP');
  const sockets = server.runde.io.of('/').sockets;
  ben.close();
  cem.close();
  await waitUntil('the server has seen both phones leave', () => sockets.size === 1);
  // Ana's command waits in the session's queue behind the presence check; its refusal shows that
  // the check ran into the frozen store too.
  const probe = await ana.send('topic:add', { title: 'During the outage' });
  expect(probe).toMatchObject({ ok: false, error: { code: 'unavailable' } });

  await redis.kill9();
  await redis.restart();

  await waitUntil(
    'Ana sees Ben and Cem offline',
    () => online(ben.seat.participantId) === false && online(cem.seat.participantId) === false,
    20_000,
  );
  expect(online(ana.seat.participantId)).toBe(true);
  const stored = await store.load(created.sessionId);
  expect(stored?.version).toBe(ana.mirror.version);
}, 40_000);
