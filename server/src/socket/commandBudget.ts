import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { spend } from '../limits/rateLimits.ts';
import type { RundeSocket } from './types.ts';

/**
 * The budget commands and syncs spend from: one per participant seat and one per client address,
 * never per socket, since sockets cost nothing to open: ten sockets of one seat share one seat's
 * budget, and all seats behind one address share that address's. With Redis-backed limiters every
 * node spends from the same budgets.
 */
export function commandBudget(limiters: { seat: RateLimiterAbstract; address: RateLimiterAbstract }) {
  return async (socket: RundeSocket): Promise<boolean> => {
    const { sessionId, participantId, address } = socket.data;
    const [seat, byAddress] = await Promise.all([
      spend(limiters.seat, `${sessionId}:${participantId}`),
      spend(limiters.address, address),
    ]);
    return seat && byAddress;
  };
}

/** `time:ping` per socket: each device syncs its own clock, and a ping touches no store. */
export function pingBudget(limiter: RateLimiterAbstract) {
  return (socket: RundeSocket): Promise<boolean> => spend(limiter, socket.id);
}
