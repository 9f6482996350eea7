/**
 * Latencies quantised to 0.01 ms and counted, so millions of samples from several processes
 * merge exactly (percentiles at 0.01 ms resolution) and travel over IPC as a short list.
 */
export class Histogram {
  readonly #counts = new Map<number, number>();
  #count = 0;
  #sum = 0;

  add(ms: number): void {
    const key = Math.max(0, Math.round(ms * 100));
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    this.#count += 1;
    this.#sum += key;
  }

  merge(other: Histogram | HistogramData): this {
    const pairs = other instanceof Histogram ? other.toJSON() : other;
    for (const [key, n] of pairs) {
      this.#counts.set(key, (this.#counts.get(key) ?? 0) + n);
      this.#count += n;
      this.#sum += key * n;
    }
    return this;
  }

  get count(): number {
    return this.#count;
  }

  /** Nearest-rank percentile in ms; NaN when empty. */
  percentile(p: number): number {
    if (this.#count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.#count));
    let seen = 0;
    for (const key of [...this.#counts.keys()].sort((a, b) => a - b)) {
      seen += this.#counts.get(key) ?? 0;
      if (seen >= rank) return key / 100;
    }
    return this.max;
  }

  get max(): number {
    if (this.#count === 0) return Number.NaN;
    let max = 0;
    for (const key of this.#counts.keys()) if (key > max) max = key;
    return max / 100;
  }

  get mean(): number {
    return this.#count === 0 ? Number.NaN : this.#sum / this.#count / 100;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.max,
      mean: round(this.mean),
    };
  }

  toJSON(): HistogramData {
    return [...this.#counts.entries()];
  }

  static from(data: HistogramData): Histogram {
    return new Histogram().merge(data);
  }
}

/** `[key (0.01 ms units), count]` pairs. */
export type HistogramData = Array<[number, number]>;

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export const round = (value: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Counts by key (error codes), mergeable across processes. */
export function mergeCounts(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
  return into;
}
