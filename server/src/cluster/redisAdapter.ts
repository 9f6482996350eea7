import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import type { ServerOptions } from 'socket.io';
import { createClusterClient, createSentinelClient, createSingleClient } from '../store/redisClients.ts';
import type { RedisTarget } from '../store/redisTarget.ts';

export interface ClusterAdapter {
  /** Hands to `new Server(…, { adapter })`. */
  adapter: NonNullable<ServerOptions['adapter']>;
  close(): Promise<void>;
}

/**
 * The stream's length bound. It only carries relayed commits and heartbeats for nodes that are up,
 * read within milliseconds; what it keeps is replay for a node whose Redis connection blipped. At
 * the storm rate of the figures of record (a few hundred relayed frames a second) 10,000 entries
 * cover well over ten seconds of such a gap. Redis trims approximately (`MAXLEN ~`): whole nodes of
 * `stream-node-max-entries` (100 by default), so the length stays below the bound plus that.
 */
export const STREAM_MAX_LEN = 10_000;

/**
 * Nothing reads the stream once every node is gone (a node starting up reads only what comes after
 * it), so it expires: every node renews this TTL while it runs, and the last one to stop leaves it
 * to run out. Far longer than the renewal interval, so an outage or a paused node never lets the
 * stream of a running cluster expire; if it did, the next message would simply start a new one.
 */
export const STREAM_TTL_MS = 15 * 60 * 1000;
export const STREAM_TTL_RENEW_MS = 60 * 1000;

/**
 * The Socket.IO adapter that joins the nodes sharing one Redis. The Redis Streams adapter, not
 * the Pub/Sub one: a stream keeps messages while a node's connection to Redis blips and replays
 * them when it is back, where Pub/Sub drops whatever is published during the gap; it also
 * supports connection state recovery. Its stream and channels carry the key prefix, so
 * deployments (and test runs) sharing a Redis stay apart.
 */
export async function openClusterAdapter(options: {
  /** One Redis by URL; or `target` for Sentinel and Cluster. */
  url?: string;
  target?: RedisTarget;
  keyPrefix: string;
  logger: Logger;
  /** Tests use small ones; deployments the defaults above. */
  streamMaxLen?: number;
  streamTtlMs?: number;
  streamTtlRenewMs?: number;
}): Promise<ClusterAdapter> {
  const target = options.target ?? (options.url ? { kind: 'single' as const, url: options.url } : undefined);
  if (!target) throw new Error('openClusterAdapter needs a url or a target');
  const { client, closeCopies } = adapterClient(target);
  let down = false;
  // Reconnection errors repeat many times a second during an outage: say it once, and when it ends.
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    options.logger.warn({ err }, 'cluster adapter: lost its Redis connection, retrying');
  });
  client.on('ready', () => {
    if (down) options.logger.info('cluster adapter: Redis connection restored');
    down = false;
  });
  await client.connect();
  handlePublishFailures(client, options.logger);
  const streamName = `${options.keyPrefix}socket.io`;
  const adapter = createAdapter(client, {
    streamName,
    maxLen: options.streamMaxLen ?? STREAM_MAX_LEN,
    channelPrefix: `${options.keyPrefix}socket.io`,
    sessionKeyPrefix: `${options.keyPrefix}sio:session:`,
    // Relayed commits are plain JSON; skipping the binary scan saves work on every message.
    onlyPlaintext: true,
  });
  const stopRenewing = renewStreamTtl(client, streamName, options);
  return {
    adapter,
    async close() {
      stopRenewing();
      await client.close().catch(() => undefined);
      closeCopies();
    },
  };
}

/**
 * The adapter fires PUBLISH for its pub/sub messages (server-side emits, heartbeats) without
 * handling a rejection, so a connection reset during an outage would end the process as an
 * unhandled rejection. Marking each publish as handled keeps the node up; callers that do await
 * the promise still see the failure, and clients catch up by version once Redis is back.
 */
function handlePublishFailures(client: AdapterClient, logger: Logger): void {
  // Typed loosely on purpose: the three client kinds' overloads do not unify, and only the promise matters here.
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const handled = (...args: unknown[]) => {
    const sent = publish(...args);
    sent.catch((err: unknown) => logger.debug({ err }, 'cluster adapter: a publish failed'));
    return sent;
  };
  Object.defineProperty(client, 'publish', { value: handled, configurable: true, writable: true });
}

