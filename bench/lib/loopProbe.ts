import { monoNow } from './clock.ts';
import {
  constants,
  monitorEventLoopDelay,
  performance,
  type PerformanceEntry,
  PerformanceObserver,
} from 'node:perf_hooks';

/**
 * What kept a process's event loop from answering during a measured window: the loop's delay
 * (perf_hooks' histogram), its GC pauses by kind, and the longest stalls with when they happened.
 * A late ack can come from the server node and from the client worker that timed it, so the
 * server and every client worker run one of these over the same window.
 */
export interface LoopReport {
  /**
   * Event-loop delay, ms: how much later than due monitorEventLoopDelay's 10 ms timer ran (its
   * raw figures include the 10 ms interval itself; that is taken off here).
   */
  delay: { p50: number; p99: number; max: number; mean: number };
  gc: {
    count: number;
    totalMs: number;
    maxMs: number;
    byKind: Record<string, { count: number; totalMs: number; maxMs: number }>;
  };
  /**
   * The longest moments the loop did not run (a 5 ms ticker that fired late by `ms`), and the
   * longest GC pauses; `at` on the machine's monotonic clock (`monoNow`), so they line up with the
   * acks timed in other processes.
   */
  stalls: Array<{ at: number; ms: number }>;
  gcPauses: Array<{ at: number; ms: number; kind: string }>;
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor (scavenge)',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major (mark-compact)',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

const RESOLUTION_MS = 10;

/** `monoNow()` minus `performance.now()`: turns perf_hooks times into `monoNow` times. */
const perfToMono = () => monoNow() - performance.now();

/** Keeps the `size` largest items by `ms`. Kept small, so a sort per insert is fine. */
export function keepLargest<T extends { ms: number }>(list: T[], item: T, size: number): void {
  if (list.length >= size && (list.at(-1)?.ms ?? 0) >= item.ms) return;
  list.push(item);
  list.sort((a, b) => b.ms - a.ms);
  if (list.length > size) list.length = size;
}

/** Starts watching this process's event loop; `stop()` ends the window and reports it. */
export function startLoopProbe(options: { keep?: number; tickMs?: number } = {}): { stop(): LoopReport } {
  const keep = options.keep ?? 10;
  const offset = perfToMono();
  const tickMs = options.tickMs ?? 5;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const gc: LoopReport['gc'] = { count: 0, totalMs: 0, maxMs: 0, byKind: {} };
  const gcPauses: LoopReport['gcPauses'] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
      const kind = GC_KINDS[detail?.kind ?? -1] ?? 'other';
      const ms = entry.duration;
      gc.count += 1;
      gc.totalMs += ms;
      gc.maxMs = Math.max(gc.maxMs, ms);
      const k = (gc.byKind[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
      k.count += 1;
      k.totalMs += ms;
      k.maxMs = Math.max(k.maxMs, ms);
      keepLargest(gcPauses, { at: offset + entry.startTime, ms, kind }, keep);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  // The histogram says how late the loop was, not when; a ticker that notes its own lateness does.
  const stalls: LoopReport['stalls'] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const late = now - last - tickMs;
    if (late > 1) keepLargest(stalls, { at: offset + last + tickMs, ms: late }, keep);
    last = now;
  }, tickMs);
  ticker.unref();
  const ms = (ns: number) => Math.max(0, Math.round((ns - RESOLUTION_MS * 1e6) / 1e4) / 100);
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    stop() {
      delay.disable();
      observer.disconnect();
      clearInterval(ticker);
      for (const k of Object.values(gc.byKind)) {
        k.totalMs = r(k.totalMs);
        k.maxMs = r(k.maxMs);
      }
      return {
        delay: {
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
          mean: ms(delay.mean),
        },
        gc: { ...gc, totalMs: r(gc.totalMs), maxMs: r(gc.maxMs) },
        stalls: stalls.map((s) => ({ at: s.at, ms: r(s.ms) })),
        gcPauses: gcPauses.map((p) => ({ ...p, ms: r(p.ms) })),
      };
    },
  };
}
