/**
 * Runs tasks for one session one after another within this process. This is ordering, not state:
 * it keeps commands from racing each other into version conflicts and keeps broadcasts in version
 * order. Correctness across nodes still rests on the store's version check. A session's chain is
 * dropped as soon as it runs empty.
 */
export class SessionQueue {
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(sessionId) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(sessionId, tail);
    void tail.then(() => {
      if (this.#tails.get(sessionId) === tail) this.#tails.delete(sessionId);
    });
    return result;
  }

  /** Waits until every queued task has finished, including tasks queued while waiting. */
  async drain(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all(this.#tails.values());
  }

  /** Sessions with queued work; for tests and diagnostics. */
  get size(): number {
    return this.#tails.size;
  }
}
