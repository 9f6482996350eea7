import { ErrorCode, fail } from '@runde/shared';
import type { RequestHandler } from 'express';
import { sendError } from '../http/httpErrors.ts';
import type { AppMetrics } from './appMetrics.ts';
import { mayScrape } from './scraperAccess.ts';

/** `GET /metrics` for Prometheus, to those {@link mayScrape} admits; 403 to everyone else. */
export function metricsRoute(metrics: AppMetrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!mayScrape(req, token)) {
      sendError(res, fail(ErrorCode.forbidden, 'Metrics are for the internal network or the METRICS_TOKEN.').error);
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.scrape());
  };
}
