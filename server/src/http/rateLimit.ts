import { ErrorCode, fail } from '@runde/shared';
import type { Request, RequestHandler } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sendError } from './httpErrors.ts';

const keyOf = (req: Request) => req.ip ?? 'unknown';

/**
 * Limits a route per client IP. Behind a reverse proxy, set express's `trust proxy` so the IP is
 * the client's, not the proxy's. For a budget that counts only failures, the point is still taken
 * here, before the work, so a burst of parallel requests cannot overtake the count; the handler
 * gives it back with {@link refund} when the request succeeded.
 */
export function limitByIp(limiter: RateLimiterAbstract): RequestHandler {
  return async (req, res, next) => {
    try {
      await limiter.consume(keyOf(req));
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        next(rejection);
        return;
      }
      res.setHeader('Retry-After', String(Math.ceil(rejection.msBeforeNext / 1000)));
      sendError(res, fail(ErrorCode.rateLimited, 'Too many requests. Please wait a moment.').error);
    }
  };
}

/** Gives back the point `limitByIp` took for this request. A failure here only costs the client that point. */
export async function refund(limiter: RateLimiterAbstract, req: Request): Promise<void> {
  await limiter.reward(keyOf(req), 1).catch(() => undefined);
}
