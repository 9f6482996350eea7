import type { RedisSessionStore } from '@runde/server';
import {
  defaultLeanCoffeeSettings,
  JOIN_CODE_ALPHABET,
  PROTOCOL_VERSION,
  type CreateSessionResponse,
} from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteTestKeys,
  openRawRedis,
  openRedisStore,
  startTestServer,
  type TestServer,
} from '../support/serverHarness.ts';
import {
  convergedSession,
  createSessionOverHttp,
  handshakeRefusal,
  joinOverHttp,
  startSession,
  TestClient,
  waitUntil,
} from '../support/serverClients.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { leanCoffee } from '../support/serverMirror.ts';

const prefix = uniquePrefix('http');
const publicUrl = 'https://runde.example.org';
let store: RedisSessionStore;
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  store = await openRedisStore(prefix);
  server = await startTestServer({ store, config: { publicUrl } });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

async function connect(...args: Parameters<typeof TestClient.connect>) {
  const client = await TestClient.connect(...args);
  clients.push(client);
  return client;
}

function post(path: string, body: string, contentType = 'application/json') {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('POST /api/sessions', () => {
  it('starts a session with a short join code, a join link and a private facilitator link', async () => {
    const created = await createSessionOverHttp(server.url, { title: 'Jugendhilfeausschuss', facilitatorName: 'Ana' });
    expect(created.sessionId).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(created.joinCode).toBe(created.sessionId);
    expect(created.joinUrl).toBe(`${publicUrl}/j/${created.joinCode}`);
    expect(created.facilitatorUrl).toMatch(
      new RegExp(`^${publicUrl}/s/${created.joinCode}/facilitate#key=[A-Za-z0-9_-]{43}$`),
    );
    const stored = await store.load(created.sessionId);
    expect(stored?.state).toMatchObject({ title: 'Jugendhilfeausschuss', phase: 'collect' });
    expect(leanCoffee(stored?.state)?.settings).toEqual(defaultLeanCoffeeSettings);
    expect(stored?.state.participants).toEqual([
      expect.objectContaining({ id: created.participantId, name: 'Ana', role: 'facilitator' }),
    ]);
    const facilitator = await connect(server.url, created);
    expect(facilitator.mirror.you).toBe(created.participantId);
  });

  it('stores only hashes of the token and the facilitator key', async () => {
    const created = await createSessionOverHttp(server.url, { title: 'Secrets', facilitatorName: 'Ana' });
    const joined = await joinOverHttp(server.url, created.sessionId, 'Ben');
    const key = new URL(created.facilitatorUrl).hash.slice('#key='.length);
    const raw = await openRawRedis();
    try {
      let dump = '';
      for await (const keys of raw.scanIterator({ MATCH: `${prefix}{${created.sessionId}}*`, COUNT: 100 })) {
        for (const k of keys) {
          const type = await raw.type(k);
          const value = type === 'hash' ? await raw.hGetAll(k) : await raw.lRange(k, 0, -1);
          dump += `${k} ${JSON.stringify(value)}\n`;
        }
      }
      expect(dump).toContain(created.participantId);
      for (const secret of [created.token, joined.token, key]) expect(dump).not.toContain(secret);
    } finally {
      await raw.close();
    }
  });

  it('applies chosen settings and defaults the rest', async () => {
    const created = await createSessionOverHttp(server.url, {
      title: 'Settings',
      facilitatorName: 'Ana',
      settings: { votesPerPerson: 2, anonymousTopics: true },
    });
    expect(leanCoffee((await store.load(created.sessionId))?.state)?.settings).toEqual({
      ...defaultLeanCoffeeSettings,
      votesPerPerson: 2,
      anonymousTopics: true,
    });
  });

  it.each([
    ['a missing title', JSON.stringify({ facilitatorName: 'Ana' }), 400],
    ['an empty name', JSON.stringify({ title: 'T', facilitatorName: '   ' }), 400],
    [
      'an unknown setting',
      JSON.stringify({ title: 'T', facilitatorName: 'A', settings: { votesPerPerson: 3, admin: true } }),
      400,
    ],
    ['a __proto__ key', '{"title":"T","facilitatorName":"A","__proto__":{"polluted":true}}', 400],
    ['broken JSON', '{"title": "T", ', 400],
    ['a JSON string', '"just a string"', 400],
    ['a body over 16 KB', JSON.stringify({ title: 'x'.repeat(20_000), facilitatorName: 'A' }), 413],
  ])('refuses %s with invalid_payload', async (_label, body, status) => {
    const response = await post('/api/sessions', body);
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.any(String) } });
    expect(JSON.stringify(answer)).not.toMatch(/at .*\.(ts|js)|SyntaxError|Unexpected/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a body that is not JSON', async () => {
    const response = await post('/api/sessions', 'title=T&facilitatorName=A', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});

describe('GET /api/sessions/:code', () => {
  it('describes a session, forgiving case and dashes in the code', async () => {
    const created = await createSessionOverHttp(server.url, { title: 'Sozialplanung', facilitatorName: 'Ana' });
    const typed = `${created.joinCode.slice(0, 3)}-${created.joinCode.slice(3)}`.toLowerCase();
    const response = await fetch(`${server.url}/api/sessions/${typed}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sessionId: created.sessionId,
      title: 'Sozialplanung',
      kind: 'lean-coffee',
      ended: false,
    });
  });

  it.each(['ZZZZZZ', 'not-a-code', '%E2%9C%93'])('answers 404 for %s', async (code) => {
    const response = await fetch(`${server.url}/api/sessions/${code}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/nothing/here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('POST /api/sessions/:code/participants', () => {
  it('seats a participant, tells everyone already there, and the token opens a socket', async () => {
    const s = await startSession(server.url, { participants: 0 });
    clients.push(...s.all);
    const joined = await joinOverHttp(server.url, s.sessionId, 'Chris');
    await waitUntil(
      'the facilitator sees the newcomer',
      () =>
        s.facilitator.mirror.state?.participants.some((p) => p.id === joined.participantId && p.name === 'Chris') ===
        true,
    );
    const newcomer = await connect(server.url, joined);
    const stored = await convergedSession(store, s.sessionId, [s.facilitator, newcomer]);
    expect(stored.state.participants.find((p) => p.id === joined.participantId)).toMatchObject({
      role: 'participant',
      online: true,
    });
  });

  it('refuses an unknown session with 404 and a bad name with 400', async () => {
    expect((await post('/api/sessions/ZZZZZZ/participants', JSON.stringify({ name: 'Chris' }))).status).toBe(404);
    const created = await createSessionOverHttp(server.url, { title: 'T', facilitatorName: 'A' });
    const response = await post(
      `/api/sessions/${created.sessionId}/participants`,
      JSON.stringify({ name: 'x'.repeat(41) }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', issues: [{ path: 'name', code: 'too_big' }] },
    });
  });
});

describe('POST /api/sessions/:code/facilitator', () => {
  const keyOf = (created: CreateSessionResponse) => new URL(created.facilitatorUrl).hash.slice('#key='.length);

  it('gives the facilitator seat to a second device holding the key', async () => {
    const created = await createSessionOverHttp(server.url, { title: 'T', facilitatorName: 'Ana' });
    const response = await post(
      `/api/sessions/${created.sessionId}/facilitator`,
      JSON.stringify({ key: keyOf(created) }),
    );
    expect(response.status).toBe(200);
    const seat = (await response.json()) as { sessionId: string; participantId: string; token: string };
    expect(seat.participantId).toBe(created.participantId);
    expect(seat.token).not.toBe(created.token);
    const laptop = await connect(server.url, seat);
    expect(await laptop.send('phase:change', { to: 'vote' })).toMatchObject({ ok: true });
    // The first device keeps its seat too.
    const phone = await connect(server.url, created);
    expect(phone.mirror.state?.phase).toBe('vote');
  });

  it('refuses a wrong key and an unknown session alike with 401', async () => {
    const created = await createSessionOverHttp(server.url, { title: 'T', facilitatorName: 'Ana' });
    const wrong = await post(`/api/sessions/${created.sessionId}/facilitator`, JSON.stringify({ key: 'A'.repeat(43) }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // A participant token is not a facilitator key.
    const joined = await joinOverHttp(server.url, created.sessionId, 'Ben');
    expect(
      (await post(`/api/sessions/${created.sessionId}/facilitator`, JSON.stringify({ key: joined.token }))).status,
    ).toBe(401);
    expect((await post('/api/sessions/ZZZZZZ/facilitator', JSON.stringify({ key: keyOf(created) }))).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('limits session creation per IP with 429 and Retry-After', async () => {
    const limitedPrefix = uniquePrefix('http-limits');
    const limitedStore = await openRedisStore(limitedPrefix);
    const limited = await startTestServer({
      store: limitedStore,
      config: { rateLimits: { create: { points: 2, durationSec: 60 } } },
    });
    try {
      const create = () =>
        fetch(`${limited.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'T', facilitatorName: 'A' }),
        });
      expect((await create()).status).toBe(201);
      expect((await create()).status).toBe(201);
      const third = await create();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await third.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    } finally {
      await limited.close();
      await limitedStore.close();
      await deleteTestKeys(limitedPrefix);
    }
  });

  it('limits commands per seat with rate_limited acks, leaving other seats alone', async () => {
    const limitedPrefix = uniquePrefix('socket-limits');
    const limitedStore = await openRedisStore(limitedPrefix);
    const limited = await startTestServer({
      store: limitedStore,
      config: { rateLimits: { seat: { points: 5, durationSec: 60 } } },
    });
    try {
      const s = await startSession(limited.url, { participants: 1 });
      // Each client spent one point on its first sync.
      const acks = await Promise.all(
        Array.from({ length: 6 }, (_, i) => s.participants[0]!.send('topic:add', { title: `Spam ${i}` })),
      );
      expect(acks.filter((a) => a.ok)).toHaveLength(4);
      expect(acks.filter((a) => !a.ok && a.error.code === 'rate_limited')).toHaveLength(2);
      expect(await s.facilitator.send('topic:add', { title: 'Mine' })).toMatchObject({ ok: true });
      expect(leanCoffee((await limitedStore.load(s.sessionId))?.state)?.topics).toHaveLength(5);
      s.close();
    } finally {
      await limited.close();
      await limitedStore.close();
      await deleteTestKeys(limitedPrefix);
    }
  });
});

describe('handshake over HTTP-issued seats', () => {
  it('admits a freshly joined seat and refuses it in another session', async () => {
    const a = await createSessionOverHttp(server.url, { title: 'A', facilitatorName: 'Ana' });
    const b = await createSessionOverHttp(server.url, { title: 'B', facilitatorName: 'Ben' });
    const seat = await joinOverHttp(server.url, a.sessionId, 'Chris');
    expect(
      await handshakeRefusal(server.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: a.sessionId,
        token: seat.token,
      }),
    ).toBeNull();
    expect(
      await handshakeRefusal(server.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: b.sessionId,
        token: seat.token,
      }),
    ).toMatchObject({
      data: { code: 'unauthorized' },
    });
  });
});
