import { MemorySessionStore, openClusterAdapter, type ClusterAdapter } from '@runde/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testLogger, type TestServer } from '../support/serverHarness.ts';
import { startRedisSentinel, uniquePrefix, type RedisSentinelHandle } from '../support/redisTestEnv.ts';

/**
 * Issue 15: the cluster adapter on Redis Sentinel. Before every request to the other nodes (the
 * `fetchSockets` that presence asks on each connect) the adapter counts them with PUBSUB NUMSUB
 * through `sendCommand(args)`, which the Sentinel client reads as `sendCommand(isReadonly, args)`;
 * the request then failed inside node-redis and no connect on Sentinel was recorded as presence.
 * Found by the topology benchmark (bench/topologies.ts), whose sessions never converged on Sentinel.
 */
describe('the cluster adapter on a master watched by sentinels', () => {
  let sentinel: RedisSentinelHandle;
  let cluster: ClusterAdapter;
  let node: TestServer;

  beforeAll(async () => {
    sentinel = await startRedisSentinel({ replicas: 1, sentinels: 1 });
    cluster = await openClusterAdapter({
      target: { kind: 'sentinel', masterName: sentinel.masterName, sentinels: sentinel.sentinels },
      keyPrefix: uniquePrefix('sentinel-adapter'),
      logger: testLogger(),
    });
    node = await startTestServer({ store: new MemorySessionStore({ retentionMs: 60_000 }), adapter: cluster.adapter });
  }, 60_000);

  afterAll(async () => {
    await node?.close();
    await cluster?.close();
    await sentinel?.stop();
  });

  it('answers a request to every node (fetchSockets)', async () => {
    await expect(node.runde.io.fetchSockets()).resolves.toEqual([]);
  });
});
