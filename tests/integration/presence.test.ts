import type { RedisSessionStore, SessionStore } from '@runde/server';
import type { KindEvent } from '@runde/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import {
  convergedSession,
  createSessionOverHttp,
  joinOverHttp,
  TestClient,
  waitUntil,
} from '../support/serverClients.ts';

const prefix = uniquePrefix('presence');
let redisStore: RedisSessionStore;
let server: TestServer;
const clients: TestClient[] = [];

/** Commits are held while this is set, so that connections pile up behind the first presence check. */
let gate: Promise<void> | null = null;
const committed: KindEvent[][] = [];

/**
 * The real Redis store, with two things added in front of `commit`: it notes each commit's
 * events, and waits for the gate. Everything else goes straight to the store.
 */
function watchedStore(store: RedisSessionStore): SessionStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'commit') {
        return async (...args: Parameters<SessionStore['commit']>) => {
          if (gate) await gate;
          const outcome = await target.commit(...args);
          if (outcome.ok) committed.push([...args[2]]);
          return outcome;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  redisStore = await openRedisStore(prefix);
  server = await startTestServer({ store: watchedStore(redisStore) });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.close();
  await redisStore?.close();
  await deleteTestKeys(prefix);
});

const presenceChanges = (events: readonly KindEvent[]) =>
  events.filter((event) => event.type === 'participant:presence-changed').length;

it('records a room full of arriving phones in a couple of commits, not one per phone', async () => {
  const size = 20;
  const created = await createSessionOverHttp(server.url, { title: 'Arrivals', facilitatorName: 'Fatma' });
  const seats = await Promise.all(
    Array.from({ length: size - 1 }, (_, i) => joinOverHttp(server.url, created.sessionId, `Person ${i + 1}`)),
  );
  committed.length = 0;
  let open = () => undefined as void;
  gate = new Promise<void>((resolve) => (open = resolve));

  const connecting = [created, ...seats].map((seat) => TestClient.connect(server.url, seat));
  await waitUntil('every phone has a socket on the server', () => server.runde.io.of('/').sockets.size === size);
  gate = null;
  open();
  clients.push(...(await Promise.all(connecting)));

  await waitUntil('everyone shows as online everywhere', () =>
    clients.every((c) => c.mirror.current?.participants.every((p) => p.online) === true),
  );
  await convergedSession(redisStore, created.sessionId, clients);
  const presenceCommits = committed.filter((events) => presenceChanges(events) > 0);
  // The first check took whoever had arrived when it started; everyone arriving while it waited
  // for its write was settled by the next one.
  expect(presenceCommits.length).toBeLessThanOrEqual(2);
  expect(presenceCommits.reduce((sum, events) => sum + presenceChanges(events), 0)).toBe(size);
});

it('records a quick reload as no change at all', async () => {
  const [first] = clients;
  if (!first) throw new Error('no client from the first test');
  committed.length = 0;
  first.close();
  await first.reconnect();
  await waitUntil('the reload has been reconciled', () => server.runde.io.of('/').sockets.size === clients.length);
  const stored = await convergedSession(redisStore, first.seat.sessionId, clients);
  expect(stored.state.participants.every((p) => p.online)).toBe(true);
  // Either nothing was written, or offline and then online again: never a seat left offline.
  expect(committed.reduce((sum, events) => sum + presenceChanges(events), 0) % 2).toBe(0);
});
