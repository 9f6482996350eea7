import { ErrorCode, fail } from '@runde/shared';
import type { RequestHandler } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sendError } from './httpErrors.ts';

/**
 * Limits a route per client IP. The limits are generous: a whole office behind one NAT address
 * joins a session within a minute. Behind a reverse proxy, set express's `trust proxy` so the IP
 * is the client's, not the proxy's.
 */
export function limitByIp(limiter: RateLimiterAbstract): RequestHandler {
  return async (req, res, next) => {
    try {
      await limiter.consume(req.ip ?? 'unknown');
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
