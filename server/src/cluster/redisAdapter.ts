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
  const adapter = createAdapter(client, {
    streamName: `${options.keyPrefix}socket.io`,
    channelPrefix: `${options.keyPrefix}socket.io`,
    sessionKeyPrefix: `${options.keyPrefix}sio:session:`,
    // Relayed commits are plain JSON; skipping the binary scan saves work on every message.
    onlyPlaintext: true,
  });
  return {
    adapter,
    async close() {
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
