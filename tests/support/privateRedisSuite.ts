import type { RedisSessionStore } from '@runde/server';
import { afterAll } from 'vitest';
import { startRedisServer, uniquePrefix, type RedisServerHandle } from './redisTestEnv.ts';
import { openRedisStore, startTestServer, type TestServer } from './serverHarness.ts';
import type { TestClient } from './serverClients.ts';

/** What a test server may write through: the store itself or a wrapper of it. */
type ServedStore = Parameters<typeof startTestServer>[0]['store'];

/** A server on a private redis-server that a test may freeze, crash and restart. */
export interface PrivateRedis {
  redis: RedisServerHandle;
  /** The real store on it (the server may write through a wrapper of it). */
  store: RedisSessionStore;
  server: TestServer;
}

/**
 * The set-up of the outage tests: a private redis-server (fsync on every write, so a crash keeps
 * what it answered), a store on it and a server, all closed after the file's tests with the devices
 * given to `track`. Call at the top of a test file; `start` inside a test. `wrap` puts something
 * between the server and the store (the freezing proxy).
 */
export function privateRedisSuite(label: string): {
  start(wrap?: (store: RedisSessionStore, redis: RedisServerHandle) => ServedStore): Promise<PrivateRedis>;
  track(client: TestClient): TestClient;
} {
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

  return {
    async start(wrap = (opened) => opened) {
      redis = await startRedisServer({ appendonly: true, appendfsync: 'always' });
      store = await openRedisStore(uniquePrefix(label), { url: redis.url });
      server = await startTestServer({ store: wrap(store, redis) });
      return { redis, store, server };
    },
    track(client) {
      clients.push(client);
      return client;
    },
  };
}
