import { randomUUID } from 'node:crypto';
import { ErrorCode, type AppError, type PayloadIssue } from '@runde/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { StoreUnavailableError } from './store/sessionStore.ts';

/**
 * Turns an exception into what a client may be told. Expected failures never get here (they are
 * acks); this is for the store being away and for bugs. Exception text stays in the log, keyed by
 * an id the client can quote.
 */
export function toAppError(err: unknown, logger: Logger, context: Record<string, unknown>): AppError {
  if (err instanceof StoreUnavailableError) {
    logger.warn({ ...context, err: { name: err.name, cause: causeName(err.cause) } }, 'store unavailable');
    return { code: ErrorCode.unavailable, message: 'The server cannot reach its storage right now. Please try again.' };
  }
  const errorId = randomUUID();
  logger.error({ ...context, errorId, err }, 'unexpected error');
  return { code: ErrorCode.internal, message: `Something went wrong on the server (error ${errorId}).` };
}

/** Validation issues reduced to where and what kind; never the offending value, which may be personal. */
export function payloadIssues(error: z.ZodError): PayloadIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code }));
}

function causeName(cause: unknown): string | undefined {
  return cause instanceof Error ? cause.name : undefined;
}
