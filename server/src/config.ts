import { isIP } from 'node:net';
import { z } from 'zod';
import { HOSTNAME } from './http/hostPolicy.ts';
import {
  parseNodeAddress,
  type RedisNodeAddress,
  type RedisTarget,
  type ReplicaAckPolicy,
} from './store/redisTarget.ts';

/** Unset and empty variables mean the same: use the default. Shell scripts often export `X=`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** A comma-separated list, blanks around entries ignored, empty entries dropped. */
const list = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/** `*`, or host names without scheme or port: `runde.example.org,runde.intern`. */
const allowedHostsSchema = z.string().transform((value, ctx) => {
  const entries = list(value);
  if (entries.length === 1 && entries[0] === '*') return 'any' as const;
  const bad = entries.filter((entry) => !HOSTNAME.test(entry));
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `must be * or host names without scheme or port (${bad.join(', ')})` });
    return z.NEVER;
  }
  return entries.map((entry) => entry.toLowerCase());
});

/** Origins as a browser sends them: `https://runde.example.org`, `http://192.168.1.20:3000`. */
const allowedOriginsSchema = z.string().transform((value, ctx) => {
  const entries = list(value).map((entry) => entry.replace(/\/+$/, ''));
  const bad = entries.filter((entry) => {
    try {
      const url = new URL(entry);
      return !['http:', 'https:'].includes(url.protocol) || url.origin !== entry.toLowerCase();
    } catch {
      return true;
    }
  });
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `must be origins like https://runde.example.org (${bad.join(', ')})` });
    return z.NEVER;
  }
  return entries.map((entry) => new URL(entry).origin);
});

