import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createClusterClient, createSentinelClient, createSingleClient } from '../store/redisClients.ts';
import type { RedisTarget } from '../store/redisTarget.ts';
import type { LimiterFactory } from './rateLimits.ts';

export interface RedisLimiters {
  limiters: LimiterFactory;
  close(): Promise<void>;
}

/**
 * Rate limits kept in Redis, so every node sharing it spends from the same budgets: ten sockets of
 * one seat spread over two nodes still get one seat's budget. Keys live under
 * `<keyPrefix>limit:<budget>:` and expire with their window.
 *
 * While Redis is away each node falls back to a limiter of its own (per node, so briefly up to
 * N times the budget) rather than refusing everyone or letting everything through.
 */
export async function openRedisLimiters(options: {
  /** One Redis by URL; or `target` for Sentinel and Cluster. */
  url?: string;
  target?: RedisTarget;
  keyPrefix: string;
  logger: Logger;
}): Promise<RedisLimiters> {
  const target = options.target ?? (options.url ? { kind: 'single' as const, url: options.url } : undefined);
  if (!target) throw new Error('openRedisLimiters needs a url or a target');
  // Like the session store: while Redis is away, fail at once (and use the fallback) instead of queueing.
  const settings = { disableOfflineQueue: true };
  const client =
    target.kind === 'single'
      ? createSingleClient(target.url, settings)
      : target.kind === 'cluster'
        ? createClusterClient(target, settings)
        : createSentinelClient(target, settings);
  let down = false;
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    options.logger.warn({ err }, 'rate limits: lost their Redis connection, counting per node until it is back');
  });
  client.on('ready', () => {
    if (down) options.logger.info('rate limits: Redis connection restored');
    down = false;
  });
  await client.connect();
  const limiters: LimiterFactory = (name, { points, durationSec }) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `${options.keyPrefix}limit:${name}`,
      points,
      duration: durationSec,
      insuranceLimiter: new RateLimiterMemory({ points, duration: durationSec }),
    });
  return {
    limiters,
    async close() {
      await client.close().catch(() => undefined);
    },
  };
}
