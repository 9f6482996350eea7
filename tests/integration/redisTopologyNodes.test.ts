import { afterAll, describe, expect, it } from 'vitest';
import { defaultRateLimits, RedisSessionStore, sessionKeys, type RedisTarget } from '@runde/server';
import { startNodeProcess, type NodeProcess } from '../support/nodeProcess.ts';
import { startRedisCluster, startRedisSentinel, uniquePrefix } from '../support/redisTestEnv.ts';
import { createSessionOverHttp, joinOverHttp, okVersion, TestClient, waitUntil } from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 15: the production entry point (server/src/main.ts, in processes of its own, as deployed)
 * runs on Redis Sentinel and on Redis Cluster when configured by environment variables: the
 * session store, the cluster adapter between nodes and the shared rate limits all use the
 * deployment, with REDIS_MIN_REPLICAS=1. On a cluster, sessions spread over the shards by their
 * hash tag and the commit script runs unchanged; the rate limits are kept in the cluster, shared by
 * both nodes.
 */

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function nodesOn(env: Record<string, string>): Promise<[NodeProcess, NodeProcess]> {
  const keyPrefix = uniquePrefix('topology-nodes');
  const options = { store: 'redis-env' as const, keyPrefix, env: { ...env, REDIS_MIN_REPLICAS: '1' } };
  const nodes = await Promise.all([startNodeProcess(options), startNodeProcess(options)]);
  cleanups.push(() => Promise.all(nodes.map((node) => node.stop())).then(() => undefined));
  return nodes;
}

/** A command on one node reaches a device on the other, and the seat's budget is shared by both nodes. */
async function expectOneServiceAcrossNodes([a, b]: [NodeProcess, NodeProcess]): Promise<string> {
  const created = await createSessionOverHttp(a.url, { title: 'Über alle Knoten', facilitatorName: 'Fatma' });
  const seat = await joinOverHttp(b.url, created.sessionId, 'Jonas');
  const facilitator = await TestClient.connect(a.url, created);
  const phone = await TestClient.connect(b.url, seat);
  cleanups.push(async () => {
    facilitator.close();
    phone.close();
  });
  const version = okVersion(await facilitator.send('topic:add', { title: 'Ausfallsicherheit im Rathaus' }));
  await waitUntil('the phone on the other node has the topic', () => phone.mirror.version >= version);
  expect(leanCoffee(phone.mirror.current)?.topics.map((t) => t.title)).toEqual(['Ausfallsicherheit im Rathaus']);
  return created.sessionId;
}

describe('main.ts on Redis Cluster (3 masters, a replica each)', () => {
  it('serves sessions across two nodes and spreads them over the shards', async () => {
    const cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
    cleanups.push(() => cluster.stop());
    const nodes = await nodesOn({
      REDIS_CLUSTER_NODES: cluster.nodes.map(({ host, port }) => `${host}:${port}`).join(','),
    });
    const first = await expectOneServiceAcrossNodes(nodes);

    // Create sessions on both nodes in turn until the address's creation budget (20 a minute, kept in
    // the cluster, so shared by both nodes) says no.
    const ids = [first];
    for (let i = 0; ; i += 1) {
      const node = nodes[i % 2] as NodeProcess;
      const response = await fetch(`${node.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Tisch ${i}`, facilitatorName: 'Ana' }),
      });
      if (response.status === 429) break;
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { sessionId: string }).sessionId);
    }
    expect(ids).toHaveLength(defaultRateLimits.create.points);
    // Every session's keys live in its own slot: read back through a store of this test, find its master.
    const target: RedisTarget = { kind: 'cluster', nodes: cluster.nodes.map(({ host, port }) => ({ host, port })) };
    const keyPrefix = 'runde:';
    const perMaster = new Map<number, number>();
    for (const id of ids) {
      const { port } = await cluster.masterOf(sessionKeys(keyPrefix, id)[0]);
      perMaster.set(port, (perMaster.get(port) ?? 0) + 1);
    }
    console.log(`sessions per master: ${JSON.stringify([...perMaster.values()])}`);
    // Random codes: all on one master of three would happen once in 3^19 runs.
    expect(perMaster.size).toBeGreaterThanOrEqual(2);
    const store = new RedisSessionStore({ target, keyPrefix: uniquePrefix('unused'), retentionMs: 60_000 });
    cleanups.push(() => store.close());
    await store.ready();
    expect(await store.ping()).toBe(true);
    // The proposal-deadline index is one key pair for all sessions, under one hash tag of its own:
    // its scripts run on a cluster too, and a deletion in another slot still reaches it.
    const [space] = ids as [string];
    await store.setProposalDeadline(space, 3, 1_000);
    expect(await store.dueProposalDeadlines(1_000, 20)).toEqual([space]);
    await store.delete(space);
    expect(await store.dueProposalDeadlines(1_000, 20)).toEqual([]);
  }, 120_000);
});

describe('main.ts on Redis Sentinel (a master, 2 replicas, 3 sentinels)', () => {
  it('serves sessions across two nodes', async () => {
    const sentinel = await startRedisSentinel({ replicas: 2, sentinels: 3 });
    cleanups.push(() => sentinel.stop());
    const nodes = await nodesOn({
      REDIS_SENTINELS: sentinel.sentinels.map(({ host, port }) => `${host}:${port}`).join(','),
      REDIS_SENTINEL_MASTER: sentinel.masterName,
    });
    await expectOneServiceAcrossNodes(nodes);
  }, 120_000);
});
