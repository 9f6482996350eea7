import { openClusterAdapter, type ClusterAdapter, type RedisSessionStore } from '@runde/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteTestKeys,
  openRawRedis,
  openRedisStore,
  startTestServer,
  testLogger,
  type TestServer,
} from '../support/serverHarness.ts';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import {
  createTeamSpaceOverHttp,
  joinOverHttp,
  startSession,
  TestClient,
  waitUntil,
  type TestSession,
} from '../support/serverClients.ts';

/**
 * Issue 6: a facilitator deletes a session or a team space at once: every key is gone and every
 * connected device, on either node, is told.
 */
const prefix = uniquePrefix('deletion');
const stores: RedisSessionStore[] = [];
const adapters: ClusterAdapter[] = [];
const nodes: TestServer[] = [];
const sessions: TestSession[] = [];
const extra: TestClient[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) {
    const store = await openRedisStore(prefix);
    const cluster = await openClusterAdapter({ url: testRedisUrl(), keyPrefix: prefix, logger: testLogger() });
    stores.push(store);
    adapters.push(cluster);
    nodes.push(await startTestServer({ store, adapter: cluster.adapter }));
  }
});

afterAll(async () => {
  for (const s of sessions) s.close();
  for (const c of extra) c.close();
  await Promise.all(nodes.map((n) => n.close()));
  await Promise.all(adapters.map((a) => a.close()));
  await Promise.all(stores.map((s) => s.close()));
  await deleteTestKeys(prefix);
});

async function keysOf(sessionId: string): Promise<string[]> {
  const raw = await openRawRedis();
  try {
    const found: string[] = [];
    for await (const batch of raw.scanIterator({ MATCH: `${prefix}{${sessionId}}*`, COUNT: 100 })) found.push(...batch);
    return found;
  } finally {
    await raw.close();
  }
}

function told(client: TestClient): { deleted: boolean } {
  const seen = { deleted: false };
  client.socket.on('session:deleted', () => (seen.deleted = true));
  return seen;
}

const remove = (client: TestClient) => client.sendRaw('session:delete', {});

describe('deleting a session', () => {
  it('lets only a facilitator delete; then every key is gone and devices on both nodes are told', async () => {
    const s = await startSession(nodes[0]!.url, { participants: 1 });
    sessions.push(s);
    const [facilitator, participant] = s.all as [TestClient, TestClient];
    const elsewhere = await TestClient.connect(nodes[1]!.url, participant.seat);
    extra.push(elsewhere);
    const news = [told(participant), told(elsewhere)];
    expect(await keysOf(s.sessionId)).not.toHaveLength(0);

    expect(await remove(participant)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await keysOf(s.sessionId)).not.toHaveLength(0);

    expect(await remove(facilitator)).toEqual({ ok: true, data: { deleted: true } });
    expect(await keysOf(s.sessionId)).toEqual([]);
    await waitUntil('both devices are told', () => news.every((n) => n.deleted));
    await waitUntil('the server lets them go', () => !participant.socket.connected && !elsewhere.socket.connected);
    // Nothing can bring it back: a late command finds no session.
    const late = await TestClient.connect(nodes[1]!.url, facilitator.seat).catch((err: unknown) => err);
    expect(late).toBeInstanceOf(Error);
  });

  it('deletes a team space with its tensions, actions and decisions', async () => {
    const created = await createTeamSpaceOverHttp(nodes[1]!.url, { title: 'Bauamt', facilitatorName: 'Aylin' });
    const seat = await joinOverHttp(nodes[0]!.url, created.sessionId, 'Jonas');
    const aylin = await TestClient.connect(nodes[1]!.url, created);
    const jonas = await TestClient.connect(nodes[0]!.url, seat);
    extra.push(aylin, jonas);
    const news = told(jonas);
    expect(
      await jonas.sendRaw('tension:add', { title: 'Akten', room: 'operational' }, { commandId: 'cmd-tension-0001' }),
    ).toMatchObject({ ok: true });

    expect(await remove(aylin)).toEqual({ ok: true, data: { deleted: true } });

    expect(await keysOf(created.sessionId)).toEqual([]);
    await waitUntil('the member is told', () => news.deleted);
    expect(await stores[0]!.load(created.sessionId)).toBeNull();
  });
});
