import { ErrorCode, type KindVersionedEvent, type Timer } from '@runde/shared';
import type { Logger } from 'pino';
import { toAppError } from '../failures.ts';
import type { RunResult } from './commandRunner.ts';

export interface TimerSchedulerDeps {
  /** The same clock `decide` uses, so "due" means the same thing here and there. */
  clock: () => number;
  /** Runs the system command `timer:expire` for a session through the normal command path. */
  expire: (sessionId: string) => Promise<RunResult>;
  /** Whether a socket of this session is connected to THIS node. */
  isWatched: (sessionId: string) => boolean;
  logger: Logger;
}

/** `setTimeout` holds at most a signed 32-bit delay; a longer wait is armed again when it fires early. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** Wait before trying again when the store was unreachable at the due moment. */
export const EXPIRE_RETRY_MS = 1_000;

interface Pending {
  endsAt: number;
  handle: ReturnType<typeof setTimeout>;
}

/**
 * Expires running timers on time, per node. Whenever this node sees a session's state (its own
 * commits, syncs, sockets connecting), {@link track} arms one local timeout for the timer's
 * `endsAt`, replacing the one before. When it fires, it sends `timer:expire` as the system
 * through the command runner. Nothing here is the source of truth: `decide` turns every expire
 * after the first into no events, the store's version check stops two nodes from both writing,
 * and devices send `timer:expire` themselves when their display reaches zero. So duplicates and
 * a node that dies with a pending timeout are both harmless. Commits made on other nodes arrive
 * through the cluster relay and go through {@link trackEvents}, so every node watching a session
 * arms the same deadline and the first to fire wins.
 */
export class TimerScheduler {
  readonly #deps: TimerSchedulerDeps;
  readonly #pending = new Map<string, Pending>();
  #closed = false;

  constructor(deps: TimerSchedulerDeps) {
    this.#deps = deps;
  }

  /**
   * Arms (or re-arms) expiry for the timer as last seen; cancels it when the timer is not
   * running or no socket of the session is left on this node. Always replaces the earlier
   * timeout, also for the same `endsAt`: a re-observation then corrects for a clock that jumped.
   */
  track(sessionId: string, timer: Timer): void {
    if (this.#closed) return;
    if (timer.status !== 'running' || !this.#deps.isWatched(sessionId)) {
      this.cancel(sessionId);
      return;
    }
    this.#arm(sessionId, timer.endsAt, timer.endsAt - this.#deps.clock());
  }

  /**
   * Tracks the newest timer among committed events (unmasked, in version order). Events without
   * a timer change say nothing about the timer, so they leave any armed timeout as it is.
   */
  trackEvents(sessionId: string, events: readonly KindVersionedEvent[]): void {
    const latest = events.findLast(({ event }) => event.type === 'timer:set')?.event;
    if (latest?.type === 'timer:set') this.track(sessionId, latest.timer);
  }

  /** Drops a session's timeout once no socket of it is left on this node; another node or a device takes over. */
  release(sessionId: string): void {
    if (!this.#deps.isWatched(sessionId)) this.cancel(sessionId);
  }

  cancel(sessionId: string): void {
    const pending = this.#pending.get(sessionId);
    if (!pending) return;
    clearTimeout(pending.handle);
    this.#pending.delete(sessionId);
  }

  /** When this node will next try to expire the session's timer (its clock), if it will; for diagnostics and tests. */
  dueAt(sessionId: string): number | undefined {
    return this.#pending.get(sessionId)?.endsAt;
  }

  /** Sessions with an armed timeout. */
  get size(): number {
    return this.#pending.size;
  }

  /** Clears every timeout and arms no more; an expire already running finishes in the runner's queue. */
  close(): void {
    this.#closed = true;
    for (const { handle } of this.#pending.values()) clearTimeout(handle);
    this.#pending.clear();
  }

  #arm(sessionId: string, endsAt: number, delayMs: number): void {
    this.cancel(sessionId);
    const handle = setTimeout(() => void this.#fire(sessionId, endsAt), Math.min(Math.max(0, delayMs), MAX_DELAY_MS));
    this.#pending.set(sessionId, { endsAt, handle });
  }

  async #fire(sessionId: string, endsAt: number): Promise<void> {
    this.#pending.delete(sessionId);
    if (this.#closed || !this.#deps.isWatched(sessionId)) return;
    const { logger } = this.#deps;
    let result: RunResult;
    try {
      result = await this.#deps.expire(sessionId);
    } catch (err) {
      toAppError(err, logger, { where: 'timer expiry', sessionId });
      this.#retry(sessionId, endsAt, EXPIRE_RETRY_MS);
      return;
    }
    if (result.ok) {
      logger.debug({ sessionId, version: result.version, expired: result.events.length > 0 }, 'timer expiry');
      return;
    }
    switch (result.error.code) {
      // This clock and the one that armed the timeout disagree by a rounding step, or the wait was
      // longer than one timeout can hold: try again when what is left has passed.
      case ErrorCode.timerNotDue:
        this.#retry(sessionId, endsAt, endsAt - this.#deps.clock());
        return;
      // Another node kept winning the version check; its write will have expired the timer, or the next try will.
      case ErrorCode.conflict:
      case ErrorCode.unavailable:
        this.#retry(sessionId, endsAt, EXPIRE_RETRY_MS);
        return;
      // Ended or gone: there is nothing left to expire.
      default:
        logger.debug({ sessionId, code: result.error.code }, 'timer expiry refused');
    }
  }

  /**
   * Arms again after a failed try, unless newer news arrived meanwhile: the runner tells
   * {@link track} about the state it loaded, so the session may already be armed for a new `endsAt`.
   */
  #retry(sessionId: string, endsAt: number, delayMs: number): void {
    if (this.#closed || this.#pending.has(sessionId) || !this.#deps.isWatched(sessionId)) return;
    this.#arm(sessionId, endsAt, Math.max(1, delayMs));
  }
}
