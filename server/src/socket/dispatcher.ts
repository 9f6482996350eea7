import { commandTypes, ErrorCode, fail } from '@runde/shared';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { commandHandlers } from './commandHandlers.ts';
import { splitArgs, withinRate, type SocketHandler } from './defineHandler.ts';
import { syncHandler } from './syncHandler.ts';
import type { RundeSocket } from './types.ts';

export interface DispatcherDeps {
  runner: CommandRunner;
  store: SessionStore;
  limiter: RateLimiterAbstract;
  logger: Logger;
}

/**
 * Routes every incoming socket event through one table. A single catch-all listener (rather than
 * one `socket.on` per name) means unknown names get an `unknown_event` ack instead of silence, and
 * the lookup uses own properties only, so names like `__proto__` or `constructor` are just unknown.
 */
export function createDispatcher(deps: DispatcherDeps): (socket: RundeSocket, args: unknown[]) => void {
  const table = new Map<string, SocketHandler>([
    ...Object.entries(commandHandlers(deps.runner)),
    ['session:sync', syncHandler(deps.store)],
  ]);
  if (table.size !== commandTypes.length + 1) throw new Error('Every command needs exactly one handler');
  const handlerDeps = { limiter: deps.limiter, logger: deps.logger };

  async function unknownEvent(socket: RundeSocket, args: unknown[]): Promise<void> {
    const { ack } = splitArgs(args);
    const answer = (await withinRate(deps.limiter, socket))
      ? fail(ErrorCode.unknownEvent, 'This server does not know that event.')
      : fail(ErrorCode.rateLimited, 'Too many requests. Please slow down.');
    deps.logger.debug({ sessionId: socket.data.sessionId, code: answer.error.code }, 'unknown event');
    ack?.(answer);
  }

  return (socket, [event, ...args]) => {
    const handler = typeof event === 'string' ? table.get(event) : undefined;
    const done = handler ? handler(socket, event as string, args, handlerDeps) : unknownEvent(socket, args);
    // Handlers catch their own failures; this only guards against a bug there taking the process down.
    done.catch((err: unknown) => deps.logger.error({ err }, 'socket handler failed'));
  };
}
