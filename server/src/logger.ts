import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs to stdout. What may go in: event names, error codes, ids, durations. What may not:
 * payloads, names, topic text, tokens (personal data and secrets). `destination` (stdout by
 * default) lets a test read what an operator would see.
 */
export function createLogger(level: string, destination?: { write(line: string): void }): Logger {
  return destination ? pino({ level }, destination) : pino({ level });
}
