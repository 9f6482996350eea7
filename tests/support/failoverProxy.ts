import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FailoverProxy {
  url: string;
  /** Which upstream port each accepted connection went to, in order. */
  readonly routed: number[];
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of several nodes, as nginx's `proxy_next_upstream error` behaves: each new
 * connection goes to the first upstream that accepts it, so a node that stopped listening is
 * skipped. TCP, not HTTP: WebSocket upgrades pass untouched, and the node sees a loopback peer.
 */
export async function startFailoverProxy(upstreamPorts: readonly number[]): Promise<FailoverProxy> {
  const routed: number[] = [];
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };

  const connectFirst = (client: Socket, index: number): void => {
    const port = upstreamPorts[index];
    if (port === undefined) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port });
    track(upstream);
    let connected = false;
    upstream.once('error', () => {
      if (connected) client.destroy();
      else connectFirst(client, index + 1);
    });
    upstream.once('connect', () => {
      connected = true;
      routed.push(port);
      client.pipe(upstream);
      upstream.pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
      client.resume();
    });
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => client.destroy());
    connectFirst(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
