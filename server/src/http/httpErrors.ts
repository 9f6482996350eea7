import { ErrorCode, fail, type AppError } from '@runde/shared';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { toAppError } from '../failures.ts';

const statusByCode: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.invalidPayload]: 400,
  [ErrorCode.unauthorized]: 401,
  [ErrorCode.forbidden]: 403,
  [ErrorCode.signInRequired]: 403,
  [ErrorCode.notFound]: 404,
  [ErrorCode.rateLimited]: 429,
  [ErrorCode.internal]: 500,
  [ErrorCode.unavailable]: 503,
};

/** HTTP status for an error code; the remaining codes are rule refusals about the current state. */
export function statusFor(code: ErrorCode): number {
  return statusByCode[code] ?? 409;
}

/**
 * Error bodies have the same shape as a failed socket ack, so clients handle both alike. The code
 * is left in `res.locals.errorCode` for the metrics (see `countHttpErrors`).
 */
export function sendError(res: Response, error: AppError, status = statusFor(error.code)): void {
  res.locals.errorCode = error.code;
  res.status(status).json({ ok: false, error });
}

export const notFound = (what: string): AppError => fail(ErrorCode.notFound, `No such ${what}.`).error;

/** body-parser reports unreadable bodies with a `type` such as `entity.parse.failed`. */
function bodyErrorType(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  return typeof err.type === 'string' && err.type.startsWith('entity.') ? err.type : undefined;
}

/**
 * The router decodes every route parameter with `decodeURIComponent`; a bad %-escape
 * (`/api/sessions/%E0%A4%A`) throws a `URIError` it marks with status 400. The client's mistake,
 * so no stack trace for anyone who types one.
 */
function isParamDecodingError(err: unknown): boolean {
  return err instanceof URIError && 'status' in err && err.status === 400;
}

/** The last middleware: every error ends as an {@link AppError} body, never as exception text. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const bodyError = bodyErrorType(err);
    if (bodyError === 'entity.too.large') {
      sendError(res, fail(ErrorCode.invalidPayload, 'The request body is too large.').error, 413);
    } else if (bodyError) {
      sendError(res, fail(ErrorCode.invalidPayload, 'The request body is not valid JSON.').error, 400);
    } else if (isParamDecodingError(err)) {
      // Debug only: each request would otherwise put one line per attempt in the operator's log.
      logger.debug({ method: req.method }, 'undecodable path parameter');
      sendError(res, fail(ErrorCode.invalidPayload, 'The address is not valid.').error, 400);
    } else {
      sendError(res, toAppError(err, logger, { method: req.method, route: req.route?.path }));
    }
  };
}
