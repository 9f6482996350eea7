import { RedisSessionStore, type AppConfig } from '@runde/server';
import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, PROTOCOL_VERSION, type HandshakeErrorData } from '@runde/shared';
import { Manager } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { uniquePrefix, testRedisUrl } from '../support/redisTestEnv.ts';
import { deleteTestKeys, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { createSessionOverHttp, handshakeRefusal, joinOverHttp, TestClient } from '../support/serverClients.ts';

/**
 * Issue 11, finding 3: session codes could be enumerated. A handshake told an existing code
 * (`unauthorized`) from a missing one (`not_found`), loading the whole session to do so; so did
 * the facilitator link (401 against 404); one WebSocket could send CONNECT after CONNECT without
 * limit. Now nothing unauthenticated tells which codes exist except the join page's lookup, and
 * every lookup that finds nothing is counted per address, over HTTP and sockets alike.
 */
const prefix = uniquePrefix('code-guessing');
afterAll(() => deleteTestKeys(prefix));

/** The real Redis store, counting the calls a refusal must not make (or make only once). */
class CountingStore extends RedisSessionStore {
  loads = 0;
  tokenLookups = 0;
  override async load(id: string) {
    this.loads += 1;
    return super.load(id);
  }
  override async participantForToken(id: string, tokenHash: string) {
    this.tokenLookups += 1;
    return super.participantForToken(id, tokenHash);
  }
}

async function withServer(config: AppConfig, test: (server: TestServer, store: CountingStore) => Promise<void>) {
  const store = new CountingStore({ url: testRedisUrl(), keyPrefix: prefix, retentionMs: 60 * 60 * 1000 });
  await store.ready();
  const server = await startTestServer({ store, config });
  try {
    await test(server, store);
  } finally {
    await server.close();
    await store.close();
  }
}

const forgedToken = 'A'.repeat(43);
const forged = (sessionId: string) => ({ protocolVersion: PROTOCOL_VERSION, sessionId, token: forgedToken });
/** A well-formed code, picked like the server picks them; among this file's few sessions it is a miss. */
const missingCode = () =>
  Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');

function post(url: string, body: unknown) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('no existence oracle', () => {
  it('refuses a handshake for a missing code exactly as one with a wrong token, and loads no session to say so', async () => {
    await withServer({}, async (server, store) => {
      const created = await createSessionOverHttp(server.url, { title: 'Real', facilitatorName: 'Ana' });
      store.loads = 0;

      const existing = await handshakeRefusal(server.url, forged(created.sessionId));
      const missing = await handshakeRefusal(server.url, forged(missingCode()));

      expect(existing).toEqual(missing);
      expect(existing?.data).toEqual({ code: 'unauthorized' });
      expect(store.loads).toBe(0);
    });
  });

  it('answers the facilitator link for a missing session exactly as one with a wrong key', async () => {
    await withServer({}, async (server, store) => {
      const created = await createSessionOverHttp(server.url, { title: 'Real', facilitatorName: 'Ana' });
      store.loads = 0;

      const wrongKey = await post(`${server.url}/api/sessions/${created.sessionId}/facilitator`, { key: forgedToken });
      const noSession = await post(`${server.url}/api/sessions/ZZZZZZ/facilitator`, { key: forgedToken });

      expect(wrongKey.status).toBe(401);
      expect(noSession.status).toBe(wrongKey.status);
      expect(await noSession.json()).toEqual(await wrongKey.json());
      expect(store.loads).toBe(0);
    });
  });
});

/**
 * One engine.io connection, driven by hand: Socket.IO's client gives up a connection after a
 * refusal, a guesser's script need not. `connect` sends a raw CONNECT packet for the main
 * namespace (`0` and the auth payload); `answers` holds every Socket.IO packet that came back.
 */
async function rawConnection(url: string) {
  const manager = new Manager(url, { transports: ['websocket'], reconnection: false, autoConnect: false });
  await new Promise<void>((resolve, reject) => manager.open((err) => (err ? reject(err) : resolve())));
  const engine = manager.engine;
  const answers: string[] = [];
  const listeners = new Set<() => void>();
  let closed = false;
  const notify = () => listeners.forEach((listener) => listener());
  engine.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type === 'message' && typeof packet.data === 'string') answers.push(packet.data);
    notify();
  });
  engine.on('close', () => {
    closed = true;
    notify();
  });
  return {
    answers,
    connect: (auth: unknown) => engine.send(`0${JSON.stringify(auth)}`),
    get closed() {
      return closed;
    },
    /** Resolves once the connection is closed or `done` holds, whichever comes first. */
    until(done: () => boolean): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          if (closed || done()) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
      });
    },
    close: () => engine.close(),
  };
}

