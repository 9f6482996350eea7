import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { REDACT } from '../logger.ts';

/**
 * An incoming `X-Request-Id` is kept when it looks like an id (a proxy's or a load balancer's), so
 * one request can be followed through both logs; anything else is replaced, so a client cannot
 * write arbitrary text into the log.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Static assets (a page load fetches dozens) and probes (every few seconds, forever). */
const QUIET_PATH = /^\/(?:_app\/|healthz|readyz|metrics)(?:[/?]|$)/;

/** The route pattern express matched (`/api/sessions/:code`), never the path with its codes. */
function routeOf(req: IncomingMessage): string | undefined {
  const { route, baseUrl } = req as Request;
  return typeof route?.path === 'string' ? `${baseUrl}${route.path}` : undefined;
}

/**
 * One line per HTTP request with method, route pattern, status, duration and request id, which is
 * also echoed as `X-Request-Id`. Never bodies, query strings, cookies or headers: the serializers
 * below are the whole of what a request contributes, and the redaction guards whatever a later
 * `req.log` call might add. Server errors log at error; refusals, static assets and probes at
 * debug; the rest at info.
 */
export function requestLog(logger: Logger): RequestHandler {
  const fields = (req: IncomingMessage, res: ServerResponse, responseTime: number) => ({
    method: req.method,
    route: routeOf(req),
    status: res.statusCode,
    ms: responseTime,
  });
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (req, res) => {
      const id = requestIdOf(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: { req: (req: { method?: string }) => ({ method: req.method }), res: () => ({}) },
    // Its own paths replace the logger's, so the secret fields are named again.
    redact: ['req.headers', 'req.url', 'req.query', 'req.body', 'res.headers', ...REDACT],
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      // A flood of refused requests (guessed codes, bad paths, spent limits) must not become a
      // flood of log lines; /metrics counts them by code.
      if (res.statusCode >= 400) return 'debug';
      return QUIET_PATH.test(req.url ?? '') ? 'debug' : 'info';
    },
    customSuccessObject: (req, res, value: { responseTime: number }) => fields(req, res, value.responseTime),
    customErrorObject: (req, res, _err, value: { responseTime: number }) => fields(req, res, value.responseTime),
    customSuccessMessage: () => 'http request',
    customErrorMessage: () => 'http request failed',
  });
}
