import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';

type SocketIoParser = Server['_parser'];
type Packet = Parameters<InstanceType<SocketIoParser['Encoder']>['encode']>[0];

/**
 * socket.io-parser as socket.io itself loads it, resolved from socket.io's own directory: the
 * encoder and the decoder we wrap are the very ones the engine speaks, whatever version it brings.
 * (It is socket.io's dependency, not ours; naming it in package.json would only risk a second copy.)
 */
const socketIoParser = createRequire(createRequire(import.meta.url).resolve('socket.io'))(
  'socket.io-parser',
) as SocketIoParser;
const { PacketType } = socketIoParser;

/**
 * What one decoded Socket.IO packet may hold. Socket.IO spreads an event's arguments onto the
 * stack (`listener.apply`, `emit(...args)`) in a `process.nextTick`, where a `RangeError` ends the
 * process: about 75,000 arguments did. Every bound here is far above what our protocol sends and
 * far below what any spread or recursion after it (zod, the encoder's `hasBinary`, logging) feels.
 */
export const frameLimits = {
  /**
   * Items of an EVENT or ACK packet's array: the event name, the payload, the command's meta, and
   * one spare, so a client that sends one argument too many still gets a typed `invalid_payload`.
   */
  eventItems: 4,
  /** Nested arrays and objects, counting the packet's array as 1; our deepest command payload nests 4. */
  depth: 16,
} as const;

/** Thrown from the decoder: Socket.IO then closes that one connection ("parse error") and nobody else notices. */
export class FrameRefusedError extends Error {
  override readonly name = 'FrameRefusedError';
}

/** Whether `value` nests arrays or objects deeper than `limit`; iterative, so depth itself cannot hurt it. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ item: unknown; depth: number }> = [{ item: value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { item, depth } = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item))
      pending.push({ item: child, depth: depth + 1 });
  }
  return false;
}

/** Why a decoded packet is refused, or undefined when it is one our protocol could have sent. */
function refusal(packet: Packet): string | undefined {
  if (packet.nsp !== '/') return 'namespace other than /';
  if (packet.id !== undefined && !(Number.isSafeInteger(packet.id) && packet.id >= 0)) return 'ack id out of range';
  const data: unknown = packet.data;
  switch (packet.type) {
    case PacketType.CONNECT:
    case PacketType.DISCONNECT:
      break;
    case PacketType.EVENT:
    case PacketType.ACK:
      if (!Array.isArray(data) || data.length > frameLimits.eventItems) return 'too many arguments';
      break;
    default:
      // CONNECT_ERROR is the server's to send; binary packets are not part of our protocol.
      return `packet type ${String(packet.type)}`;
  }
  return nestsDeeperThan(data, frameLimits.depth) ? 'nested too deeply' : undefined;
}

/**
 * Socket.IO's decoder, with every packet checked before Socket.IO sees it. Binary frames and
 * binary packet headers are refused before any decoding, so nothing waits for attachments.
 */
export class BoundedDecoder extends EventEmitter {
  readonly #inner = new socketIoParser.Decoder();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    super();
    this.#logger = logger;
    this.#inner.on('decoded', (packet: Packet) => {
      // Thrown inside the inner decoder's `add`, so it reaches Socket.IO's catch around `add`.
      const why = refusal(packet);
      if (why) this.#refuse(why);
      this.emit('decoded', packet);
    });
  }

  add(chunk: unknown): void {
    if (typeof chunk !== 'string') this.#refuse('binary frame');
    const type = Number(chunk.charAt(0));
    if (type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK) this.#refuse('binary packet');
    try {
      this.#inner.add(chunk);
    } catch (err) {
      // socket.io-parser's own refusals (bad type, unparsable JSON, reserved event names).
      if (!(err instanceof FrameRefusedError)) this.#logger.debug({ why: String(err) }, 'socket frame refused');
      throw err;
    }
  }

  destroy(): void {
    this.#inner.destroy();
  }

  #refuse(why: string): never {
    // Debug only: a refusal costs the sender its connection, and logging each one would hand a
    // flood of them a second victim.
    this.#logger.debug({ why }, 'socket frame refused');
    throw new FrameRefusedError(why);
  }
}

/** The `parser` option for our Socket.IO server: socket.io-parser's encoder, and its decoder bounded. */
export function boundedParser(logger: Logger): {
  Encoder: SocketIoParser['Encoder'];
  Decoder: new () => BoundedDecoder;
} {
  return {
    Encoder: socketIoParser.Encoder,
    Decoder: class extends BoundedDecoder {
      constructor() {
        super(logger);
      }
    },
  };
}