/** `host:port,host:port`: the sentinels, or some nodes of a cluster (the client discovers the rest). */
const nodeListSchema = z.string().transform((value, ctx): RedisNodeAddress[] => {
  const entries = list(value);
  const parsed = entries.map(parseNodeAddress);
  const bad = entries.filter((_, i) => parsed[i] === null);
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `must be host:port entries, comma-separated (${bad.join(', ')})` });
    return z.NEVER;
  }
  return parsed.filter((address) => address !== null);
});

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/** An address or subnet as express (proxy-addr) reads it: `10.0.0.5`, `172.16.0.0/12`, `fd00::/8`. */
function isAddressOrSubnet(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return Number.isInteger(n) && n >= 0 && n <= (family === 4 ? 32 : 128) && /^\d+$/.test(bits);
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For, in express's own terms: a hop
 * count (`1`: the one proxy in front), or names, addresses and subnets. `true` (trust everyone) is
 * refused on purpose: any client could then pick its own address and escape every per-address limit.
 */
const trustProxySchema = z.string().transform((value, ctx): number | string[] => {
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const entries = list(value);
  const bad = entries.filter(
    (entry) => !(PROXY_NAMES as readonly string[]).includes(entry) && !isAddressOrSubnet(entry),
  );
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a hop count, or loopback, linklocal, uniquelocal, addresses and subnets (${bad.join(', ')})`,
    });
    return z.NEVER;
  }
  return entries;
});

/**
 * The shortest retention a team space may be given, in days. A team space is a team's record over
 * years (decision log, open actions, backlog), and it is only refreshed by a change: a team that
 * pauses (summer holidays, a reorganisation, a parental leave of its only facilitator) must find
 * it whole when it comes back. A year covers the longest such pause we can plausibly expect and
 * one more annual meeting; anything shorter turns a routine pause into silent data loss.
 */
export const TEAM_SPACE_RETENTION_MIN_DAYS = 365;

/**
 * A bearer token for Prometheus: long enough not to be guessed, and only characters a header can
 * carry without quoting.
 */
const metricsTokenSchema = z
  .string()
  .regex(/^[\x21-\x7e]{16,256}$/, 'must be 16 to 256 visible ASCII characters without spaces');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z
  .object({
    PORT: optional(z.coerce.number().int().min(0).max(65535)).transform((v) => v ?? 3000),
    HOST: optional(z.string().min(1)).transform((v) => v ?? '0.0.0.0'),
    REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
    REDIS_SENTINELS: optional(nodeListSchema),
    REDIS_SENTINEL_MASTER: optional(z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a sentinel master name')),
    REDIS_CLUSTER_NODES: optional(nodeListSchema),
    REDIS_USERNAME: optional(z.string().min(1).max(256)),
    REDIS_PASSWORD: optional(z.string().min(1).max(1024)),
    REDIS_SENTINEL_PASSWORD: optional(z.string().min(1).max(1024)),
    // A write acknowledged by the master alone is lost when the master dies before a replica has
    // it; with 1 or more, the node answers only once that many replicas hold the write.
    REDIS_MIN_REPLICAS: optional(z.coerce.number().int().min(0).max(16)).transform((v) => v ?? 0),
    REDIS_REPLICA_TIMEOUT_MS: optional(z.coerce.number().int().min(10).max(5_000)).transform((v) => v ?? 500),
    REDIS_KEY_PREFIX: optional(z.string().min(1).max(100)).transform((v) => v ?? 'runde:'),
    PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })).transform((v) =>
      v?.replace(/\/+$/, ''),
    ),
    ALLOWED_HOSTS: optional(allowedHostsSchema),
    ALLOWED_ORIGINS: optional(allowedOriginsSchema),
    TRUST_PROXY: optional(trustProxySchema),
    RETENTION_DAYS: optional(z.coerce.number().positive().max(3650)).transform((v) => v ?? 30),
    TEAM_SPACE_RETENTION_DAYS: optional(
      z.coerce
        .number()
        .min(TEAM_SPACE_RETENTION_MIN_DAYS, {
          error: `must be at least ${TEAM_SPACE_RETENTION_MIN_DAYS} days: a team that pauses for a year must find its space whole`,
        })
        .max(3650),
    ).transform((v) => v ?? 730),
    LOG_LEVEL: optional(z.enum(logLevels)).transform((v) => v ?? 'info'),
    METRICS_TOKEN: optional(metricsTokenSchema),
    OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
    OIDC_CLIENT_ID: optional(z.string().min(1).max(500)),
    OIDC_CLIENT_SECRET: optional(z.string().min(1).max(2000)),
    OIDC_LABEL: optional(z.string().trim().min(1).max(60)).transform((v) => v ?? 'Single sign-on'),
    OIDC_SCOPES: optional(
      z.string().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'must be scopes separated by spaces'),
    ).transform((v) => v ?? 'openid profile'),
    OIDC_GROUPS_CLAIM: optional(z.string().min(1).max(100)).transform((v) => v ?? 'groups'),
    OIDC_RECHECK_SECONDS: optional(z.coerce.number().int().min(10).max(86_400)).transform((v) => v ?? 300),
    OIDC_SESSION_HOURS: optional(
      z.coerce
        .number()
        .positive()
        .max(24 * 30),
    ).transform((v) => v ?? 10),
  })
  .superRefine((e, ctx) => {
    const chosen = (['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'] as const).filter((name) => e[name]);
    if (chosen.length > 1) {
      for (const name of chosen) {
        ctx.addIssue({ code: 'custom', path: [name], message: `set only one of ${chosen.join(', ')}` });
      }
    }
    if (e.REDIS_SENTINELS && !e.REDIS_SENTINEL_MASTER) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_SENTINEL_MASTER'],
        message: 'must name the master the sentinels watch (sentinel monitor <name> …)',
      });
    }
    if (e.OIDC_ISSUER || e.OIDC_CLIENT_ID || e.OIDC_CLIENT_SECRET) {
      // Sign-in needs all three, and PUBLIC_URL for the one callback address the provider knows.
      for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL'] as const) {
        if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is needed for single sign-on (OIDC_*)' });
      }
      if (e.OIDC_SCOPES.split(' ').indexOf('openid') === -1) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_SCOPES'], message: 'must include openid' });
      }
    }
    if (e.REDIS_MIN_REPLICAS > 0 && chosen.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_MIN_REPLICAS'],
        message: 'needs a Redis with replicas (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES)',
      });
    }
  });

export type LogLevel = (typeof logLevels)[number];

export interface Config {
  port: number;
  host: string;
  /** Where sessions are stored; unset: in this process's memory (one node only). */
  redis: RedisTarget | undefined;
  /** How many replicas hold a write before it is acknowledged (REDIS_MIN_REPLICAS, REDIS_REPLICA_TIMEOUT_MS). */
  replicaAck: ReplicaAckPolicy;
  redisKeyPrefix: string;
  /** Without a trailing slash. When unset, links are built from the request's own host. */
  publicUrl: string | undefined;
  /**
   * Host names answered besides PUBLIC_URL's and localhost, 127.0.0.1 and [::1]; `any` for `*`.
   * Requests naming another host get 421, so no link is built from a host nobody configured.
   */
  allowedHosts: readonly string[] | 'any' | undefined;
  /** Page origins that may open a socket besides PUBLIC_URL's and the requested host's own. */
  allowedOrigins: readonly string[] | undefined;
  /**
   * express's `trust proxy`: which proxies' X-Forwarded-For names the client. Unset: none, so every
   * per-address limit keys on the peer address (behind a proxy: the proxy's, shared by everyone).
   */
  trustProxy: number | readonly string[] | undefined;
  /** How long a Lean Coffee's keys live after its last write (`RETENTION_DAYS`). */
  retentionMs: number;
  /** How long a team space's keys live after its last write (`TEAM_SPACE_RETENTION_DAYS`). */
  teamSpaceRetentionMs: number;
  logLevel: LogLevel;
  /**
   * Bearer token `GET /metrics` requires. Unset: metrics answer only a scraper on loopback or a
   * private network that reaches the node directly, not through a proxy.
   */
  metricsToken: string | undefined;
  /** Single sign-on with one OpenID Connect provider (OIDC_*); unset: seats are held by link only. */
  oidc: OidcConfig | undefined;
}

/** The identity provider and how Runde uses it; see `signInProtocol.ts`. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's text. */
  label: string;
  scopes: string;
  /** The id_token (or userinfo) claim listing the person's groups. */
  groupsClaim: string;
  /** How old a sign-in's last confirmation by the provider may be before it is asked again. */
  recheckMs: number;
  /** How long a sign-in lasts at most. */
  sessionMs: number;
}

/** Thrown with a message meant for the operator's terminal, one line per bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'REDIS_URL',
  'REDIS_PASSWORD',
  'REDIS_SENTINEL_PASSWORD',
  'METRICS_TOKEN',
  'OIDC_CLIENT_SECRET',
]);

/** Reads the configuration from environment variables; throws {@link ConfigError} naming every bad one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.');
      // The value itself is shown because it is the operator's own input; secrets (REDIS_URL may
      // hold a password) are named but not echoed.
      const value = SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(env[name])})`;
      return `  ${name}: ${issue.message}${value}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    redis: redisTargetOf(e),
    replicaAck: { count: e.REDIS_MIN_REPLICAS, timeoutMs: e.REDIS_REPLICA_TIMEOUT_MS },
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    publicUrl: e.PUBLIC_URL,
    allowedHosts: e.ALLOWED_HOSTS,
    allowedOrigins: e.ALLOWED_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    retentionMs: Math.round(e.RETENTION_DAYS * DAY_MS),
    teamSpaceRetentionMs: Math.round(e.TEAM_SPACE_RETENTION_DAYS * DAY_MS),
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
            scopes: e.OIDC_SCOPES,
            groupsClaim: e.OIDC_GROUPS_CLAIM,
            recheckMs: e.OIDC_RECHECK_SECONDS * 1000,
            sessionMs: Math.round(e.OIDC_SESSION_HOURS * 60 * 60 * 1000),
          }
        : undefined,
  };
}

function redisTargetOf(e: z.infer<typeof envSchema>): RedisTarget | undefined {
  const credentials = {
    ...(e.REDIS_USERNAME ? { username: e.REDIS_USERNAME } : {}),
    ...(e.REDIS_PASSWORD ? { password: e.REDIS_PASSWORD } : {}),
  };
  if (e.REDIS_URL) return { kind: 'single', url: e.REDIS_URL };
  if (e.REDIS_SENTINELS && e.REDIS_SENTINEL_MASTER) {
    return {
      kind: 'sentinel',
      masterName: e.REDIS_SENTINEL_MASTER,
      sentinels: e.REDIS_SENTINELS,
      ...credentials,
      ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
    };
  }
  if (e.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: e.REDIS_CLUSTER_NODES, ...credentials };
  return undefined;
}
