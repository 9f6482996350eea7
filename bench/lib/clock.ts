/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC on Linux, which `process.hrtime`
 * reads). Every process on the machine reads the same clock, so a time taken in one client worker
 * and one taken in another compare directly, at sub-millisecond resolution and without wall-clock
 * steps. Only differences mean anything.
 */
export function monoNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
