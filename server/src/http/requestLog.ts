import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** Logs method, matched route pattern, status and duration: no bodies, no query strings, no headers. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const route = typeof req.route?.path === 'string' ? `${req.baseUrl}${req.route.path}` : undefined;
      logger.debug(
        { method: req.method, route, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'http request',
      );
    });
    next();
  };
}
