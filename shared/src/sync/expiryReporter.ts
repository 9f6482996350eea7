import type { Timer } from '../core/timer.ts';
import { ErrorCode, type Ack } from '../protocol/errors.ts';
import type { CommandResult } from '../protocol/socketEvents.ts';
import { realScheduler, type Scheduler } from './syncSocket.ts';

/**
 * Who tells the server that the timer ran out: facilitators' devices at once; everyone else only
 * if it is still running a few seconds later (no facilitator online), spread out so that a room
 * of phones does not send all at the same moment. The server's clock decides either way.
 */
export const EXPIRE_BACKUP_DELAY_MS = [2_000, 4_000] as const;
const EXPIRE_RETRY_MS = 400;
const EXPIRE_RETRIES = 5;

export interface ExpiryReporterOptions {
  /** The timer as the replica holds it now; undefined before the first sync. */
  timer(): Timer | undefined;
  /** This device's estimate of the server's clock. */
  serverNow(): number;
  /** Whether this device reports at once (it may control the timer) or only as a backup. */
  first(): boolean;
  /** Sends `timer:expire`, not held: a late one is useless. */
  send(): Promise<Ack<CommandResult>>;
  scheduler?: Scheduler;
}

/**
 * Sets an alarm for the moment the running timer reaches zero on this device's estimate of the
 * server clock, then sends `timer:expire`. Idempotent on the server: several devices may send it,
 * and one sent a little early (`timer_not_due`) is tried again shortly.
 */
export class ExpiryReporter {
  readonly #options: ExpiryReporterOptions;
  readonly #scheduler: Scheduler;
  #cancel: (() => void) | undefined;
  #stopped = false;

  constructor(options: ExpiryReporterOptions) {
    this.#options = options;
    this.#scheduler = options.scheduler ?? realScheduler;
  }

  /** Sets the alarm for the timer as it is now (call on every change of the timer or the clock). */
  arm(): void {
    this.#cancel?.();
    const timer = this.#options.timer();
    if (this.#stopped || timer?.status !== 'running') return;
    const [min, max] = EXPIRE_BACKUP_DELAY_MS;
    const delay = this.#options.first() ? 0 : min + this.#scheduler.random() * (max - min);
    this.#at(timer.endsAt - this.#options.serverNow() + delay, () => void this.#expire(timer.endsAt, 0));
  }

  close(): void {
    this.#stopped = true;
    this.#cancel?.();
  }

  async #expire(endsAt: number, attempt: number): Promise<void> {
    const timer = this.#options.timer();
    if (this.#stopped || timer?.status !== 'running' || timer.endsAt !== endsAt) return;
    const result = await this.#options.send();
    // Our clock estimate ran a little ahead of the server's: ask again shortly.
    if (!result.ok && result.error.code === ErrorCode.timerNotDue && attempt < EXPIRE_RETRIES) {
      this.#at(EXPIRE_RETRY_MS, () => void this.#expire(endsAt, attempt + 1));
    }
  }

  #at(ms: number, run: () => void): void {
    this.#cancel = this.#scheduler.later(ms, run);
  }
}
