import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Fields that hold a bearer secret wherever they occur up to two levels deep: a device's token,
 * a seat link's secret, a facilitator or projector key. Nothing logs them today; this keeps a
 * later `logger.debug({ body })` from writing one out (the tests read the log for them).
 */
const SECRET_FIELDS = ['token', 'secret', 'key', 'projectorKey', 'tokenHash'];
/** Also given to every child logger that sets its own redaction (pino-http's replaces the parent's). */
export const REDACT = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/**
 * JSON logs to stdout. What may go in: event names, error codes, ids, durations. What may not:
 * payloads, names, topic text, tokens (personal data and secrets). `destination` (stdout by
 * default) lets a test read what an operator would see.
 */
export function createLogger(level: string, destination?: { write(line: string): void }): Logger {
  const options: LoggerOptions = { level, redact: { paths: REDACT, censor: '[secret]' } };
  return destination ? pino(options, destination) : pino(options);
}