const refusalCode = (answer: string) => (JSON.parse(answer.slice(1)) as { data?: HandshakeErrorData }).data?.code;

describe('failed handshakes per connection', () => {
  it('closes a WebSocket after three handshakes without a seat sent one after another', async () => {
    await withServer({}, async (server) => {
      const connection = await rawConnection(server.url);
      try {
        // Each refusal is answered with another CONNECT on the same connection, as a guesser would.
        for (let i = 0; i < 10 && !connection.closed; i += 1) {
          connection.connect(forged(missingCode()));
          await connection.until(() => connection.answers.length > i);
        }

        expect(connection.closed).toBe(true);
        expect(connection.answers.map(refusalCode)).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
      } finally {
        connection.close();
      }
    });
  });

  it('looks at no more than three of many CONNECTs sent at once on one WebSocket, and closes it', async () => {
    await withServer({}, async (server, store) => {
      const connection = await rawConnection(server.url);
      try {
        store.tokenLookups = 0;
        for (let i = 0; i < 20; i += 1) connection.connect(forged(missingCode()));
        await connection.until(() => connection.answers.length >= 20);

        expect(connection.closed).toBe(true);
        expect(store.tokenLookups).toBeLessThanOrEqual(3);
        expect(connection.answers.length).toBeLessThanOrEqual(3);
      } finally {
        connection.close();
      }
    });
  });
});

describe('failed lookups per address', () => {
  const tight = { rateLimits: { failedLookup: { points: 3, durationSec: 600 } } };

  it('refuses handshakes without a seat once the address used up its budget, and still admits a seat', async () => {
    await withServer(tight, async (server) => {
      const created = await createSessionOverHttp(server.url, { title: 'Real', facilitatorName: 'Ana' });
      const refusals = [];
      // A fresh connection each time: closing one connection must not reset what the address spent.
      for (let i = 0; i < 5; i += 1) refusals.push((await handshakeRefusal(server.url, forged(missingCode())))?.data);

      expect(refusals).toEqual([
        { code: 'unauthorized' },
        { code: 'unauthorized' },
        { code: 'unauthorized' },
        { code: 'rate_limited' },
        { code: 'rate_limited' },
      ]);
      // A device with a seat is never locked out by other devices' failures behind its address.
      const facilitator = await TestClient.connect(server.url, created);
      facilitator.close();
    });
  });

  it('counts lookups that find nothing over HTTP and sockets in one budget, then tells nothing more', async () => {
    await withServer(tight, async (server) => {
      const created = await createSessionOverHttp(server.url, { title: 'Real', facilitatorName: 'Ana' });
      const summary = (code: string) => fetch(`${server.url}/api/sessions/${code}`);
      // A room's lookups that find their session cost nothing from this budget.
      for (let i = 0; i < 10; i += 1) expect((await summary(created.sessionId)).status).toBe(200);
      await joinOverHttp(server.url, created.sessionId, 'Ben');

      expect((await summary(missingCode())).status).toBe(404);
      expect((await post(`${server.url}/api/sessions/${missingCode()}/participants`, { name: 'Eve' })).status).toBe(
        404,
      );
      expect(await handshakeRefusal(server.url, forged(missingCode()))).toMatchObject({
        data: { code: 'unauthorized' },
      });

      // Spent: an existing code now gets the same answer as a missing one, on every route.
      const hit = await summary(created.sessionId);
      expect(hit.status).toBe(429);
      expect(Number(hit.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await summary(missingCode())).status).toBe(429);
      expect((await post(`${server.url}/api/sessions/${created.sessionId}/participants`, { name: 'Eve' })).status).toBe(
        429,
      );
      expect(
        (await post(`${server.url}/api/sessions/${created.sessionId}/facilitator`, { key: forgedToken })).status,
      ).toBe(429);
      expect(await handshakeRefusal(server.url, forged(created.sessionId))).toMatchObject({
        data: { code: 'rate_limited' },
      });
    });
  });
});
