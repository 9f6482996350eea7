import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults everything when nothing is set (empty counts as unset)', () => {
    expect(loadConfig({ PORT: '', PUBLIC_URL: '' })).toEqual({
      port: 3000,
      host: '0.0.0.0',
      redis: undefined,
      replicaAck: { count: 0, timeoutMs: 500 },
      redisKeyPrefix: 'runde:',
      publicUrl: undefined,
      allowedHosts: undefined,
      allowedOrigins: undefined,
      trustProxy: undefined,
      retentionMs: 30 * 24 * 60 * 60 * 1000,
      teamSpaceRetentionMs: 730 * 24 * 60 * 60 * 1000,
      logLevel: 'info',
      metricsToken: undefined,
      oidc: undefined,
    });
  });

  it('reads every variable, dropping a trailing slash from PUBLIC_URL', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '127.0.0.1',
        REDIS_URL: 'redis://:secret@redis:6379/0',
        REDIS_MIN_REPLICAS: '1',
        REDIS_REPLICA_TIMEOUT_MS: '250',
        REDIS_KEY_PREFIX: 'kommune:',
        PUBLIC_URL: 'https://runde.example.org/',
        ALLOWED_HOSTS: 'runde.example.org, Runde.Intern,[::1]',
        ALLOWED_ORIGINS: 'https://runde.example.org/,http://192.168.1.20:3000',
        TRUST_PROXY: 'loopback, 172.16.0.0/12,fd00::/8, 10.0.0.5',
        RETENTION_DAYS: '0.5',
        TEAM_SPACE_RETENTION_DAYS: '400',
        LOG_LEVEL: 'warn',
        METRICS_TOKEN: 'prometheus-7f3a9c2e1b',
      }),
    ).toEqual({
      port: 8080,
      host: '127.0.0.1',
      redis: { kind: 'single', url: 'redis://:secret@redis:6379/0' },
      replicaAck: { count: 1, timeoutMs: 250 },
      redisKeyPrefix: 'kommune:',
      publicUrl: 'https://runde.example.org',
      allowedHosts: ['runde.example.org', 'runde.intern', '[::1]'],
      allowedOrigins: ['https://runde.example.org', 'http://192.168.1.20:3000'],
      trustProxy: ['loopback', '172.16.0.0/12', 'fd00::/8', '10.0.0.5'],
      retentionMs: 12 * 60 * 60 * 1000,
      teamSpaceRetentionMs: 400 * 24 * 60 * 60 * 1000,
      logLevel: 'warn',
      metricsToken: 'prometheus-7f3a9c2e1b',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['REDIS_URL', 'http://redis:6379'],
    ['PUBLIC_URL', 'runde.example.org'],
    ['ALLOWED_HOSTS', 'runde.example.org:443'],
    ['ALLOWED_HOSTS', 'https://runde.example.org'],
    ['ALLOWED_HOSTS', 'runde.example.org,*'],
    ['ALLOWED_ORIGINS', 'runde.example.org'],
    ['ALLOWED_ORIGINS', 'https://runde.example.org/join'],
    ['ALLOWED_ORIGINS', 'ftp://runde.example.org'],
    ['RETENTION_DAYS', '0'],
    ['RETENTION_DAYS', 'thirty'],
    ['TEAM_SPACE_RETENTION_DAYS', '364'],
    ['TEAM_SPACE_RETENTION_DAYS', '30'],
    ['TEAM_SPACE_RETENTION_DAYS', 'two years'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'nginx'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['METRICS_TOKEN', 'short'],
    ['METRICS_TOKEN', 'has a space in the middle'],
    ['REDIS_SENTINELS', 'sentinel-1'],
    ['REDIS_SENTINELS', 'sentinel-1:70000'],
    ['REDIS_CLUSTER_NODES', 'redis://redis-1:6379'],
    ['REDIS_CLUSTER_NODES', ','],
    ['REDIS_MIN_REPLICAS', '-1'],
    ['REDIS_MIN_REPLICAS', 'one'],
    ['REDIS_REPLICA_TIMEOUT_MS', '0'],
  ])('names %s=%s in a clear error', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('refuses a team-space retention below its floor, saying why', () => {
    expect(() => loadConfig({ TEAM_SPACE_RETENTION_DAYS: '90' })).toThrow(
      /TEAM_SPACE_RETENTION_DAYS: must be at least 365 days: a team that pauses for a year must find its space whole \(got "90"\)/,
    );
    expect(loadConfig({ TEAM_SPACE_RETENTION_DAYS: '365' }).teamSpaceRetentionMs).toBe(365 * 24 * 60 * 60 * 1000);
  });

  it("reads a Sentinel deployment: sentinels, master name and the data nodes' credentials", () => {
    const config = loadConfig({
      REDIS_SENTINELS: 'sentinel-1:26379, sentinel-2:26379,[fd00::3]:26379',
      REDIS_SENTINEL_MASTER: 'runde',
      REDIS_USERNAME: 'runde',
      REDIS_PASSWORD: 'hunter2',
      REDIS_SENTINEL_PASSWORD: 'watch',
      REDIS_MIN_REPLICAS: '1',
    });
    expect(config.redis).toEqual({
      kind: 'sentinel',
      masterName: 'runde',
      sentinels: [
        { host: 'sentinel-1', port: 26379 },
        { host: 'sentinel-2', port: 26379 },
        { host: 'fd00::3', port: 26379 },
      ],
      username: 'runde',
      password: 'hunter2',
      sentinelPassword: 'watch',
    });
    expect(config.replicaAck).toEqual({ count: 1, timeoutMs: 500 });
  });

  it('reads a Cluster deployment from some of its nodes', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis-1:6379,redis-2:6379' }).redis).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-1', port: 6379 },
        { host: 'redis-2', port: 6379 },
      ],
    });
  });

  it('refuses two deployments at once, sentinels without a master name, and replicas without Redis', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'r:6379' })).toThrow(
      /REDIS_URL: set only one of REDIS_URL, REDIS_CLUSTER_NODES.*\n.*REDIS_CLUSTER_NODES: set only one/,
    );
    expect(() => loadConfig({ REDIS_SENTINELS: 's:26379' })).toThrow(/REDIS_SENTINEL_MASTER: must name the master/);
    expect(() => loadConfig({ REDIS_MIN_REPLICAS: '1' })).toThrow(/REDIS_MIN_REPLICAS: needs a Redis with replicas/);
  });

  it('never echoes the Redis passwords', () => {
    const attempt = () =>
      loadConfig({ REDIS_CLUSTER_NODES: 'r:6379', REDIS_PASSWORD: 'x'.repeat(2000), REDIS_SENTINEL_PASSWORD: '' });
    expect(attempt).toThrow(/REDIS_PASSWORD:/);
    expect(attempt).not.toThrow(/xxxx/);
  });

  it('reads ALLOWED_HOSTS=* as any host', () => {
    expect(loadConfig({ ALLOWED_HOSTS: ' * ' }).allowedHosts).toBe('any');
  });

  it('reads TRUST_PROXY as a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: ' 1 ' }).trustProxy).toBe(1);
  });

  it('lists every bad variable at once, and never echoes the Redis URL (it may hold a password)', () => {
    const attempt = () => loadConfig({ PORT: '-1', REDIS_URL: 'ftp://user:hunter2@host', LOG_LEVEL: 'x' });
    expect(attempt).toThrow(/PORT:.*\n.*REDIS_URL:.*\n.*LOG_LEVEL:/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('never echoes a bad METRICS_TOKEN: it is a secret even when malformed', () => {
    const attempt = () => loadConfig({ METRICS_TOKEN: 'almost-secret token' });
    expect(attempt).toThrow(/METRICS_TOKEN:/);
    expect(attempt).not.toThrow(/almost-secret/);
  });

  it('reads single sign-on with its defaults', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://runde.example.org',
      OIDC_ISSUER: 'https://id.example.org/realms/team',
      OIDC_CLIENT_ID: 'runde',
      OIDC_CLIENT_SECRET: 'secret-value',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://id.example.org/realms/team',
      clientId: 'runde',
      clientSecret: 'secret-value',
      label: 'Single sign-on',
      scopes: 'openid profile',
      groupsClaim: 'groups',
      recheckMs: 300_000,
      sessionMs: 10 * 60 * 60 * 1000,
    });
  });

  it('refuses single sign-on without PUBLIC_URL or a secret, or without the openid scope, never echoing the secret', () => {
    const read = () =>
      loadConfig({
        OIDC_ISSUER: 'https://id.example.org',
        OIDC_CLIENT_SECRET: 'very-secret-value',
        OIDC_SCOPES: 'profile groups',
      });
    expect(read).toThrow(/PUBLIC_URL: is needed/);
    expect(read).toThrow(/OIDC_CLIENT_ID: is needed/);
    expect(read).toThrow(/OIDC_SCOPES: must include openid/);
    expect(read).not.toThrow(/very-secret-value/);
  });
});
