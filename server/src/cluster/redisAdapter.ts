import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from 'pino';
import type { ServerOptions } from 'socket.io';

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
  url: string;
  keyPrefix: string;
  logger: Logger;
  /** Tests use small ones; deployments the defaults above. */
  streamMaxLen?: number;
  streamTtlMs?: number;
  streamTtlRenewMs?: number;
}): Promise<ClusterAdapter> {
  const client = createClient({ url: options.url });
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
    },
  };
}

/**
 * The adapter fires PUBLISH for its pub/sub messages (server-side emits, heartbeats) without
 * handling a rejection, so a connection reset during an outage would end the process as an
 * unhandled rejection. Marking each publish as handled keeps the node up; callers that do await
 * the promise still see the failure, and clients catch up by version once Redis is back.
 */
function handlePublishFailures(client: ReturnType<typeof createClient>, logger: Logger): void {
  const publish = client.publish.bind(client);
  const handled = (...args: Parameters<typeof publish>) => {
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
  client: ReturnType<typeof createClient>,
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
