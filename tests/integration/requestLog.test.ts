import { randomUUID } from 'node:crypto';
import { createLogger, MemorySessionStore } from '@runde/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/serverHarness.ts';
import { createSessionOverHttp, TestClient } from '../support/serverClients.ts';

/**
 * Issue 13: one log line per HTTP request an operator can follow by its request id, and a command
 * log line with the command's id; nothing a person typed, and no secret, in either.
 */
type LogLine = Record<string, unknown>;
const lines: LogLine[] = [];
let server: TestServer;

beforeAll(async () => {
  const logger = createLogger('debug', { write: (line) => void lines.push(JSON.parse(line) as LogLine) });
  server = await startTestServer({ store: new MemorySessionStore({ retentionMs: 60_000 }), logger });
});
afterAll(() => server?.close());

const httpLines = () => lines.filter((line) => line.msg === 'http request');

describe('HTTP request log', () => {
  it('keeps a well-formed X-Request-Id, echoes it, and logs method, route pattern, status and duration', async () => {
    const created = await createSessionOverHttp(server.url, { title: 'Logged', facilitatorName: 'Fatma' });
    const response = await fetch(`${server.url}/api/sessions/${created.sessionId}?secret=query-value`, {
      headers: {
        'x-request-id': 'proxy-4711.abc',
        cookie: 'session=cookie-value',
        authorization: 'Bearer header-value',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('proxy-4711.abc');
    const line = httpLines().find((l) => l.reqId === 'proxy-4711.abc');
    expect(line).toMatchObject({ method: 'GET', route: '/api/sessions/:code', status: 200, level: 30 });
    expect(line?.ms).toBeTypeOf('number');
    const everything = JSON.stringify(lines);
    for (const secret of ['query-value', 'cookie-value', 'header-value', created.sessionId, 'Fatma', 'Logged']) {
      expect(everything).not.toContain(secret);
    }
  });

  it.each([
    ['too long', 'x'.repeat(65)],
    ['with spaces and quotes', 'a b"c'],
    ['with a newline escape', 'a%0Ab'],
  ])('replaces a request id %s with one of its own', async (_what, sent) => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': sent } });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(httpLines().find((l) => l.reqId === id)).toMatchObject({ route: '/healthz', status: 200 });
  });

  it('gives every request an id of its own when none is sent', async () => {
    const [a, b] = await Promise.all([fetch(`${server.url}/healthz`), fetch(`${server.url}/healthz`)]);
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });
});

describe('command log', () => {
  it('names the command id, and not what the command said', async () => {
    const created = await createSessionOverHttp(server.url, { title: 'Commands', facilitatorName: 'Fatma' });
    const client = await TestClient.connect(server.url, created);
    try {
      const commandId = randomUUID();
      await client.send('topic:add', { title: 'A private matter' }, commandId);
      const line = lines.find((l) => l.msg === 'command' && l.commandId === commandId);
      expect(line).toMatchObject({ event: 'topic:add', code: 'ok' });
      expect(JSON.stringify(lines)).not.toContain('A private matter');
    } finally {
      client.close();
    }
  });
});
