import { randomUUID } from 'node:crypto';
import {
  everyKindFold,
  kindCommandTypes,
  PROTOCOL_VERSION,
  RECONNECT_BACKOFF,
  ReplicaSync,
  socketIoSync,
  type Ack,
  type KindCommandType,
  type KindState,
  type ClientToServerEvents,
  type CommandResult,
  type ServerToClientEvents,
  type SessionFold,
  type Timer,
} from '@runde/shared';
import { io, type Socket } from 'socket.io-client';
import { ByteCountingAgent } from './byteCountingAgent.ts';
import { monoNow } from './clock.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a client needs to connect: a seat as the HTTP API hands it out. */
export interface SeatInfo {
  sessionId: string;
  participantId: string;
  token: string;
}

export interface ClientOptions {
  /**
   * `version`: follow the version only (gap detection and catch-up exactly like the web app, but
   * no state), so thousands of clients fit one worker without the worker's GC skewing the timings.
   * `full`: also keep the state with the shared `applyEvent`, as the web app does.
   */
  mirror: 'version' | 'full';
  /** socket.io-client's own reconnection with the web app's backoff (`RECONNECT_BACKOFF`). */
  reconnection: boolean;
  /** Keep the raw text of `session:events` packets, to measure the delta frame size. */
  captureFrames?: boolean;
  /** Count the bytes the client receives on its TCP connection (see `bytesReceived`). */
  countBytes?: boolean;
}

export const ACK_TIMEOUT_MS = 10_000;

const commandTypes = new Set<string>(kindCommandTypes);

/** A command name from a worker message, checked against the commands of every kind. */
function isKindCommandType(type: string): type is KindCommandType {
  return commandTypes.has(type);
}

/** What a `version` client holds instead of a state: only that it has one. */
const untracked = 'untracked';
type Held = KindState | typeof untracked;
/** Bench clients never report a timer's expiry, so a `version` client needs no timer. */
const idleTimer: Timer = { status: 'idle' };

/** The shared `applyEvent` for a `full` client; nothing for a `version` client, which follows versions only. */
const folds: Record<ClientOptions['mirror'], SessionFold<Held>> = {
  full: {
    start: (first) => everyKindFold.start(first),
    applyAll: (state, events) => (state === untracked ? state : everyKindFold.applyAll(state, events)),
    timerOf: (state) => (state === untracked ? idleTimer : everyKindFold.timerOf(state)),
  },
  version: { start: () => untracked, applyAll: (state) => state, timerOf: () => idleTimer },
};

/**
 * One participant's device: a real socket.io-client over its own WebSocket (`forceNew`), kept in
 * step by the web app's own sync engine (`ReplicaSync`): it catches up by `session:sync` on every
 * (re)connect and on every gap, holding pushes that arrive meanwhile, and applies the events of its
 * own commands' acks.
 */
export class BenchClient {
  readonly seat: SeatInfo;
  readonly url: string;
  readonly socket: ClientSocket;
  readonly #replica: ReplicaSync<Held>;
  /** Pushes seen with a version gap in front of them (each triggers a catch-up). */
  gaps = 0;
  disconnects = 0;
  /** Why the socket went, as socket.io-client says (`ping timeout`, `transport close`, …). */
  readonly disconnectReasons: Record<string, number> = {};
  /** Reconnection attempts socket.io-client made (its backoff shows in how many it needed). */
  reconnectAttempts = 0;
  /** Monotonic times of each successful connect and of each completed sync. */
  readonly connects: number[] = [];
  readonly syncs: Array<{ at: number; version: number }> = [];
  readonly frames: string[] = [];
  /** Told of every version change, so the worker can wake whoever waits for a version. */
  onVersion: (client: BenchClient, from: number, to: number) => void = () => undefined;
  /** When set, the monotonic time each version was applied, indexed by version − base − 1. */
  arrivals: { base: number; times: Float64Array } | null = null;
  /** When set, every version change as (monotonic time, version). */
  history: Array<[number, number]> | null = null;
  #version = 0;
  readonly #bytes: ByteCountingAgent | null;

