import { ErrorCode, fail } from '@runde/shared';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendError } from './httpErrors.ts';
import type { HostPolicy } from './hostPolicy.ts';

/** Distinct refused hosts named in the log; past that, refusals are not logged (the log cannot be flooded). */
const LOGGED_HOSTS_MAX = 20;

/**
 * Answers 421 Misdirected Request to a request naming a host this deployment does not serve,
 * before any route builds a link from it. The operator learns of each such host once, with the
 * variable that admits it.
 */
export function hostGuard(policy: HostPolicy, logger: Logger): RequestHandler {
  const logged = new Set<string>();
  return (req, res, next) => {
    const host = req.headers.host;
    if (policy.allowsHost(host)) {
      next();
      return;
    }
    const shown = (host ?? '').slice(0, 100);
    if (logged.size < LOGGED_HOSTS_MAX && !logged.has(shown)) {
      logged.add(shown);
      logger.warn(
        { host: shown },
        'refused a request for an unknown host; set PUBLIC_URL or ALLOWED_HOSTS to serve it',
      );
    }
    sendError(res, fail(ErrorCode.forbidden, 'This server does not answer to that host name.').error, 421);
  };
}
