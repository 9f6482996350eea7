import { ErrorCode } from '@runde/shared';
import type { Logger } from 'pino';
import type { CommandRunner } from '../session/commandRunner.ts';
import { toAppError } from '../failures.ts';
import { refusalRetryDelayMs, storeRefusalRetry } from '../store/storeRefusalRetry.ts';
import { participantRoom, type RundeServer } from './types.ts';

type PresenceCommand = { type: 'participant:presence'; participantId: string; online: boolean };

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
    this.#touchAll(sessionId, [participantId], 0);
  }

  #touchAll(sessionId: string, participantIds: Iterable<string>, attempt: number): void {
    const waiting = this.#waiting.get(sessionId);
    if (waiting) {
      for (const id of participantIds) waiting.add(id);
      return;
    }
    this.#waiting.set(sessionId, new Set(participantIds));
    const { runner, logger } = this.#deps;
    let settled: string[] = [];
    runner
      .run(sessionId, { kind: 'system' }, async () => {
        const commands = await this.#settle(sessionId);
        settled = commands.map((c) => c.participantId);
        return commands;
      })
      .then(
        (result) => {
          // A session that expired under an open socket has nobody left to tell.
          if (result.ok || result.error.code === ErrorCode.notFound) return;
          logger.warn({ sessionId, code: result.error.code, attempt }, 'presence not recorded');
          if (result.error.code === ErrorCode.unavailable) this.#retryLater(sessionId, settled, attempt);
        },
        (err: unknown) => {
          toAppError(err, logger, { where: 'presence', sessionId });
          this.#retryLater(sessionId, settled, attempt);
        },
      );
  }

  /**
   * A check the store refused (a failover, or a burst that outran the store call's time limit)
   * would otherwise leave phones that left shown online for good: nobody touches them again. So
   * it is asked again later, backing off, while the node runs; the flags are read afresh then.
   */
  #retryLater(sessionId: string, participantIds: string[], attempt: number): void {
    if (participantIds.length === 0 || attempt >= storeRefusalRetry.tries) return;
    const delay = refusalRetryDelayMs(storeRefusalRetry, attempt);
    setTimeout(() => this.#touchAll(sessionId, participantIds, attempt + 1), delay).unref();
  }

  /** Runs inside the session's queue: from here on, newcomers wait for the next check. */
  async #settle(sessionId: string): Promise<PresenceCommand[]> {
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
