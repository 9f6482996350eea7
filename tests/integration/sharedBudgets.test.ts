import { randomUUID } from 'node:crypto';
import { openRedisLimiters, type AppConfig, type RedisLimiters, type RedisSessionStore } from '@runde/server';
import type { Seat } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import {
  deleteTestKeys,
  openRedisStore,
  startTestServer,
  testLogger,
  type TestServer,
} from '../support/serverHarness.ts';
import { createSessionOverHttp, joinOverHttp, TestClient } from '../support/serverClients.ts';

/**
 * Issue 11, finding 4: the command budget was per socket, and sockets are free: one participant
 * with ten sockets got ten budgets. Commands and syncs now spend from the seat's budget and the
 * address's, and with Redis every node spends from the same ones.
 */
const prefix = uniquePrefix('shared-budgets');
let stores: RedisSessionStore[] = [];
const opened: { close(): Promise<void> }[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  stores = [await openRedisStore(prefix), await openRedisStore(prefix)];
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const thing of opened.reverse()) await thing.close();
  await Promise.all(stores.map((store) => store.close()));
  await deleteTestKeys(prefix);
});

/** Windows far longer than a test, so the counts below never straddle two windows. */
const budgets = (seat: number, address: number): AppConfig => ({
  rateLimits: { seat: { points: seat, durationSec: 3_600 }, address: { points: address, durationSec: 3_600 } },
});

/** A server node; `second` puts it on its own store connection, as a second machine would be. */
async function node(config: AppConfig, limits?: RedisLimiters, second = false): Promise<TestServer> {
  const server = await startTestServer({ store: stores[second ? 1 : 0]!, config, limiters: limits?.limiters });
  opened.push(server);
  return server;
}

async function sharedLimits(limitsPrefix: string): Promise<RedisLimiters> {
  const limits = await openRedisLimiters({ url: testRedisUrl(), keyPrefix: limitsPrefix, logger: testLogger() });
  opened.push(limits);
  return limits;
}

async function devices(url: string, seat: Seat, count: number): Promise<TestClient[]> {
  const connected = await Promise.all(Array.from({ length: count }, () => TestClient.connect(url, seat)));
  clients.push(...connected);
  return connected;
}

/** Sends `perDevice` commands from every device at once; returns how many were not refused for the rate. */
async function notRateLimited(all: TestClient[], perDevice: number): Promise<number> {
  const acks = await Promise.all(
    all.flatMap((device, d) =>
      Array.from({ length: perDevice }, (_, i) =>
        device.sendRaw('topic:add', { title: `T ${d}-${i}` }, { commandId: randomUUID() }),
      ),
    ),
  );
  return acks.filter((ack) => (ack as { ok: boolean; error?: { code: string } }).error?.code !== 'rate_limited').length;
}

/**
 * The syncs the devices' sync engines made (each one spends a point like a command): the first on
 * connecting, and one more whenever a device saw a gap in the versions pushed to it, as a phone does.
 */
function syncsMade(all: TestClient[]): number {
  return all.reduce((total, device) => total + device.syncKinds.length, 0);
}

describe('per seat', () => {
  it('gives ten sockets of one seat one budget', async () => {
    const server = await node(budgets(50, 100_000));
    const created = await createSessionOverHttp(server.url, { title: 'T', facilitatorName: 'Ana' });
    const seat = await joinOverHttp(server.url, created.sessionId, 'Ben');
    // Ten connects, each with its first sync (and any catch-up sync): points of the same fifty.
    const ten = await devices(server.url, seat, 10);

    const allowed = await notRateLimited(ten, 60);
    expect(allowed + syncsMade(ten)).toBe(50);
    // Another seat's budget is its own.
    const [facilitator] = await devices(server.url, created, 1);
    expect(await facilitator!.send('topic:add', { title: 'Mine' })).toMatchObject({ ok: true });
  });

  it('shares the seat budget between two nodes on one Redis', async () => {
    const limits = await sharedLimits(`${prefix}two-nodes:`);
    const nodeA = await node(budgets(50, 100_000), limits);
    const nodeB = await node(budgets(50, 100_000), limits, true);
    const created = await createSessionOverHttp(nodeA.url, { title: 'T', facilitatorName: 'Ana' });
    const seat = await joinOverHttp(nodeA.url, created.sessionId, 'Ben');
    const onA = await devices(nodeA.url, seat, 5);
    const onB = await devices(nodeB.url, seat, 5);

    const allowed = await notRateLimited([...onA, ...onB], 60);
    expect(allowed + syncsMade([...onA, ...onB])).toBe(50);
  });
});

describe('per address', () => {
  it('gives all seats behind one address one budget', async () => {
    const server = await node(budgets(1_000, 60));
    const created = await createSessionOverHttp(server.url, { title: 'T', facilitatorName: 'Ana' });
    const seats = await Promise.all(
      ['Ben', 'Cem', 'Dana'].map((name) => joinOverHttp(server.url, created.sessionId, name)),
    );
    const phones = (await Promise.all(seats.map((seat) => devices(server.url, seat, 1)))).flat();

    // The first syncs (and any catch-up sync) spent points of the same sixty.
    const allowed = await notRateLimited(phones, 30);
    expect(allowed + syncsMade(phones)).toBe(60);
  });
});
