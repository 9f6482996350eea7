import { kindCommandTypes, ErrorCode, fail } from '@runde/shared';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { TimerScheduler } from '../session/timerScheduler.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { archiveHandler } from './archiveHandler.ts';
import { commandHandlers } from './commandHandlers.ts';
import type { CommandGuard } from '../auth/accessSetGuard.ts';
import { splitArgs, type CommandMetrics, type HandlerDeps, type SocketHandler } from './defineHandler.ts';
import { deleteHandler } from './deleteHandler.ts';
import { exportHandler } from './exportHandler.ts';
import { hallExportHandler } from '../hall/hallExportHandler.ts';
import { projectorGrantHandler } from './projectorGrantHandler.ts';
import type { EndSeatDevices } from './seatEnding.ts';
import { seatHandlers } from './seatHandlers.ts';
import { syncHandler } from './syncHandler.ts';
import { timePingHandler } from './timePingHandler.ts';
import type { RundeSocket } from './types.ts';

export interface DispatcherDeps {
  runner: CommandRunner;
  store: SessionStore;
  timers: TimerScheduler;
  clock: () => number;
  /** The sender's seat and address budget for commands and syncs (see `commandBudget`). */
  withinCommandBudget: HandlerDeps['withinBudget'];
  /** The socket's budget for `time:ping`, apart so a burst of pings at connect never eats into commands. */
  withinPingBudget: HandlerDeps['withinBudget'];
  /** Per-seat budget of whole snapshots in answer to `session:sync`. */
  snapshotLimiter: RateLimiterAbstract;
  logger: Logger;
  /** Tells every device of a deleted session, on every node, and lets them go. */
  onDeleted: (sessionId: string) => void;
  /** A new bearer secret: the projector grant's key. */
  newSecret: () => string;
  /** Disconnects the projectors of a session whose projector key was replaced. */
  onProjectorRevoked: (sessionId: string) => void;
  /** Tells devices that lost their seat, on every node, and closes them. */
  endDevices: EndSeatDevices;
  metrics?: CommandMetrics;
  /** True while the node shuts down: every event is answered `unavailable` and changes nothing. */
  draining: () => boolean;
  /** Checks with facts only the server has, before a command reaches `decide` (see `accessSetGuard`). */
  guard?: CommandGuard;
}

export interface Dispatcher {
  dispatch(socket: RundeSocket, args: unknown[]): void;
  /** Resolves once every event received so far has been handled and answered. */
  settled(): Promise<void>;
}

type BoundHandler = (socket: RundeSocket, event: string, args: unknown[]) => Promise<void>;

const bind =
  (handler: SocketHandler, deps: HandlerDeps): BoundHandler =>
  (socket, event, args) =>
    handler(socket, event, args, deps);

/**
 * Routes every incoming socket event through one table. A single catch-all listener (rather than
 * one `socket.on` per name) means unknown names get an `unknown_event` ack instead of silence, and
 * the lookup uses own properties only, so names like `__proto__` or `constructor` are just unknown.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { metrics } = deps;
  const commandDeps = { withinBudget: deps.withinCommandBudget, logger: deps.logger, metrics };
  const table = new Map<string, BoundHandler>([
    ...commandHandlers(deps.runner, deps.guard).map(([name, handler]) => [name, bind(handler, commandDeps)] as const),
    ['session:sync', bind(syncHandler(deps.store, deps.timers, deps.snapshotLimiter), commandDeps)],
    [
      'time:ping',
      bind(timePingHandler(deps.clock), { withinBudget: deps.withinPingBudget, logger: deps.logger, metrics }),
    ],
    ['session:delete', bind(deleteHandler(deps.runner, deps.onDeleted), commandDeps)],
    ['archive:page', bind(archiveHandler(deps.store), commandDeps)],
    ['session:export', bind(exportHandler(deps.store, deps.clock), commandDeps)],
    ['hall:export', bind(hallExportHandler(deps.store, deps.clock), commandDeps)],
    [
      'projector:grant',
      bind(
        projectorGrantHandler({ store: deps.store, newSecret: deps.newSecret, onRevoked: deps.onProjectorRevoked }),
        commandDeps,
      ),
    ],
    ...seatHandlers({
      store: deps.store,
      runner: deps.runner,
      clock: deps.clock,
      newSecret: deps.newSecret,
      endDevices: deps.endDevices,
    }).map(([name, handler]) => [name, bind(handler, commandDeps)] as const),
  ]);
  // The kinds' commands, then seven others, then the four of seats on more than one device.
  if (table.size !== kindCommandTypes.length + 7 + 4) throw new Error('Every command needs exactly one handler');

  async function unknownEvent(socket: RundeSocket, args: unknown[]): Promise<void> {
    const { ack } = splitArgs(args);
    const answer = (await deps.withinCommandBudget(socket))
      ? fail(ErrorCode.unknownEvent, 'This server does not know that event.')
      : fail(ErrorCode.rateLimited, 'Too many requests. Please slow down.');
    deps.logger.debug({ sessionId: socket.data.sessionId, code: answer.error.code }, 'unknown event');
    metrics?.countError(answer.error.code);
    ack?.(answer);
  }

  async function refuseWhileDraining(args: unknown[]): Promise<void> {
    const { ack } = splitArgs(args);
    metrics?.countError(ErrorCode.unavailable);
    ack?.(fail(ErrorCode.unavailable, 'This server is restarting. Please try again.'));
  }

  const inFlight = new Set<Promise<void>>();
  return {
    dispatch(socket, [event, ...args]) {
      const handler = typeof event === 'string' ? table.get(event) : undefined;
      const done = deps.draining()
        ? refuseWhileDraining(args)
        : handler
          ? handler(socket, event as string, args)
          : unknownEvent(socket, args);
      // Handlers catch their own failures; this only guards against a bug there taking the process down.
      const tracked = done.catch((err: unknown) => deps.logger.error({ err }, 'socket handler failed'));
      inFlight.add(tracked);
      void tracked.finally(() => inFlight.delete(tracked));
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
