import { expect, it } from 'vitest';
import { privateRedisSuite } from '../support/privateRedisSuite.ts';
import { createSessionOverHttp, joinOverHttp, TestClient, waitUntil } from '../support/serverClients.ts';

/**
 * Issue 16 (hall bench): phones that leave while the store refuses writes (a failover, or a burst
 * that outran the store call's time limit) must not stay "online" for good. Nobody waits on a
 * presence check, so nobody else would ask again: the server must. A private redis-server is
 * frozen (SIGSTOP) while two phones leave, so the check's write gets no answer; then it is crashed
 * (dropping the write that never reached it) and restarted, as a failover would leave it.
 */
const suite = privateRedisSuite('presence-outage');

it('shows phones that left during a store outage as offline once the store is back', async () => {
  // fsync on every write: the crash keeps the session, and loses only what the frozen server never read.
  const { redis, store, server } = await suite.start();
  const { url } = server;

  const created = await createSessionOverHttp(url, { title: 'Outage', facilitatorName: 'Fatma' });
  const seats = await Promise.all(['Ana', 'Ben', 'Cem'].map((name) => joinOverHttp(url, created.sessionId, name)));
  const [ana, ben, cem] = await Promise.all(seats.map((seat) => TestClient.connect(url, seat)));
  if (!ana || !ben || !cem) throw new Error('three phones expected');
  for (const client of [ana, ben, cem]) suite.track(client);
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