/**
 * Sets the stream's TTL now and renews it on an interval. XADD keeps an existing TTL, so the stream
 * outlives its last writer by at most the TTL. The first renewal may find no stream yet (none is
 * written before the first message); the next one sets it.
 */
function renewStreamTtl(
  client: AdapterClient,
  streamName: string,
  options: { logger: Logger; streamTtlMs?: number; streamTtlRenewMs?: number },
): () => void {
  const ttlMs = options.streamTtlMs ?? STREAM_TTL_MS;
  const renew = () => {
    client.pExpire(streamName, ttlMs).catch((err: unknown) => {
      // Redis is away; the error handler above reports that once. Try again next round.
      options.logger.debug({ err }, 'cluster adapter: could not renew the stream TTL');
    });
  };
  renew();
  const interval = setInterval(renew, options.streamTtlRenewMs ?? STREAM_TTL_RENEW_MS);
  // Never the reason a process stays alive.
  interval.unref();
  return () => clearInterval(interval);
}

/**
 * The adapter's client for the deployment. The adapter duplicates it for its blocking stream reads
 * and its subscriptions, and ends those copies only lazily (a stream read ends them when it next
 * returns), so the copies are kept here and ended with the adapter: a copy left running retries
 * its connection for ever, and the Sentinel client even logs every failed try. node-redis's
 * Sentinel client has no `duplicate`; it gets one that opens a second Sentinel client to the same
 * master (its own connections, so a blocking XREAD never holds up the commits and publishes on the
 * first), with the `disconnect` the adapter calls.
 */
function adapterClient(target: RedisTarget) {
  const copies: Array<{ destroy(): unknown }> = [];
  /** The adapter's own lazy `disconnect` may come after the copy was ended here; then it must do nothing. */
  const quietly = <T extends { disconnect(): unknown }>(copy: T): T => {
    const disconnect = copy.disconnect.bind(copy);
    return Object.assign(copy, {
      disconnect: () =>
        Promise.resolve()
          .then(disconnect)
          .catch(() => undefined),
    });
  };
  const closeCopies = () => {
    for (const copy of copies.splice(0)) {
      try {
        Promise.resolve(copy.destroy()).catch(() => undefined);
      } catch {
        // Already closed by the adapter itself.
      }
    }
  };
  const keep = <T extends { destroy(): unknown }>(copy: T): T => {
    copies.push(copy);
    return copy;
  };
  switch (target.kind) {
    case 'single': {
      const client = createSingleClient(target.url);
      const duplicate = client.duplicate.bind(client);
      return { client: Object.assign(client, { duplicate: () => keep(quietly(duplicate())) }), closeCopies };
    }
    case 'cluster': {
      const client = createClusterClient(target);
      const duplicate = client.duplicate.bind(client);
      return { client: Object.assign(client, { duplicate: () => keep(quietly(duplicate())) }), closeCopies };
    }
    case 'sentinel': {
      const client = acceptArgsFirst(createSentinelClient(target));
      const duplicate = () => {
        const copy = keep(acceptArgsFirst(createSentinelClient(target)));
        return Object.assign(copy, { disconnect: () => copy.close().catch(() => undefined) });
      };
      return { client: Object.assign(client, { duplicate }), closeCopies };
    }
  }
}

type AdapterClient = ReturnType<typeof adapterClient>['client'];
type AdapterSentinel = ReturnType<typeof createSentinelClient>;

/**
 * The adapter counts the nodes (PUBSUB NUMSUB, before every request to the other nodes, e.g. the
 * `fetchSockets` presence asks on each connect) with a plain client's `sendCommand(args)`. The
 * Sentinel client's is `sendCommand(isReadonly, args)`: it took the array for the flag and sent no
 * arguments, and node-redis failed while writing (reading 'length' of undefined), so presence was
 * never recorded on Sentinel. Both forms are accepted.
 */
function acceptArgsFirst(client: AdapterSentinel): AdapterSentinel {
  const send = client.sendCommand.bind(client);
  const either = (first: boolean | undefined | string[], ...rest: unknown[]) =>
    Array.isArray(first) ? send(false, first) : send(first, ...(rest as [string[]]));
  Object.defineProperty(client, 'sendCommand', { value: either, configurable: true, writable: true });
  return client;
}
