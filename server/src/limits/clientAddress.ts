import type { IncomingMessage } from 'node:http';
import type { Express, Request } from 'express';

/**
 * The client's address for a request express never routed (a socket's handshake), worked out by
 * express's own `req.ip`: the same `trust proxy` setting applies to sockets and to HTTP, so one
 * client is one key in every per-address budget. Without `trust proxy` it is the peer address.
 */
export function clientAddress(app: Express, req: IncomingMessage): string {
  // `app.request` is the prototype express gives its requests; `ip` reads only these two fields.
  const view = Object.create(app.request, {
    headers: { value: req.headers },
    socket: { value: req.socket },
  }) as Request;
  return view.ip ?? req.socket.remoteAddress ?? 'unknown';
}
