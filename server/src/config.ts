import { z } from 'zod';

/** Unset and empty variables mean the same: use the default. Shell scripts often export `X=`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535)).transform((v) => v ?? 3000),
  HOST: optional(z.string().min(1)).transform((v) => v ?? '0.0.0.0'),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
  REDIS_KEY_PREFIX: optional(z.string().min(1).max(100)).transform((v) => v ?? 'runde:'),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })).transform((v) =>
    v?.replace(/\/+$/, ''),
  ),
  RETENTION_DAYS: optional(z.coerce.number().positive().max(3650)).transform((v) => v ?? 30),
  LOG_LEVEL: optional(z.enum(logLevels)).transform((v) => v ?? 'info'),
});

export type LogLevel = (typeof logLevels)[number];

export interface Config {
  port: number;
  host: string;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  /** Without a trailing slash. When unset, links are built from the request's own host. */
  publicUrl: string | undefined;
  /** How long a session's keys live after its last write. */
  retentionMs: number;
  logLevel: LogLevel;
}

/** Thrown with a message meant for the operator's terminal, one line per bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads the configuration from environment variables; throws {@link ConfigError} naming every bad one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.');
      // The value itself is shown because it is the operator's own input; REDIS_URL may hold a
      // password, so that one is named but not echoed.
      const value = name === 'REDIS_URL' ? '' : ` (got ${JSON.stringify(env[name])})`;
      return `  ${name}: ${issue.message}${value}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    publicUrl: e.PUBLIC_URL,
    retentionMs: Math.round(e.RETENTION_DAYS * DAY_MS),
    logLevel: e.LOG_LEVEL,
  };
}
