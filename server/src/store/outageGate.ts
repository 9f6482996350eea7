import { performance } from 'node:perf_hooks';
import { StoreUnavailableError } from './sessionStore.ts';

/**
 * While Redis does not answer, one call at a time (and at most one per probe interval) finds out
 * whether it is back; the others fail at once. Without this, the commands of a session, queued one
 * behind the other, would each wait out the full call timeout during a failover, and the last in
 * line would hear `unavailable` only after many seconds. With it, a device hears it within about
 * one call timeout and retries by itself.
 *
 * A call counts as an outage when it got no answer at all (timeout, connection lost); an answer,
 * even an error, shows Redis is there.
 */
export class OutageGate {
  #failing = false;
  #probing = false;
  #nextProbeAt = 0;
  readonly #isOutage: (err: unknown) => boolean;
  readonly #probeIntervalMs: number;
  readonly #now: () => number;

  constructor(isOutage: (err: unknown) => boolean, options: { probeIntervalMs?: number; now?: () => number } = {}) {
    this.#isOutage = isOutage;
    // About the interval at which devices retry (the outbox waits a second), so a retry finds a probe's slot.
    this.#probeIntervalMs = options.probeIntervalMs ?? 1_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Whether calls are failing now; for diagnostics and tests. */
  get failing(): boolean {
    return this.#failing;
  }

  /** The connection is (back) up: let every call through again. */
  reset(): void {
    this.#failing = false;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.#failing && (this.#probing || this.#now() < this.#nextProbeAt)) {
      throw new StoreUnavailableError('Redis is not answering; another call is finding out whether it is back');
    }
    const probe = this.#failing;
    if (probe) this.#probing = true;
    try {
      const result = await call();
      this.#failing = false;
      return result;
    } catch (err) {
      this.#failing = this.#isOutage(err);
      if (this.#failing) this.#nextProbeAt = this.#now() + this.#probeIntervalMs;
      throw err;
    } finally {
      if (probe) this.#probing = false;
    }
  }
}
