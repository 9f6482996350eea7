import { randomUUID } from 'node:crypto';
import {
  applyEvent,
  PROTOCOL_VERSION,
  RECONNECT_BACKOFF,
  type Ack,
  type KindState,
  type KindVersionedEvent,
  type ClientToServerEvents,
  type CommandResult,
  type ServerToClientEvents,
  type SyncResult,
} from '@runde/shared';
import { io, type Socket } from 'socket.io-client';
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
}

export const ACK_TIMEOUT_MS = 10_000;
const RESYNC_DELAY_MS = 1_000;

/** The one place a benchmark client sends a command, with a fresh command id like the web app. */
export function emitCommand(socket: ClientSocket, type: string, payload: unknown, timeoutMs = ACK_TIMEOUT_MS) {
  const timed = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, ...args: unknown[]): Promise<Ack<CommandResult>>;
  };
  return timed.emitWithAck(type, payload, { commandId: randomUUID() });
}

/**
 * One participant's device: a real socket.io-client over its own WebSocket (`forceNew`), which
 * catches up by `session:sync` on every (re)connect and on every gap, holding pushes that arrive
 * meanwhile, like `web/src/lib/liveSession.svelte.ts`.
 */
export class BenchClient {
  readonly seat: SeatInfo;
  readonly url: string;
  readonly socket: ClientSocket;
  readonly #options: ClientOptions;
  version = 0;
  state: KindState | null = null;
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
  #syncing = false;
  #syncAgain = false;
  #held: KindVersionedEvent[] = [];

  constructor(url: string, seat: SeatInfo, options: ClientOptions) {
    this.seat = seat;
    this.url = url;
    this.#options = options;
    this.socket = io(url, {
      ...RECONNECT_BACKOFF,
      auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection,
      autoConnect: false,
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
    this.socket.on('session:events', (batch) => {
      if (this.#syncing) this.#held.push(...batch.events);
      else if (!this.#merge(batch.events)) void this.sync();
    });
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
        if (this.#options.reconnection) return;
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

  /** Sends a command through {@link emitCommand}, timing it on the shared monotonic clock. */
  async send(
    type: string,
    payload: unknown,
    timeoutMs = ACK_TIMEOUT_MS,
  ): Promise<{ sentAt: number; ackAt: number; ack: Ack<CommandResult> }> {
    const sentAt = monoNow();
    const ack = await emitCommand(this.socket, type, payload, timeoutMs);
    return { sentAt, ackAt: monoNow(), ack };
  }

  /** Asks for what this client missed; repeats while pushes keep showing gaps (bounded, like the web app). */
  async sync(): Promise<void> {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    try {
      for (let round = 0; round < 5; round += 1) {
        this.#syncAgain = false;
        const sinceVersion = this.#options.mirror === 'full' && !this.state ? 0 : this.version;
        let ack: Ack<SyncResult>;
        try {
          ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('session:sync', { sinceVersion });
        } catch {
          // No answer (an overloaded node): ask again while connected, as the web app does; a
          // reconnect syncs anyway. Pushes held meanwhile stay held for that next sync.
          this.#syncAgain = true;
          break;
        }
        if (!ack.ok) throw new Error(`sync refused: ${ack.error.code}`);
        if (ack.data.kind === 'snapshot') {
          if (ack.data.version >= this.version) {
            if (this.#options.mirror === 'full') this.state = ack.data.state;
            this.#advance(ack.data.version);
          }
        } else if (!this.#merge(ack.data.events)) this.#syncAgain = true;
        const held = this.#held;
        this.#held = [];
        if (!this.#merge(held)) this.#syncAgain = true;
        if (!this.#syncAgain || !this.socket.connected) break;
      }
      if (!this.#syncAgain) this.syncs.push({ at: monoNow(), version: this.version });
    } finally {
      this.#syncing = false;
    }
    // Still behind (no answer, or a session outpacing us): try again shortly, like the web app.
    if (this.#syncAgain && this.socket.connected) setTimeout(() => void this.sync(), RESYNC_DELAY_MS).unref();
  }

  close(): void {
    this.socket.disconnect();
  }

  /** Applies events that continue this client's version; false on a gap. */
  #merge(events: readonly KindVersionedEvent[]): boolean {
    for (const { version, event } of events) {
      if (version <= this.version) continue;
      if (version !== this.version + 1) {
        this.gaps += 1;
        return false;
      }
      if (this.#options.mirror === 'full' && this.state) this.state = applyEvent(this.state, event);
      this.#advance(version);
    }
    return true;
  }

  #advance(to: number): void {
    const from = this.version;
    if (to === from) return;
    this.version = to;
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
