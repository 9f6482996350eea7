import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, createSentinel } from 'redis';
import {
  startRedisCluster,
  startRedisSentinel,
  type RedisClusterHandle,
  type RedisSentinelHandle,
} from '../support/redisTestEnv.ts';

/**
 * Issue 15: the local Redis Cluster and Sentinel topologies survive losing their master, as node-redis (the
 * client the server uses) sees it: a write succeeds again after the master is killed with SIGKILL. The times from
 * the kill are printed for the record, never asserted (a loaded machine may be slower).
 */

/** Bounds every start-up and failover here; each alone takes a few seconds. */
const TOPOLOGY_TIMEOUT_MS = 30_000;
/** The writes and the failover wait run side by side, each bounded by TOPOLOGY_TIMEOUT_MS; then a few commands. */
const TEST_TIMEOUT_MS = TOPOLOGY_TIMEOUT_MS + 10_000;
/** A write to a dead node may wait in node-redis' offline queue instead of failing, so each try is cut short. */
const WRITE_TRY_MS = 1_000;

/** Resolves with what `pending` resolves to and the milliseconds from `since` until then. */
async function timed<T>(pending: Promise<T>, since: number): Promise<[T, number]> {
  const value = await pending;
  return [value, Date.now() - since];
}

/**
 * Retries `write` until it succeeds and returns the milliseconds from `since` to the first success. A try that
 * neither succeeds nor fails within {@link WRITE_TRY_MS} is followed by another, but still counts if it succeeds
 * first, so the time measured is not rounded up to the next try. `afterFailure` runs after each try that failed
 * or was given up on.
 */
function firstSuccessfulWrite(
  write: () => Promise<unknown>,
  since: number,
  afterFailure: () => void = () => undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    let latest = 0;
    let lastError: unknown = null;
    const tryOnce = () => {
      if (done) return;
      if (Date.now() - since > TOPOLOGY_TIMEOUT_MS) {
        done = true;
        reject(new Error(`no write succeeded within ${TOPOLOGY_TIMEOUT_MS / 1000} s: ${String(lastError)}`));
        return;
      }
      latest += 1;
      const attempt = latest;
      // Only the latest try moves on to the next; an earlier one given up on only counts if it succeeds.
      const next = (delayMs: number) => {
        if (attempt !== latest || done) return;
        afterFailure();
        setTimeout(tryOnce, delayMs);
      };
      const timer = setTimeout(() => {
        lastError = new Error(`no answer within ${WRITE_TRY_MS} ms`);
        next(0);
      }, WRITE_TRY_MS);
      write().then(
        () => {
          clearTimeout(timer);
          if (done) return;
          done = true;
          resolve(Date.now() - since);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (attempt === latest) lastError = error;
          next(50);
        },
      );
    };
    tryOnce();
  });
}

/**
 * A cluster client as the server would make one, connecting lazily: discovery alone at connect, so that a node
 * still listed but dead does not hold up `connect`.
 */
async function connectCluster(cluster: RedisClusterHandle): Promise<ReturnType<typeof createCluster>> {
  const client = createCluster({ rootNodes: cluster.rootNodes, minimizeConnections: true });
  // Connection errors while a node is down are expected; the writes below report what matters.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

describe('a Redis Cluster of three masters with a replica each', () => {
  let cluster: RedisClusterHandle;
  let client: ReturnType<typeof createCluster> | undefined;

  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
    client = await connectCluster(cluster);
  }, TOPOLOGY_TIMEOUT_MS);

  afterAll(async () => {
    client?.destroy();
    await cluster?.stop();
  });

  it('serves writes again after the master of the key is killed', { timeout: TEST_TIMEOUT_MS }, async () => {
    const key = 'runde:{topology}:cluster';
    await client?.set(key, 'before');
    const master = await cluster.masterOf(key);

    const killedAt = Date.now();
    await cluster.kill(master.port);
    // node-redis learns a new slot map only from a MOVED or ASK reply (redis/node-redis#2806): a client keeps
    // sending the dead master's slots to the dead master, where they wait for a reconnect that never comes. So,
    // as the server will have to, a write that fails or hangs replaces the client, whose discovery then finds the
    // promoted replica once the cluster has failed over.
    const write = async () => {
      if (!client) {
        const fresh = await connectCluster(cluster);
        // A connect from a try given up on may finish after a later one did; one client is enough.
        if (client) fresh.destroy();
        else client = fresh;
      }
      return client.set(key, 'during');
    };
    const replaceClient = () => {
      client?.destroy();
      client = undefined;
    };
    const [writeMs, [heir, failoverMs]] = await Promise.all([
      firstSuccessfulWrite(write, killedAt, replaceClient),
      timed(cluster.waitForFailover(master.port, TOPOLOGY_TIMEOUT_MS), killedAt),
    ]);
    console.log(
      `cluster: master ${master.port} killed; first write after ${writeMs} ms, ` +
        `failover (replica ${heir.port} promoted, cluster_state:ok everywhere) after ${failoverMs} ms`,
    );

    expect(heir.port).not.toBe(master.port);
    expect((await cluster.masterOf(key)).port).toBe(heir.port);
    client ??= await connectCluster(cluster);
    await client.set(key, 'after');
    expect(await client.get(key)).toBe('after');
  });
});

describe('a master with two replicas watched by three sentinels', () => {
  let sentinel: RedisSentinelHandle;
  let client: ReturnType<typeof createSentinel>;

  beforeAll(async () => {
    sentinel = await startRedisSentinel({ replicas: 2, sentinels: 3, masterName: 'runde' });
    client = createSentinel({ name: sentinel.masterName, sentinelRootNodes: sentinel.sentinels });
    client.on('error', () => undefined);
    await client.connect();
  }, TOPOLOGY_TIMEOUT_MS);

  afterAll(async () => {
    await client?.destroy();
    await sentinel?.stop();
  });

  it('serves writes again after the master is killed', { timeout: TEST_TIMEOUT_MS }, async () => {
    const key = 'runde:{topology}:sentinel';
    await client.set(key, 'before');
    const master = await sentinel.currentMaster();

    const killedAt = Date.now();
    await sentinel.kill(master.port);
    const [writeMs, [elected, failoverMs]] = await Promise.all([
      firstSuccessfulWrite(() => client.set(key, 'during'), killedAt),
      timed(sentinel.waitForFailover(master.port, TOPOLOGY_TIMEOUT_MS), killedAt),
    ]);
    console.log(
      `sentinel: master ${master.port} killed; first write after ${writeMs} ms, ` +
        `failover (a majority of sentinels name ${elected.port}, it answers as master) after ${failoverMs} ms`,
    );

    expect(elected.port).not.toBe(master.port);
    // Not necessarily `elected`: on a loaded machine the sentinels may have failed over once more since.
    const current = await sentinel.currentMaster();
    expect(current.port).not.toBe(master.port);
    if (current.port !== elected.port) console.log(`sentinel: now ${current.port} is master (another failover)`);
    await client.set(key, 'after');
    expect(await client.get(key)).toBe('after');
  });
});
