/**
 * Per key, at most one task running and one waiting, and the waiting one is always the newest:
 * work that only needs the latest input (a table's summary after a burst of votes, a hall's rhythm
 * after several changes) runs once per burst instead of once per commit, and never out of order
 * within this process.
 */
export class LatestOnly<T> {
  readonly #run: (key: string, input: T) => Promise<void>;
  readonly #waiting = new Map<string, T>();
  readonly #running = new Map<string, Promise<void>>();

  constructor(run: (key: string, input: T) => Promise<void>) {
    this.#run = run;
  }

  push(key: string, input: T): void {
    this.#waiting.set(key, input);
    if (!this.#running.has(key)) this.#next(key);
  }

  /** Resolves once nothing is running or waiting (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running.values());
  }

  #next(key: string): void {
    if (!this.#waiting.has(key)) {
      this.#running.delete(key);
      return;
    }
    const input = this.#waiting.get(key) as T;
    this.#waiting.delete(key);
    // `run` reports its own failures; a rejection here must not stop the key's later work.
    const running = this.#run(key, input)
      .catch(() => undefined)
      .then(() => this.#next(key));
    this.#running.set(key, running);
  }
}
