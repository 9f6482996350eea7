import type { Logger } from 'pino';
import { toAppError } from '../failures.ts';

/**
 * The last resort around a listener Socket.IO calls: it calls them from `process.nextTick`, where
 * a throw would end the process and every session on it. Our listeners answer what they expect
 * themselves; what reaches this is a bug, logged as one (with an error id), and the node serves on.
 */
export function guardListener<A extends unknown[]>(
  logger: Logger,
  where: string,
  listener: (...args: A) => void,
): (...args: A) => void {
  return (...args) => {
    try {
      listener(...args);
    } catch (err) {
      toAppError(err, logger, { where });
    }
  };
}
