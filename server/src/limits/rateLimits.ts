import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** `points` requests per `durationSec` seconds. */
export interface RateLimit {
  points: number;
  durationSec: number;
}

/**
 * Every budget the server keeps. "Per address" means per client address as express sees it
 * (`req.ip`; behind a reverse proxy set express's `trust proxy` so it is the client's, not the
 * proxy's). A venue puts hundreds or thousands of phones behind one address, so what a full room
 * does with a valid code (open the join page, take a seat, connect and reconnect with it) has no
 * per-address budget at all: it is bounded by what it costs an attacker instead (a session holds at
 * most `limits.participantsPerSession` seats, and a seat's token cannot be guessed). What only an
 * attacker needs is tight: codes and keys that find nothing, handshakes without a seat, new sessions.
 */
export interface RateLimits {
  /** Per address: starting sessions. */
  create: RateLimit;
  /**
   * Per address: logins started (`/api/auth/login`). Each keeps a flow record for ten minutes, so
   * this bounds what one address can make the store hold (points × 600 s / durationSec flows).
   */
  signIn: RateLimit;
  /**
   * Per address: lookups that found nothing: a code without a session (join page, join, facilitator
   * link), a wrong facilitator key, a socket handshake without a seat. What guessing codes needs.
   */
  failedLookup: RateLimit;
  /** Per participant seat (all its sockets, on every node): commands and syncs. */
  seat: RateLimit;
  /** Per address (all seats and sockets behind it, on every node): commands and syncs. */
  address: RateLimit;
  /** Per socket: `time:ping`. A device sends a handful at connect and one now and then. */
  ping: RateLimit;
  /**
   * Per seat (all its sockets, on every node): whole snapshots in answer to `session:sync`. A device
   * needs one when it connects and after falling far behind; catching up by events is not counted.
   * A snapshot is the costliest answer the server gives, so asking for one over and over is bounded.
   */
  snapshot: RateLimit;
}

export const defaultRateLimits: RateLimits = {
  create: { points: 20, durationSec: 60 },
  // A team behind one office address signs in within minutes; at most 1,000 flows per address held.
  signIn: { points: 100, durationSec: 60 },
  // A room mistypes a few dozen codes; a guesser gets 14,400 tries a day per address, about one hit
  // in two months among 1,000 live codes of 887 million.
  failedLookup: { points: 100, durationSec: 600 },
  // Five a second for a person, whether on one device or ten.
  seat: { points: 50, durationSec: 10 },
  // 500 phones behind one address casting three votes each within ten seconds, plus their syncs.
  address: { points: 3_000, durationSec: 10 },
  ping: { points: 20, durationSec: 10 },
  snapshot: { points: 10, durationSec: 60 },
};

/** How many handshakes without a seat one engine.io connection may try before it is closed. */
export const DEFAULT_FAILED_HANDSHAKES_PER_CONNECTION = 3;

/**
 * Builds the limiter for one budget. `name` keeps budgets apart where limiters share a store:
 * with Redis, every node counts in the same place (see `openRedisLimiters`).
 */
export type LimiterFactory = (name: keyof RateLimits, limit: RateLimit) => RateLimiterAbstract;

/** Limiters in this process's memory: for the embedded store, where this is the only node. */
export const memoryLimiters: LimiterFactory = (_name, { points, durationSec }) =>
  new RateLimiterMemory({ points, duration: durationSec });

/** Spends one point of `key`'s budget; false when it is spent already. Store failures are thrown. */
export async function spend(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}
