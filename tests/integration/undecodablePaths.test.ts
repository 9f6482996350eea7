import { createLogger, type RedisSessionStore } from '@runde/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionOverHttp } from '../support/serverClients.ts';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';

/**
 * Issue 11, finding 8: a route parameter with a bad %-escape made the router throw a URIError,
 * which answered 500 and logged a stack trace for every such request.
 */
describe('API paths whose parameters cannot be decoded', () => {
  const prefix = uniquePrefix('paths');
  /** What an operator would read at the production log level. */
  const logLines: Array<{ level: number; msg?: string }> = [];
  let store: RedisSessionStore;
  let server: TestServer;

  beforeAll(async () => {
    store = await openRedisStore(prefix);
    const logger = createLogger('info', { write: (line) => void logLines.push(JSON.parse(line) as never) });
    server = await startTestServer({ store, logger });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await deleteTestKeys(prefix);
  });

  const requests: Array<[method: 'GET' | 'POST', path: string]> = [
    ['GET', '/api/sessions/%E0%A4%A'],
    ['GET', '/api/sessions/%'],
    ['GET', '/api/sessions/%ZZ'],
    ['POST', '/api/sessions/%E0%A4%A/participants'],
    ['POST', '/api/sessions/%C0%AF/facilitator'],
  ];

  it.each(requests)('answers %s %s with 400 in the API’s error shape', async (method, path) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify({ name: 'Ana', facilitatorKey: 'k'.repeat(30) }) : undefined,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'invalid_payload', message: expect.any(String) },
    });
  });

  it('logs none of them above debug, however many come, and serves on', async () => {
    const before = logLines.length;
    await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${server.url}/api/sessions/%E0%A4%A`).then((r) => r.arrayBuffer())),
    );
    expect(logLines.slice(before)).toEqual([]);
    expect(logLines.filter((line) => line.level >= 30)).toEqual([]);
    const created = await createSessionOverHttp(server.url, { title: 'Still open', facilitatorName: 'Ana' });
    expect((await fetch(`${server.url}/api/sessions/${created.sessionId}`)).status).toBe(200);
  });
});
