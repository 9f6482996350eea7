import type { IncomingMessage } from 'node:http';

/** zlib window of compressed socket messages, both ways: 2 kB, so a socket's zlib state stays small. */
export const COMPRESSION_WINDOW_BITS = 11;

/**
 * The server compresses big answers with small zlib windows (`perMessageDeflate` in app.ts), and
 * the `ws` library then refuses the whole WebSocket handshake (400) of a client whose
 * permessage-deflate offer cannot take those windows: one that does not offer
 * `client_max_window_bits` (Firefox offers plain `permessage-deflate`), or asks the server for a
 * window of its own. Such a client is better served uncompressed than not at all, so its offer is
 * taken out of the request before `ws` reads it; Chrome's and Node's offers pass untouched.
 */
export function dropUnacceptableCompressionOffer(req: IncomingMessage, windowBits: number): void {
  const header = req.headers['sec-websocket-extensions'];
  if (typeof header !== 'string' || !header.includes('permessage-deflate')) return;
  const acceptable = header.split(',').some((offer) => {
    const [name, ...parts] = offer.split(';').map((part) => part.trim());
    const params = new Map(parts.map((part) => [part.split('=')[0], part.split('=')[1]] as const));
    if (name !== 'permessage-deflate' || params.has('server_max_window_bits')) return false;
    if (!params.has('client_max_window_bits')) return false;
    const clientBits = params.get('client_max_window_bits');
    return clientBits === undefined || Number(clientBits.replace(/"/g, '')) >= windowBits;
  });
  if (!acceptable) delete req.headers['sec-websocket-extensions'];
}
