import { performance } from 'node:perf_hooks';
import { createApp } from './app.ts';
import { openClusterAdapter, type ClusterAdapter } from './cluster/redisAdapter.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openRedisLimiters, type RedisLimiters } from './limits/redisLimiters.ts';
import { createLogger, type Logger } from './logger.ts';
import { MemorySessionStore } from './store/memorySessionStore.ts';
import { RedisSessionStore } from './store/redisSessionStore.ts';
import { describeRedisTarget } from './store/redisTarget.ts';
import type { SessionStore } from './store/sessionStore.ts';
import { loadWebHandler } from './webHandler.ts';

/**
 * The longest a shutdown may take before the process exits anyway (with 1). Within Kubernetes'
 * default grace period of 30 s and Docker's 10 s stop timeout, so the node exits on its own terms.
 */
const SHUTDOWN_LIMIT_MS = 8_000;

async function openStore(config: Config, logger: Logger): Promise<SessionStore> {
  if (!config.redis) {
    logger.warn(
      'REDIS_URL is not set: sessions are kept in memory, lost on restart, and this must be the only server node',
    );
    return new MemorySessionStore({
      retentionMs: config.retentionMs,
      teamSpaceRetentionMs: config.teamSpaceRetentionMs,
    });
  }
  const store = new RedisSessionStore({
    target: config.redis,
    replicaAck: config.replicaAck,
    keyPrefix: config.redisKeyPrefix,
    retentionMs: config.retentionMs,
    teamSpaceRetentionMs: config.teamSpaceRetentionMs,
    logger,
  });
  logger.info({ redis: describeRedisTarget(config.redis), replicaAck: config.replicaAck.count }, 'connecting to Redis');
  await store.ready();
  // In the background: serving does not wait for a walk over every stored session.
  store.upgradeTeamSpaceRetention().then(
    (upgraded) => logger.info({ upgraded }, 'team spaces of an earlier release keep the team-space retention'),
    (err: unknown) => logger.warn({ err }, 'could not apply the team-space retention to older team spaces'),
  );
  return store;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const store = await openStore(config, logger);
  // With Redis, any number of nodes may share it: the adapter relays commits between them.
  const cluster: ClusterAdapter | undefined = config.redis
    ? await openClusterAdapter({ target: config.redis, keyPrefix: config.redisKeyPrefix, logger })
    : undefined;
  // With Redis, every node spends from the same rate-limit budgets; alone, memory does.
  const limits: RedisLimiters | undefined = config.redis
    ? await openRedisLimiters({ target: config.redis, keyPrefix: config.redisKeyPrefix, logger })
    : undefined;
  const webHandler = await loadWebHandler();
  if (!webHandler) {
    logger.warn('web app is not built (web/build/handler.js missing): serving the API only; run the build first');
  }
  const server = createApp({
    store,
    logger,
    webHandler,
    config: {
      publicUrl: config.publicUrl,
      allowedHosts: config.allowedHosts,
      allowedOrigins: config.allowedOrigins,
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      ...(config.oidc ? { oidc: config.oidc } : {}),
      processMetrics: true,
    },
    adapter: cluster?.adapter,
    limiters: limits?.limiters,
  });
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.port, config.host, resolve);
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, host: config.host, store: store.kind, clustered: cluster !== undefined }, 'Runde is listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    logger.info({ signal }, 'shutting down: not ready, finishing the commands in flight');
    // Bounded: a command stuck on an unanswering Redis must not keep the node (and a deploy) waiting.
    const force = setTimeout(() => {
      logger.error({ ms: Math.round(performance.now() - started) }, 'shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    try {
      // Sockets reconnect to whichever node is up; nothing is lost, the state is in the store.
      await server.close();
      await cluster?.close();
      await limits?.close();
      await store.close();
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    logger.info({ signal, ms: Math.round(performance.now() - started) }, 'shut down');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Runde failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
