import { StoreUnavailableError } from '../store/sessionStore.ts';
import type { RefusalRetry } from './latestOnly.ts';

/**
 * For the writes the server makes on its own after a commit (a table's summary, its pick, a hall's
 * rhythm relayed to its tables): nobody waits on them, so nobody would ask again when the store
 * refused (no answer within the store call's limit, during a burst or a failover). As presence
 * does: 6 more tries from about 0.5 s, doubling, so about half a minute of outage is covered.
 */
export const storeRefusalRetry: RefusalRetry = {
  tries: 6,
  firstDelayMs: 500,
  retries: (err) => err instanceof StoreUnavailableError,
};
