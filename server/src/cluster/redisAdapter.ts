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
  client.on('error', (err: unknown) => {
    options.logger.warn({ err }, 'cluster adapter: Redis connection error');
  });
  await client.connect();
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
