import { randomBytes } from 'node:crypto';

// `npm test` sets both variables; the fallbacks keep a direct `vitest` run working against a local Redis.
const runPrefix = process.env.RUNDE_TEST_KEY_PREFIX ?? `runde-test-${Date.now()}-${randomHex(4)}:`;

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** The Redis the tests share: REDIS_URL from `npm test`, or a local default. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * A key prefix no other test or run uses: `<run prefix><label>-<random>:`. Give it to the store under test and
 * delete its keys afterwards with {@link deleteKeys}; the shared Redis is never flushed.
 */
export function uniquePrefix(label: string): string {
  return `${runPrefix}${label}-${randomHex(4)}:`;
}

/** The two commands {@link deleteKeys} needs, so any node-redis client (with or without scripts) fits. */
export interface KeyDeletingClient {
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
  unlink(keys: string[]): Promise<number>;
}

/** Deletes every key starting with `prefix` (SCAN MATCH + UNLINK) and returns how many were deleted. */
export async function deleteKeys(client: KeyDeletingClient, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let deleted = 0;
  for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 500 })) {
    if (keys.length > 0) deleted += await client.unlink(keys);
  }
  return deleted;
}

// The fault and health tests start, crash and restart a redis-server of their own with the repository's one
// launcher, the same that `npm test` uses.
export { startRedisServer, type RedisServerHandle, type RedisServerOptions } from '../../scripts/lib/redisServer.mjs';

// Redis Cluster and Sentinel topologies of their own, whose nodes the failover tests crash and freeze (issue 15).
export {
  startRedisCluster,
  startRedisSentinel,
  type ClusterNode,
  type RedisClusterHandle,
  type RedisSentinelHandle,
  redisCommand,
} from '../../scripts/lib/redisTopology.mjs';
