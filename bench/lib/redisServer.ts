import { randomBytes } from 'node:crypto';
import { createClient, createCluster } from 'redis';
import { startRedisServer } from '../../scripts/lib/redisServer.mjs';
import { redisCommand } from '../../scripts/lib/redisTopology.mjs';
import { onShutdown } from './processes.ts';

type SingleClient = ReturnType<typeof createClient>;

/**
 * What the benchmarks ask of Redis themselves: reading a session's keys, and INFO. A plain client
 * of one Redis has it; for a Redis Cluster, {@link clusterReader} routes the reads by key and sums
 * INFO over the masters.
 */
export interface RedisClient {
  hGet(key: string, field: string): Promise<string | null>;
  hmGet(key: string, fields: string[]): Promise<Array<string | null>>;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  // node-redis v5 types HSTRLEN's reply wrongly (as an array); callers take Number() of it.
  hStrLen(key: string, field: string): Promise<unknown>;
  info(section: string): Promise<string>;
}

/** How a server node reaches the Redis a benchmark uses, in the production variables (see `loadConfig`). */
export type RedisEnv = Record<
  'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_MASTER' | 'REDIS_CLUSTER_NODES',
  string
>;

export interface BenchRedis {
  /** A URL of the master the benchmark's own client reads from (the first node for a cluster). */
  url: string;
  /** For the server nodes: REDIS_URL, or the sentinels, or the cluster nodes. */
  env: RedisEnv;
  /** Every key this run writes starts with it; deleted on the way out. */
  prefix: string;
  /** A client of the benchmark's own, for INFO and key clean-up. */
  client: RedisClient;
  /** True when the benchmark started this redis-server itself (then nobody else uses it). */
  owned: boolean;
  /** The plain client of one server (one Redis, or the master the sentinels name); none for a cluster. */
  single?: SingleClient;
}

/**
 * A Redis for one benchmark run. By default a `redis-server` of its own on a free port, without
 * persistence, so INFO figures (commands, CPU) are the benchmark's alone and nothing is shared
 * with the other people using the machine's Redis. With `url`, an existing Redis is used instead,
 * under a fresh key prefix whose keys (and only those) are deleted at the end.
 */
export async function startRedis(options: {
  url?: string;
  label: string;
  /** `host:port,…` of the sentinels watching `sentinelMaster`: the server nodes use Sentinel. */
  sentinels?: string;
  sentinelMaster?: string;
  /** `host:port,…` of Redis Cluster nodes: the server nodes use the cluster. */
  clusterNodes?: string;
}): Promise<BenchRedis> {
  const prefix = `runde-bench-${options.label}-${randomBytes(4).toString('hex')}:`;
  if (options.clusterNodes) return clusterRedis(options.clusterNodes, prefix);
  const env: RedisEnv = { REDIS_URL: '', REDIS_SENTINELS: '', REDIS_SENTINEL_MASTER: '', REDIS_CLUSTER_NODES: '' };
  let url = options.url ?? '';
  if (options.sentinels) {
    // The benchmark's own reads go to the master the sentinels name; no failover happens during a capacity run.
    const master = await sentinelMaster(options.sentinels, options.sentinelMaster ?? 'runde');
    url = `redis://${master}`;
    env.REDIS_SENTINELS = options.sentinels;
    env.REDIS_SENTINEL_MASTER = options.sentinelMaster ?? 'runde';
  }
  let owned = false;
  if (!url) {
    // The repository's one launcher (also `npm test`'s): a free port, a temporary directory, no persistence.
    const server = await startRedisServer();
    onShutdown(() => server.dispose());
    url = server.url;
    owned = true;
  }
  if (!options.sentinels) env.REDIS_URL = url;
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  onShutdown(async () => {
    await deleteKeys(client, prefix);
    await client.close();
  });
  return { url, env, prefix, client, owned, single: client };
}

/** `host:port` of the master the first sentinel that answers names. */
async function sentinelMaster(sentinels: string, name: string): Promise<string> {
  for (const entry of sentinels.split(',')) {
    const port = Number(entry.split(':').pop());
    const reply = await redisCommand(port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name]).catch(() => null);
    if (Array.isArray(reply) && typeof reply[0] === 'string') return `${reply[0]}:${String(reply[1])}`;
  }
  throw new Error(`no sentinel of ${sentinels} names a master ${name}`);
}

/**
 * A Redis Cluster the benchmark did not start (the topology bench owns it): reads by key go
 * through a cluster client; INFO is summed over the masters, so commandstats and CPU cover the
 * whole cluster's work (the replicas' own is not counted).
 */
async function clusterRedis(nodes: string, prefix: string): Promise<BenchRedis> {
  const rootNodes = nodes.split(',').map((entry) => ({ url: `redis://${entry.trim()}` }));
  const cluster = createCluster({ rootNodes });
  cluster.on('error', () => undefined);
  await cluster.connect();
  const masterClients = () => cluster.masters.map((master) => cluster.nodeClient(master));
  const client = clusterReader(cluster, async (section) => {
    const infos = await Promise.all(masterClients().map(async (node) => (await node).info(section)));
    return sumInfo(infos);
  });
  onShutdown(async () => {
    // Key by key: keys of different slots cannot go into one UNLINK, even on the same node.
    for (const nodeClient of masterClients()) {
      const node = await nodeClient;
      const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      for await (const keys of node.scanIterator({ MATCH: pattern, COUNT: 1000 })) {
        for (const key of keys) await cluster.unlink(key);
      }
    }
    await cluster.close();
  });
  const env: RedisEnv = { REDIS_URL: '', REDIS_SENTINELS: '', REDIS_SENTINEL_MASTER: '', REDIS_CLUSTER_NODES: nodes };
  return { url: rootNodes[0]?.url ?? '', env, prefix, client, owned: false };
}

