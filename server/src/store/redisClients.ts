import {
  createClient,
  createCluster,
  createSentinel,
  type RedisClientType,
  type RedisClusterType,
  type RedisDefaultModules,
  type RedisScripts,
  type RedisSentinelType,
} from 'redis';
import type { RedisTarget } from './redisTarget.ts';

/**
 * The node-redis clients for each kind of deployment, with the settings every connection of Runde
 * shares. The session store, the cluster adapter and the rate limits each open their own.
 */

/** Back off up to 5 s between reconnection attempts; never give up (Redis may be down for minutes). */
export const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 5_000);

export interface ClientSettings<S extends RedisScripts> {
  scripts?: S;
  /**
   * While Redis is away, fail commands at once (the caller answers `unavailable` and the device
   * retries) instead of piling them up in memory behind a connection that may not come back.
   */
  disableOfflineQueue?: boolean;
}

// The return types are written out: inferred ones name node-redis's internal paths, which declaration files cannot.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- node-redis's own spelling of "none" for functions and scripts
type None = {};
export type SingleClient<S extends RedisScripts> = RedisClientType<RedisDefaultModules, None, S>;
export type ClusterClient<S extends RedisScripts> = RedisClusterType<RedisDefaultModules, None, S>;
export type SentinelClient<S extends RedisScripts> = RedisSentinelType<RedisDefaultModules, None, S>;

export function createSingleClient<S extends RedisScripts = None>(
  url: string,
  settings: ClientSettings<S> = {},
): SingleClient<S> {
  return createClient({
    url,
    ...(settings.scripts ? { scripts: settings.scripts } : {}),
    disableOfflineQueue: settings.disableOfflineQueue ?? false,
    socket: { reconnectStrategy },
  });
}

export function createClusterClient<S extends RedisScripts = None>(
  target: Extract<RedisTarget, { kind: 'cluster' }>,
  settings: ClientSettings<S> = {},
): ClusterClient<S> {
  const rootNodes = target.nodes.map(({ host, port }) => ({ socket: { host, port } }));
  const cluster: ClusterClient<S> = createCluster({
    rootNodes,
    ...(settings.scripts ? { scripts: settings.scripts } : {}),
    defaults: {
      ...credentialsOf(target),
      disableOfflineQueue: settings.disableOfflineQueue ?? false,
      socket: { reconnectStrategy },
    },
    // A failover moves slots; the client follows MOVED answers and rediscovers, a few times.
    maxCommandRedirections: 16,
  });
  followClusterFailovers(cluster, rootNodes);
  return cluster;
}

/** How often the slot map is asked for again while a node fails, and for how long after its last error. */
const REDISCOVER_EVERY_MS = 500;
const REDISCOVER_FOR_MS = 20_000;

/**
 * node-redis learns a new slot map only from a MOVED or ASK answer (redis/node-redis#2806): when a
 * master dies, its slots stay mapped to the dead node, whose client reconnects forever, and every
 * command for them fails until the process restarts. So while any node's connection fails, the
 * slot map is fetched again from the root nodes every half second; once the cluster has promoted
 * a replica the map names it, and the client drops the dead node. This reaches for the client's
 * own rediscovery (`_slots.rediscover`, what a MOVED answer triggers) because no public method
 * offers it; should a release rename it, the check below makes this do nothing rather than fail.
 */
function followClusterFailovers(cluster: EventEmitterLike, rootNodes: ReadonlyArray<{ socket: object }>): void {
  const slots = (cluster as unknown as { _slots?: { rediscover?: (startWith: { options: object }) => Promise<void> } })
    ._slots;
  if (typeof slots?.rediscover !== 'function') return;
  const rediscover = slots.rediscover.bind(slots);
  let until = 0;
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (Date.now() > until) {
      clearInterval(timer);
      timer = undefined;
      return;
    }
    const root = rootNodes[next++ % rootNodes.length];
    if (root) rediscover({ options: root }).catch(() => undefined);
  };
  cluster.on('node-error', () => {
    until = Date.now() + REDISCOVER_FOR_MS;
    if (timer) return;
    timer = setInterval(tick, REDISCOVER_EVERY_MS);
    timer.unref();
  });
}

interface EventEmitterLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export function createSentinelClient<S extends RedisScripts = None>(
  target: Extract<RedisTarget, { kind: 'sentinel' }>,
  settings: ClientSettings<S> = {},
): SentinelClient<S> {
  return createSentinel({
    name: target.masterName,
    sentinelRootNodes: target.sentinels.map(({ host, port }) => ({ host, port })),
    ...(settings.scripts ? { scripts: settings.scripts } : {}),
    // One connection to the master: commands are pipelined on it in order, which is what makes a
    // `WAIT` after a write cover that write (WAIT counts the writes of its own connection).
    masterPoolSize: 1,
    nodeClientOptions: {
      ...credentialsOf(target),
      disableOfflineQueue: settings.disableOfflineQueue ?? false,
      socket: { reconnectStrategy },
    },
    ...(target.sentinelPassword ? { sentinelClientOptions: { password: target.sentinelPassword } } : {}),
    // Besides the sentinels' +switch-master message, look again every 2 s: a node that missed the
    // message (its sentinel connection dropped with the master) still finds the new master soon.
    scanInterval: 2_000,
  });
}

function credentialsOf(target: { username?: string; password?: string }) {
  return {
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
  };
}
