import type { Scheduler } from '../syncSocket.ts';

/** A small seeded generator (mulberry32): the same seed gives the same run, so a failing seed replays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A {@link Scheduler} on a clock the test moves: nothing runs until {@link advance}, and then in
 * the order of the times it was due.
 */
export class ManualScheduler implements Scheduler {
  #now: number;
  #next = 0;
  readonly #tasks = new Map<number, { at: number; run: () => void }>();
  readonly random: () => number;

  constructor(start = 1_700_000_000_000, random: () => number = seededRandom(1)) {
    this.#now = start;
    this.random = random;
  }

  now(): number {
    return this.#now;
  }

  later(ms: number, run: () => void): () => void {
    const id = (this.#next += 1);
    this.#tasks.set(id, { at: this.#now + Math.max(0, ms), run });
    return () => this.#tasks.delete(id);
  }

  /** How many tasks wait. */
  get pending(): number {
    return this.#tasks.size;
  }

  /** Moves the clock on by `ms`, running every task that falls due on the way. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#tasks.entries()]
        .filter(([, task]) => task.at <= until)
        .sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
      if (!due) break;
      const [id, task] = due;
      this.#tasks.delete(id);
      this.#now = Math.max(this.#now, task.at);
      task.run();
    }
    this.#now = until;
  }
}
