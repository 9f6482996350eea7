import { ErrorCode } from '@runde/shared';
import type { Logger } from 'pino';
import type { CommandRunner } from '../session/commandRunner.ts';
import { toAppError } from '../failures.ts';
import { participantRoom, type RundeServer } from './types.ts';

/**
 * Brings a participant's `online` flag in line with their sockets. Called when any of their
 * sockets connects or disconnects; the check runs inside the session's queue, so a reload
 * (disconnect and connect racing) ends in the right state, and an unchanged flag writes nothing.
 * `fetchSockets` asks every node once an adapter is configured.
 */
export function reconcilePresence(
  deps: { io: RundeServer; runner: CommandRunner; logger: Logger },
  sessionId: string,
  participantId: string,
): void {
  const { io, runner, logger } = deps;
  runner
    .run(sessionId, { kind: 'system' }, async () => ({
      type: 'participant:presence',
      participantId,
      online: (await io.in(participantRoom(sessionId, participantId)).fetchSockets()).length > 0,
    }))
    .then(
      (result) => {
        // A session that expired under an open socket has nobody left to tell.
        if (!result.ok && result.error.code !== ErrorCode.notFound) {
          logger.warn({ sessionId, participantId, code: result.error.code }, 'presence not recorded');
        }
      },
      (err: unknown) => {
        toAppError(err, logger, { where: 'presence', sessionId, participantId });
      },
    );
}