  constructor(url: string, seat: SeatInfo, options: ClientOptions) {
    this.seat = seat;
    this.url = url;
    this.#bytes = options.countBytes ? new ByteCountingAgent() : null;
    this.socket = io(url, {
      ...RECONNECT_BACKOFF,
      auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection,
      autoConnect: false,
      // engine.io-client hands `agent` on to the `ws` package, which opens the connection through it.
      ...(this.#bytes ? { transportOptions: { websocket: { agent: this.#bytes } } } : {}),
    });
    this.#replica = new ReplicaSync<Held>({
      socket: socketIoSync(this.socket, ACK_TIMEOUT_MS),
      fold: folds[options.mirror],
      fromSnapshot: (state) => (options.mirror === 'full' ? state : untracked),
      changed: (replica) => this.#advance(replica.version),
      gap: () => {
        this.gaps += 1;
      },
      synced: (replica) => {
        this.syncs.push({ at: monoNow(), version: replica.version });
      },
      stop: (problem) => {
        throw new Error(`sync refused: ${problem}`);
      },
    });
    this.socket.on('connect', () => {
      this.connects.push(monoNow());
      void this.sync();
    });
    this.socket.on('disconnect', (reason) => {
      this.disconnects += 1;
      this.disconnectReasons[reason] = (this.disconnectReasons[reason] ?? 0) + 1;
    });
    this.socket.io.on('reconnect_attempt', () => {
      this.reconnectAttempts += 1;
    });
    this.socket.on('session:events', (batch) => this.#replica.receive(batch.events));
    if (options.captureFrames) {
      this.socket.io.on('open', () => {
        this.socket.io.engine.on('packet', (packet: { data?: unknown }) => {
          if (typeof packet.data === 'string' && packet.data.startsWith('2["session:events"')) {
            this.frames.push(packet.data);
            if (this.frames.length > 200) this.frames.shift();
          }
        });
      });
    }
  }

  /** The version this client's copy reflects. */
  get version(): number {
    return this.#version;
  }

  /** Bytes received on the wire since the client was made (with `countBytes`; else NaN). */
  get bytesReceived(): number {
    return this.#bytes?.bytesRead ?? Number.NaN;
  }

  /** The state a `full` client holds; always null for a `version` client. */
  get state(): KindState | null {
    const { state } = this.#replica.replica;
    return state === untracked ? null : state;
  }

  /** Connects and resolves after the first sync; rejects on a refused handshake or a timeout. */
  open(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error('connect and sync timed out'));
      }, timeoutMs);
      const check = () => {
        if (this.syncs.length > 0) {
          cleanup();
          resolve();
        }
      };
      const failed = (err: Error) => {
        if (this.socket.io.opts.reconnection) return;
        cleanup();
        reject(err);
      };
      const poll = setInterval(check, 5);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.socket.off('connect_error', failed);
      };
      this.socket.on('connect_error', failed);
      this.socket.connect();
    });
  }

  /**
   * Sends a command with a fresh command id through the web app's socket adapter (`socketIoSync`),
   * timing it on the shared monotonic clock; an ok ack's events go into the copy, as in the web app.
   */
  async send(
    type: string,
    payload: unknown,
    timeoutMs = ACK_TIMEOUT_MS,
  ): Promise<{ sentAt: number; ackAt: number; ack: Ack<CommandResult> }> {
    if (!isKindCommandType(type)) throw new Error(`no such command: ${type}`);
    const sentAt = monoNow();
    const ack = await socketIoSync(this.socket, timeoutMs).command(type, payload, { commandId: randomUUID() });
    const ackAt = monoNow();
    if (ack.ok) this.#replica.acked(ack.data);
    return { sentAt, ackAt, ack };
  }

  /** Asks for what this client missed (see `ReplicaSync.sync`: bounded rounds, again a second later if still behind). */
  sync(): Promise<void> {
    return this.#replica.sync();
  }

  close(): void {
    this.#replica.close();
    this.socket.disconnect();
  }

  #advance(to: number): void {
    const from = this.#version;
    if (to === from) return;
    this.#version = to;
    this.history?.push([monoNow(), to]);
    if (this.arrivals) {
      const now = monoNow();
      const { base, times } = this.arrivals;
      // A snapshot may jump several versions at once: all of them were applied now.
      for (let v = Math.max(from, base) + 1; v <= to && v - base - 1 < times.length; v += 1) times[v - base - 1] = now;
    }
    this.onVersion(this, from, to);
  }
}
