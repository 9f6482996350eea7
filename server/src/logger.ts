import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs to stdout. What may go in: event names, error codes, ids, durations. What may not:
 * payloads, names, topic text, tokens (personal data and secrets).
 */
export function createLogger(level: string): Logger {
  return pino({ level });
}
