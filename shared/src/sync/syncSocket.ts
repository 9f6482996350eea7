import type { KindCommandType } from '../kinds.ts';
import type { Ack } from '../protocol/errors.ts';
import type { CommandMeta, CommandResult, SyncRequest, SyncResult, TimePong } from '../protocol/socketEvents.ts';

/**
 * What the sync engine needs of a connection to the server: whether it is up, and the three
 * requests it makes. Each resolves with the server's ack and rejects when no answer came (a
 * timeout, or the connection dropped), since then the request may or may not have arrived.
 * Pushes (`session:events`) go the other way: whoever owns the socket hands them to
 * {@link ReplicaSync.receive}. A Socket.IO client socket is adapted in a few lines; tests use
 * an in-memory pair.
 */
export interface SyncSocket {
  readonly connected: boolean;
  sync(request: SyncRequest): Promise<Ack<SyncResult>>;
  command(type: KindCommandType, payload: unknown, meta: CommandMeta): Promise<Ack<CommandResult>>;
  ping(): Promise<Ack<TimePong>>;
}

/**
 * Time as the engine sees it: the device's clock, delays, and a random number for spreading a
 * room's requests. Injected so tests run the engine on a clock they move themselves.
 */
export interface Scheduler {
  now(): number;
  /** Runs `run` after `ms`; the returned function cancels it. */
  later(ms: number, run: () => void): () => void;
  random(): number;
}

/** The real clock and `setTimeout`. */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  later(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
  random: () => Math.random(),
};

/**
 * The requests of {@link SyncSocket} as a Socket.IO client emits them (`socket.timeout(ms)`): an
 * ack, or a rejection when none came in time or the connection dropped.
 */
export interface SyncEmitter {
  emitWithAck(event: 'session:sync', request: SyncRequest): Promise<Ack<SyncResult>>;
  emitWithAck(event: 'time:ping', request: Record<string, never>): Promise<Ack<TimePong>>;
  emitWithAck(event: KindCommandType, payload: unknown, meta: CommandMeta): Promise<Ack<CommandResult>>;
}

/** The part of a Socket.IO client socket the engine uses. */
export interface SocketIoLike {
  readonly connected: boolean;
  timeout(ms: number): SyncEmitter;
}

/** How long a request waits for its ack; a clock ping less, since a slow one is useless anyway. */
export const REQUEST_TIMEOUT_MS = 8_000;
export const PING_TIMEOUT_MS = 3_000;

/** A Socket.IO client socket as a {@link SyncSocket}. */
export function socketIoSync(socket: SocketIoLike, timeoutMs = REQUEST_TIMEOUT_MS): SyncSocket {
  return {
    get connected() {
      return socket.connected;
    },
    sync: (request) => socket.timeout(timeoutMs).emitWithAck('session:sync', request),
    command: (type, payload, meta) => socket.timeout(timeoutMs).emitWithAck(type, payload, meta),
    ping: () => socket.timeout(Math.min(timeoutMs, PING_TIMEOUT_MS)).emitWithAck('time:ping', {}),
  };
}
