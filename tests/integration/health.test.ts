import { RedisSessionStore } from '@runde/server';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort, startTestServer } from '../support/serverHarness.ts';
import { startSession, waitUntil } from '../support/serverClients.ts';
import { startRedisServer, uniquePrefix } from '../support/redisTestEnv.ts';
import { leanCoffee } from '../support/serverMirror.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Readiness: whether a proxy should send this node new connections. */
async function health(url: string) {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Liveness: whether the process runs at all; an orchestrator restarts the node when it fails. */
async function liveness(url: string) {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('GET /readyz (readiness) and GET /healthz (liveness)', () => {
  it('is ok while Redis answers', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.dispose());
    const store = new RedisSessionStore({ url: redis.url, keyPrefix: uniquePrefix('health'), retentionMs: 60_000 });
    await store.ready();
    const server = await startTestServer({ store });
    cleanups.push(async () => {
      await server.close();
      await store.close();
    });
    expect(await health(server.url)).toEqual({ status: 200, body: { status: 'ok', store: 'redis' } });
    expect(await liveness(server.url)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('is 503 when the store cannot reach Redis (connection refused)', async () => {
    const store = new RedisSessionStore({
      url: `redis://127.0.0.1:${await closedPort()}`,
      keyPrefix: uniquePrefix('health-down'),
      retentionMs: 60_000,
    });
    const server = await startTestServer({ store });
    cleanups.push(async () => {
      await server.close();
      await store.close();
    });
    expect(await health(server.url)).toEqual({ status: 503, body: { status: 'unavailable', store: 'redis' } });
    // Alive all the same: restarting the node would not bring Redis back.
    expect(await liveness(server.url)).toEqual({ status: 200, body: { status: 'ok' } });
    // Nothing that needs the store works, and each says so instead of crashing the server.
    const create = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'T', facilitatorName: 'A' }),
    });
    expect(create.status).toBe(503);
    expect(await create.json()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((await health(server.url)).status).toBe(503);
  });

  it('follows a Redis outage: 503 and unavailable acks while it is down, back to normal after', async () => {
    const redis = await startRedisServer({ appendonly: true, appendfsync: 'always' });
    cleanups.push(() => redis.dispose());
    const store = new RedisSessionStore({ url: redis.url, keyPrefix: uniquePrefix('outage'), retentionMs: 60_000 });
    await store.ready();
    const server = await startTestServer({ store });
    cleanups.push(async () => {
      await server.close();
      await store.close();
    });
    const s = await startSession(server.url, { participants: 1 });
    cleanups.push(async () => s.close());
    const [f, a] = s.all;

    await redis.stop();
    await waitUntil('health reports the outage', async () => (await health(server.url)).status === 503);
    expect((await liveness(server.url)).status).toBe(200);
    expect(await a!.send('topic:add', { title: 'During the outage' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(f!.socket.connected && a!.socket.connected).toBe(true);

    await redis.restart();
    await waitUntil('health recovers', async () => (await health(server.url)).status === 200, 10_000);
    expect(await a!.send('topic:add', { title: 'After the outage' })).toMatchObject({ ok: true });
    const stored = await store.load(s.sessionId);
    expect(leanCoffee(stored?.state)?.topics.map((t) => t.title)).toEqual(['After the outage']);
  });
});
