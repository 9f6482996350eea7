import { ErrorCode, type KindCommand } from '@runde/shared';
import type { Logger } from 'pino';
import type { CommandRunner } from '../session/commandRunner.ts';
import { toAppError } from '../failures.ts';
import { participantRoom, type RundeServer } from './types.ts';

export interface PresenceDeps {
  io: RundeServer;
  runner: CommandRunner;
  logger: Logger;
}

/**
 * Brings participants' `online` flags in line with their sockets. Told whenever a socket connects
 * or disconnects; the check runs inside the session's queue, so a reload (disconnect and connect
 * racing) ends in the right state, and an unchanged flag writes nothing.
 *
 * Everyone who comes or goes while a check waits in the queue joins that check: when a room of
 * 2,000 phones connects at once, the session gets a few commits with many presence changes each,
 * not 2,000 commits each pushed to everyone already there.
 */
export class PresenceReconciler {
  readonly #deps: PresenceDeps;
  /** Per session, the participants whose flag the queued check will settle. */
  readonly #waiting = new Map<string, Set<string>>();

  constructor(deps: PresenceDeps) {
    this.#deps = deps;
  }

  touch(sessionId: string, participantId: string): void {
    const waiting = this.#waiting.get(sessionId);
    if (waiting) {
      waiting.add(participantId);
      return;
    }
    this.#waiting.set(sessionId, new Set([participantId]));
    const { runner, logger } = this.#deps;
    runner
      .run(sessionId, { kind: 'system' }, () => this.#settle(sessionId))
      .then(
        (result) => {
          // A session that expired under an open socket has nobody left to tell.
          if (!result.ok && result.error.code !== ErrorCode.notFound) {
            logger.warn({ sessionId, code: result.error.code }, 'presence not recorded');
          }
        },
        (err: unknown) => {
          toAppError(err, logger, { where: 'presence', sessionId });
        },
      );
  }

  /** Runs inside the session's queue: from here on, newcomers wait for the next check. */
  async #settle(sessionId: string): Promise<KindCommand[]> {
    const participantIds = this.#waiting.get(sessionId) ?? new Set<string>();
    this.#waiting.delete(sessionId);
    // One question to every node (once an adapter is configured) answers for all of them, and
    // names only their sockets, not everyone else's in a big session.
    const rooms = [...participantIds].map((participantId) => participantRoom(sessionId, participantId));
    const sockets = rooms.length > 0 ? await this.#deps.io.in(rooms).fetchSockets() : [];
    const online = new Set(sockets.map((socket) => socket.data.participantId));
    return [...participantIds].map((participantId) => ({
      type: 'participant:presence',
      participantId,
      online: online.has(participantId),
    }));
  }
}
