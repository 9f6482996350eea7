import { refusalRetryDelayMs, type RefusalRetry } from '../store/storeRefusalRetry.ts';

export type { RefusalRetry };

interface Waiting<T> {
  input: T;
  attempt: number;
  /** The push this input came from; a retry is dropped once a newer push took its place. */
  pushed: object;
}

/**
 * Per key, at most one task running and one waiting, and the waiting one is always the newest:
 * work that only needs the latest input (a table's summary after a burst of votes, a hall's rhythm
 * after several changes) runs once per burst instead of once per commit, and never out of order
 * within this process. With a {@link RefusalRetry}, a refused task runs again later unless newer
 * input arrived meanwhile, so a retry never puts an older input after a newer one.
 */
export class LatestOnly<T> {
  readonly #run: (key: string, input: T) => Promise<void>;
  readonly #retry: RefusalRetry | undefined;
  readonly #waiting = new Map<string, Waiting<T>>();
  readonly #running = new Map<string, Promise<void>>();
  /** Per key, the newest push, while anything of the key runs, waits or is to be retried. */
  readonly #newest = new Map<string, object>();
  readonly #retrying = new Map<string, NodeJS.Timeout>();

  constructor(run: (key: string, input: T) => Promise<void>, retry?: RefusalRetry) {
    this.#run = run;
    this.#retry = retry;
  }

  push(key: string, input: T): void {
    const pushed = {};
    this.#newest.set(key, pushed);
    this.#enqueue(key, { input, attempt: 0, pushed });
  }

  /** Resolves once nothing is running or waiting (tests, shutdown); retries still to come are not waited for. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running.values());
  }

  #enqueue(key: string, waiting: Waiting<T>): void {
    this.#waiting.set(key, waiting);
    if (!this.#running.has(key)) this.#next(key);
  }

  #next(key: string): void {
    const waiting = this.#waiting.get(key);
    if (!waiting) {
      this.#running.delete(key);
      if (!this.#retrying.has(key)) this.#newest.delete(key);
      return;
    }
    this.#waiting.delete(key);
    // `run` reports its own failures; a rejection here must not stop the key's later work.
    const running = this.#run(key, waiting.input)
      .catch((err: unknown) => this.#retryLater(key, waiting, err))
      .then(() => this.#next(key));
    this.#running.set(key, running);
  }

  #retryLater(key: string, waiting: Waiting<T>, err: unknown): void {
    const retry = this.#retry;
    if (!retry || waiting.attempt >= retry.tries || !retry.retryOn(err)) return;
    const delay = refusalRetryDelayMs(retry, waiting.attempt);
    clearTimeout(this.#retrying.get(key));
    const timer = setTimeout(() => {
      this.#retrying.delete(key);
      // Newer input pushed meanwhile has run or will run; it supersedes this one.
      if (this.#newest.get(key) === waiting.pushed) {
        this.#enqueue(key, { ...waiting, attempt: waiting.attempt + 1 });
      } else if (!this.#running.has(key) && !this.#waiting.has(key)) {
        this.#newest.delete(key);
      }
    }, delay);
    timer.unref();
    this.#retrying.set(key, timer);
  }
}
