import { estimateClockOffset, type ClockSample } from '../core/clock.ts';
import { realScheduler, type Scheduler, type SyncSocket } from './syncSocket.ts';

/** Pings per estimate; how long one may take; how often the estimate is renewed (clocks drift, phones sleep). */
export const CLOCK_SAMPLES = 5;
export const CLOCK_REFRESH_MS = 5 * 60_000;

export interface ServerClockOptions {
  socket: Pick<SyncSocket, 'connected' | 'ping'>;
  scheduler?: Scheduler;
  /** A new estimate of the offset (server clock minus this device's, ms). */
  changed?(offsetMs: number): void;
}

/**
 * This device's estimate of the server's clock, from a few `time:ping` round trips on every
 * connect and again every few minutes (see `estimateClockOffset`): what timers count against.
 */
export class ServerClock {
  #offsetMs = 0;
  readonly #options: ServerClockOptions;
  readonly #scheduler: Scheduler;
  #cancelRefresh: (() => void) | undefined;
  #stopped = false;

  constructor(options: ServerClockOptions) {
    this.#options = options;
    this.#scheduler = options.scheduler ?? realScheduler;
  }

  /** Server clock minus this device's clock, in ms; 0 until the first estimate. */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** This device's best estimate of the server's clock now. */
  now(): number {
    return this.#scheduler.now() + this.#offsetMs;
  }

  /** Pings the server a few times and keeps the offset of the quickest answer; again every few minutes. */
  async measure(): Promise<void> {
    this.#cancelRefresh?.();
    const { socket } = this.#options;
    const samples: ClockSample[] = [];
    for (let i = 0; i < CLOCK_SAMPLES && socket.connected; i += 1) {
      const sentAt = this.#scheduler.now();
      try {
        const ack = await socket.ping();
        if (!ack.ok) break;
        samples.push({ sentAt, receivedAt: this.#scheduler.now(), serverNow: ack.data.serverNow });
      } catch {
        break;
      }
    }
    if (this.#stopped) return;
    const estimate = estimateClockOffset(samples);
    if (estimate) {
      this.#offsetMs = estimate.offsetMs;
      this.#options.changed?.(estimate.offsetMs);
    }
    this.#cancelRefresh = this.#scheduler.later(CLOCK_REFRESH_MS, () => void this.measure());
  }

  close(): void {
    this.#stopped = true;
    this.#cancelRefresh?.();
  }
}
