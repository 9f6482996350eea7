import type { RedisSessionStore } from '@runde/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';

// Behind the compose file's nginx every request comes from the proxy's address. Without TRUST_PROXY
// one guesser spends the failed-lookup budget of every person behind that proxy; with it, each
// client keys its own budget by the address the proxy names.
const prefix = uniquePrefix('trust-proxy');
const budget = { failedLookup: { points: 2, durationSec: 600 } };
let store: RedisSessionStore;
let trusting: TestServer;
let plain: TestServer;

beforeAll(async () => {
  store = await openRedisStore(prefix);
  trusting = await startTestServer({ store, config: { trustProxy: ['loopback'], rateLimits: budget } });
  plain = await startTestServer({ store, config: { rateLimits: budget } });
});

afterAll(async () => {
  await trusting?.close();
  await plain?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

/** Looks up a code that does not exist, as the client the proxy names. */
const missingLookup = (server: TestServer, client: string) =>
  fetch(`${server.url}/api/sessions/ZZZZZZ`, { headers: { 'x-forwarded-for': client } }).then((r) => r.status);

describe('TRUST_PROXY', () => {
  it('gives each client the proxy names its own per-address budget', async () => {
    expect([await missingLookup(trusting, '203.0.113.7'), await missingLookup(trusting, '203.0.113.7')]).toEqual([
      404, 404,
    ]);
    expect(await missingLookup(trusting, '203.0.113.7')).toBe(429);
    // Another person behind the same proxy still gets an honest answer.
    expect(await missingLookup(trusting, '198.51.100.23')).toBe(404);
  });

  it('believes no X-Forwarded-For when unset: a client cannot pick a fresh address per request', async () => {
    expect(await missingLookup(plain, '192.0.2.1')).toBe(404);
    expect(await missingLookup(plain, '192.0.2.2')).toBe(404);
    expect(await missingLookup(plain, '192.0.2.3')).toBe(429);
  });
});
