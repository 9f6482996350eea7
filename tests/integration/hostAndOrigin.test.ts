import { request } from 'node:http';
import type { RedisSessionStore } from '@runde/server';
import { PROTOCOL_VERSION, type CreateSessionResponse } from '@runde/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { createSessionOverHttp } from '../support/serverClients.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';

const prefix = uniquePrefix('host-origin');
let store: RedisSessionStore;
/** No PUBLIC_URL and nothing else configured: `npm start` as it comes. */
let local: TestServer;
/** A deployment: PUBLIC_URL behind a proxy, plus one more host and one more origin. */
let deployed: TestServer;
let seat: CreateSessionResponse;

beforeAll(async () => {
  store = await openRedisStore(prefix);
  local = await startTestServer({ store });
  deployed = await startTestServer({
    store,
    config: {
      publicUrl: 'https://runde.example.org',
      allowedHosts: ['runde.intern'],
      allowedOrigins: ['http://192.168.1.20:3000'],
    },
  });
  seat = await createSessionOverHttp(local.url, { title: 'Origins', facilitatorName: 'Ana' });
});

afterAll(async () => {
  await local?.close();
  await deployed?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

/** An HTTP request naming any Host (fetch does not let a test choose it). */
function send(
  server: TestServer,
  path: string,
  options: { host: string; method?: string; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host, 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(options.body);
  });
}

/** Opens a socket for the facilitator's seat with the given headers; 'connected' or the refusal's message. */
function handshake(
  server: TestServer,
  headers: Record<string, string>,
  transports: ('websocket' | 'polling')[] = ['websocket'],
): Promise<string> {
  const socket = io(server.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
    extraHeaders: headers,
    transports,
    forceNew: true,
    reconnection: false,
  });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err: Error) => resolve(err.message));
  }).finally(() => socket.disconnect());
}

const newSession = JSON.stringify({ title: 'Links', facilitatorName: 'Ana' });

describe('Host header', () => {
  it.each(['localhost', '127.0.0.1', '[::1]'])(
    'builds links from %s on any port without configuration',
    async (name) => {
      const host = `${name}:${local.port}`;
      const response = await send(local, '/api/sessions', { host, method: 'POST', body: newSession });
      expect(response.status).toBe(201);
      const body = JSON.parse(response.body) as CreateSessionResponse;
      expect(body.joinUrl).toBe(`http://${host}/j/${body.sessionId}`);
    },
  );

  it('refuses an unknown host with 421 before any link is built from it, headers included', async () => {
    const created = await send(local, '/api/sessions', { host: 'evil.example', method: 'POST', body: newSession });
    expect(created.status).toBe(421);
    expect(created.body).not.toContain('evil.example');
    expect(JSON.parse(created.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(created.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/', `/api/sessions/${seat.sessionId}`]) {
      expect((await send(local, path, { host: 'evil.example' })).status, path).toBe(421);
    }
  });

  it('answers health probes whatever host they name', async () => {
    expect((await send(local, '/healthz', { host: '10.1.2.3:3000' })).status).toBe(200);
  });

  it("answers PUBLIC_URL's host and ALLOWED_HOSTS, links always from PUBLIC_URL", async () => {
    for (const host of ['runde.example.org', 'runde.intern:8080', `localhost:${deployed.port}`]) {
      const response = await send(deployed, '/api/sessions', { host, method: 'POST', body: newSession });
      expect(response.status, host).toBe(201);
      expect((JSON.parse(response.body) as CreateSessionResponse).joinUrl, host).toMatch(
        /^https:\/\/runde\.example\.org\/j\//,
      );
    }
    expect(
      (await send(deployed, '/api/sessions', { host: 'example.org', method: 'POST', body: newSession })).status,
    ).toBe(421);
  });
});

describe('socket handshake', () => {
  it('opens from a page of the same origin, and from a client that sends no Origin (not a browser)', async () => {
    expect(await handshake(local, { origin: local.url })).toBe('connected');
    expect(await handshake(local, { origin: `http://localhost:${local.port}`, host: `localhost:${local.port}` })).toBe(
      'connected',
    );
    expect(await handshake(local, {})).toBe('connected');
  });

  it.each(['https://evil.example', 'http://localhost:1', 'null'])('refuses a page at %s', async (origin) => {
    expect(await handshake(local, { origin })).not.toBe('connected');
  });

  it('refuses a WebSocket naming an unknown host, whatever its origin', async () => {
    expect(await handshake(local, { host: 'evil.example', origin: 'http://evil.example' })).not.toBe('connected');
  });

  it("opens from PUBLIC_URL's origin and ALLOWED_ORIGINS behind a proxy, not from others", async () => {
    expect(await handshake(deployed, { origin: 'https://runde.example.org' })).toBe('connected');
    expect(await handshake(deployed, { origin: 'http://192.168.1.20:3000' })).toBe('connected');
    expect(await handshake(deployed, { origin: 'http://runde.example.org' })).not.toBe('connected');
    expect(await handshake(deployed, { origin: 'https://evil.example' })).not.toBe('connected');
  });

  it('speaks WebSocket only: HTTP long-polling is refused', async () => {
    expect(await handshake(local, { origin: local.url }, ['polling'])).not.toBe('connected');
    const poll = await send(local, '/socket.io/?EIO=4&transport=polling', { host: `127.0.0.1:${local.port}` });
    expect(poll.status).toBe(400);
    expect(JSON.parse(poll.body)).toEqual({ code: 0, message: 'Transport unknown' });
  });
});
