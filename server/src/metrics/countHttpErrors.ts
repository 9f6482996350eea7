import type { RequestHandler } from 'express';
import type { AppMetrics } from './appMetrics.ts';

/** Counts every HTTP answer `sendError` made, by its error code, once the response is sent. */
export function countHttpErrors(metrics: Pick<AppMetrics, 'countError'>): RequestHandler {
  return (_req, res, next) => {
    res.once('finish', () => {
      const code: unknown = res.locals.errorCode;
      if (typeof code === 'string') metrics.countError(code);
    });
    next();
  };
}
