import { StoreUnavailableError } from './sessionStore.ts';

/**
 * When a write that nobody waits on is asked again after a refusal: `tries` more times, the first
 * after about `firstDelayMs`, doubling (with jitter), for the failures `retryOn` picks.
 */
export interface RefusalRetry {
  tries: number;
  firstDelayMs: number;
  retryOn(err: unknown): boolean;
}

/**
 * For the writes the server makes on its own (presence after sockets come and go; after a commit,
 * a table's summary, its pick, a hall's rhythm relayed to its tables): nobody waits on them, so
 * nobody would ask again when the store refused (no answer within the store call's limit, during a
 * burst or a failover). 6 more tries from about 0.5 s, doubling: about half a minute of outage.
 */
export const storeRefusalRetry: RefusalRetry = {
  tries: 6,
  firstDelayMs: 500,
  retryOn: (err) => err instanceof StoreUnavailableError,
};

/** How long to wait before try `attempt + 1` (attempt 0 is the first refusal). */
export function refusalRetryDelayMs(retry: RefusalRetry, attempt: number): number {
  return retry.firstDelayMs * 2 ** attempt * (0.5 + Math.random());
}
