import { performance } from 'node:perf_hooks';
import type { SessionStore } from '../store/sessionStore.ts';
import type { AppMetrics } from './appMetrics.ts';

/** Often enough to see a slow Redis within a scrape interval, rare enough to cost nothing. */
const PING_INTERVAL_MS = 5_000;

/**
 * PINGs Redis on an interval and records the round trips that got an answer; a failed one is the
 * readiness probe's news, not a duration. Only for the Redis store: memory has no round trip.
 * Returns the function that stops it.
 */
export function startStorePings(store: SessionStore, metrics: AppMetrics, intervalMs = PING_INTERVAL_MS): () => void {
  if (store.kind !== 'redis') return () => undefined;
  let busy = false;
  const ping = async () => {
    if (busy) return;
    busy = true;
    const started = performance.now();
    try {
      if (await store.ping()) metrics.observeStorePing((performance.now() - started) / 1000);
    } finally {
      busy = false;
    }
  };
  void ping();
  const interval = setInterval(() => void ping(), intervalMs);
  interval.unref();
  return () => clearInterval(interval);
}
