import { Agent, type ClientRequestArgs } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * An HTTP agent that keeps the TCP sockets it opens, so a benchmark client can say how many bytes
 * it received on the wire: every WebSocket frame with its header, pings and the upgrade answer
 * included (what a phone's data plan pays for, short of TCP/IP headers). One agent per client.
 */
export class ByteCountingAgent extends Agent {
  readonly #sockets: Socket[] = [];

  override createConnection(
    options: ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const stream = super.createConnection(options, callback);
    if (stream instanceof Socket) this.#sockets.push(stream);
    return stream;
  }

  /** Bytes read from every socket this agent opened (a reconnect's new socket adds to the old ones'). */
  get bytesRead(): number {
    return this.#sockets.reduce((sum, socket) => sum + socket.bytesRead, 0);
  }
}