function clusterReader(
  cluster: ReturnType<typeof createCluster>,
  info: (section: string) => Promise<string>,
): RedisClient {
  return {
    hGet: (key, field) => cluster.hGet(key, field),
    hmGet: (key, fields) => cluster.hmGet(key, fields),
    lRange: (key, start, stop) => cluster.lRange(key, start, stop),
    hStrLen: (key, field) => cluster.hStrLen(key, field),
    info,
  };
}

/** INFO texts of several servers as one: numeric `name:value` fields and `calls=` of commandstats added up. */
function sumInfo(infos: readonly string[]): string {
  const totals = new Map<string, number>();
  for (const text of infos) {
    for (const match of text.matchAll(/^(\w+):(?:calls=)?([\d.]+)/gm)) {
      totals.set(match[1] ?? '', (totals.get(match[1] ?? '') ?? 0) + Number(match[2]));
    }
  }
  return [...totals]
    .map(([name, value]) => (name.startsWith('cmdstat_') ? `${name}:calls=${value}` : `${name}:${value}`))
    .join('\r\n');
}

/** Deletes exactly the keys under `prefix` (SCAN MATCH + UNLINK); never anything else. */
export async function deleteKeys(client: SingleClient, prefix: string): Promise<number> {
  if (!client.isReady) return 0;
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let deleted = 0;
  for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 1000 })) {
    if (keys.length > 0) deleted += await client.unlink(keys);
  }
  return deleted;
}

/** `INFO commandstats` as command name → calls. */
export async function commandCalls(client: RedisClient): Promise<Record<string, number>> {
  const info = await client.info('commandstats');
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls[match[1] ?? ''] = Number(match[2]);
  }
  return calls;
}

/** Redis's own CPU seconds (user + system of the server process). */
export async function redisCpuSeconds(client: RedisClient): Promise<number> {
  const info = await client.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return field('used_cpu_sys') + field('used_cpu_user');
}

/**
 * Commands a Redis client sends itself, as opposed to those a Lua script runs inside Redis (which
 * INFO counts as well). The session scripts use HGET, HSET, RPUSH, LTRIM, PEXPIRE, EXISTS, DEL,
 * LLEN and LRANGE; the store itself uses HMGET, EVALSHA/EVAL and, only at the handshake, HGET.
 * So while no socket connects, these sums are the round trips the server made.
 */
const scriptOnly = new Set(['hget', 'hset', 'rpush', 'ltrim', 'pexpire', 'exists', 'del', 'llen', 'lrange']);

/** Per-command call deltas between two INFO snapshots, without the benchmark's own INFO calls. */
export function callDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, calls] of Object.entries(after)) {
    const d = calls - (before[name] ?? 0);
    if (d > 0 && name !== 'info') delta[name] = d;
  }
  return delta;
}

/** The delta's round trips: calls of commands that are never issued from inside a session script. */
export function roundTrips(delta: Record<string, number>): number {
  return Object.entries(delta)
    .filter(([name]) => !scriptOnly.has(name))
    .reduce((sum, [, n]) => sum + n, 0);
}

/**
 * Redis's own side of a latency tail: starts counting afresh (CONFIG RESETSTAT clears the per-command
 * latency percentiles of INFO latencystats; the slow log is emptied and set to keep every command
 * of 1 ms or more). Only for a Redis the benchmark started itself: it changes server-wide settings.
 */
export async function resetRedisLatency(client: SingleClient): Promise<void> {
  await client.configSet('slowlog-log-slower-than', '1000');
  await client.sendCommand(['SLOWLOG', 'RESET']);
  await client.sendCommand(['CONFIG', 'RESETSTAT']);
}

export interface RedisLatency {
  /** Per command, Redis's own execution time percentiles in ms (INFO latencystats; scripts as EVALSHA). */
  percentiles: Record<string, { p50: number; p99: number; p999: number }>;
  /** Commands that ran 1 ms or longer inside Redis, slowest first. */
  slowest: Array<{ ms: number; command: string }>;
}

export async function redisLatency(client: SingleClient): Promise<RedisLatency> {
  const info = await client.info('latencystats');
  const percentiles: RedisLatency['percentiles'] = {};
  for (const m of info.matchAll(/^latency_percentiles_usec_([^:]+):p50=([\d.]+),p99=([\d.]+),p99\.9=([\d.]+)/gm)) {
    const ms = (us: string | undefined) => Math.round(Number(us ?? 0)) / 1000;
    percentiles[m[1] ?? ''] = { p50: ms(m[2]), p99: ms(m[3]), p999: ms(m[4]) };
  }
  // Each entry: [id, timestamp, duration µs, [command, …args], …].
  const log = await client.sendCommand<unknown[]>(['SLOWLOG', 'GET', '10']);
  const slowest = log.flatMap((entry) => {
    if (!Array.isArray(entry)) return [];
    const [, , us, argv] = entry as [unknown, unknown, unknown, unknown];
    const command = Array.isArray(argv) ? String(argv[0] ?? '') : '';
    return [{ ms: Number(us) / 1000, command }];
  });
  return { percentiles, slowest: slowest.sort((a, b) => b.ms - a.ms) };
}
