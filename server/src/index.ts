export {
  createApp,
  defaultRateLimits,
  type AppConfig,
  type CreateAppOptions,
  type RateLimit,
  type RateLimits,
  type RundeApp,
} from './app.ts';
export { memoryLimiters, type LimiterFactory } from './limits/rateLimits.ts';
export { openRedisLimiters, type RedisLimiters } from './limits/redisLimiters.ts';
export { ConfigError, loadConfig, type Config, type OidcConfig } from './config.ts';
export * from './store/signInRecords.ts';
export { hashSecret, randomIds, type IdSource } from './ids.ts';
export { MemorySessionStore, type MemorySessionStoreOptions } from './store/memorySessionStore.ts';
export { RedisSessionStore, type RedisSessionStoreOptions } from './store/redisSessionStore.ts';
export { sessionKeys } from './store/sessionKeys.ts';
export {
  describeRedisTarget,
  NO_REPLICA_ACK,
  type RedisNodeAddress,
  type RedisTarget,
  type ReplicaAckPolicy,
} from './store/redisTarget.ts';
export { TimerScheduler, type TimerSchedulerDeps } from './session/timerScheduler.ts';
export * from './store/sessionStore.ts';
export type * from './store/seatDeviceStore.ts';
export type { RundeServer, SocketData } from './socket/types.ts';
export { createLogger, type Logger } from './logger.ts';
export { openClusterAdapter, type ClusterAdapter } from './cluster/redisAdapter.ts';
export { loadWebHandler } from './webHandler.ts';
export { createAppMetrics, type AppMetrics, type AppMetricsOptions } from './metrics/appMetrics.ts';
