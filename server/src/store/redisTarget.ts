/** One Redis server as a host and a port. */
export interface RedisNodeAddress {
  host: string;
  port: number;
}

/**
 * Which Redis deployment the node uses: one server by URL, a master watched by Redis Sentinel
 * (the client asks the sentinels where the master is and follows a failover), or a Redis Cluster
 * (sessions spread over its shards by their hash tag). All three are Redis's own engines; Runde
 * only picks the matching node-redis client.
 */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | {
      kind: 'sentinel';
      masterName: string;
      sentinels: readonly RedisNodeAddress[];
      /** For the data nodes (master and replicas). */
      username?: string;
      password?: string;
      /** For the sentinels themselves, when they require one. */
      sentinelPassword?: string;
    }
  | { kind: 'cluster'; nodes: readonly RedisNodeAddress[]; username?: string; password?: string };

/**
 * How many replicas must hold a write before the node acknowledges it (`WAIT`), and how long it
 * waits for them. `count` 0 acknowledges once the master has the write, as a single Redis does.
 */
export interface ReplicaAckPolicy {
  count: number;
  timeoutMs: number;
}

/** No replica is waited for: a single Redis, or a deployment that accepts losing the last writes on failover. */
export const NO_REPLICA_ACK: ReplicaAckPolicy = { count: 0, timeoutMs: 0 };

/** For logs: where the node stores, without any password. */
export function describeRedisTarget(target: RedisTarget): string {
  switch (target.kind) {
    case 'single': {
      const url = new URL(target.url);
      return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    }
    case 'sentinel':
      return `sentinel ${target.masterName} via ${target.sentinels.map(addressText).join(',')}`;
    case 'cluster':
      return `cluster via ${target.nodes.map(addressText).join(',')}`;
  }
}

function addressText({ host, port }: RedisNodeAddress): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * `host:port` as an operator writes it: `redis-1:26379`, `10.0.0.5:6379`, `[fd00::5]:6379`.
 * Returns null for anything else.
 */
export function parseNodeAddress(text: string): RedisNodeAddress | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return null;
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return null;
  return { host: (match[1] ?? match[2]) as string, port };
}
