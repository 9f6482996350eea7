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
import { waitUntil } from '../support/serverClients.ts';

const prefix = uniquePrefix('cluster-stream');
const stream = `${prefix}socket.io`;
const maxLen = 200;
const ttlMs = 60_000;
let redis: Awaited<ReturnType<typeof openRawRedis>>;
let cluster: ClusterAdapter;
let store: RedisSessionStore;
let node: TestServer;

beforeAll(async () => {
  redis = await openRawRedis();
  cluster = await openClusterAdapter({
    url: testRedisUrl(),
    keyPrefix: prefix,
    logger: testLogger(),
    streamMaxLen: maxLen,
    streamTtlMs: ttlMs,
    // Renewed at once on every tick of the test, so the TTL is there as soon as the stream is.
    streamTtlRenewMs: 20,
  });
  store = await openRedisStore(prefix);
  node = await startTestServer({ store, adapter: cluster.adapter });
});

afterAll(async () => {
  await node?.close();
  await cluster?.close();
  await store?.close();
  await deleteTestKeys(prefix);
  await redis?.close();
});

/** Entries ever added to the stream (XINFO STREAM's `entries-added`, Redis 7). */
async function entriesAdded(): Promise<number> {
  const reply = await redis.sendCommand<unknown[]>(['XINFO', 'STREAM', stream]);
  const at = reply.indexOf('entries-added');
  return Number(reply[at + 1]);
}

describe('the cluster adapter stream', () => {
  it('stays within its length bound after many broadcasts, under the key prefix, with a TTL', async () => {
    const broadcasts = 3_000;
    const io = node.runde.io;
    for (let i = 0; i < broadcasts; i += 1) io.to(`room-${i % 10}`).emit('session:deleted');
    await waitUntil('every broadcast is in the stream', async () => (await entriesAdded()) >= broadcasts, 15_000);

    // Approximate trimming frees whole stream nodes, so the length may pass the bound by one node.
    const [, nodeEntries] = await redis.sendCommand<string[]>(['CONFIG', 'GET', 'stream-node-max-entries']);
    const length = await redis.xLen(stream);
    expect(length).toBeGreaterThanOrEqual(maxLen);
    expect(length).toBeLessThanOrEqual(maxLen + Number(nodeEntries));

    await waitUntil('the stream has a TTL', async () => (await redis.pTTL(stream)) > 0);
    const ttl = await redis.pTTL(stream);
    expect(ttl).toBeLessThanOrEqual(ttlMs);
  });

  it('keeps its TTL once the last node has stopped, so it does not outlive the cluster', async () => {
    await node.close();
    await cluster.close();
    const ttl = await redis.pTTL(stream);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(ttlMs);
  });
});
