import { deleteRequestSchema, ErrorCode, fail, succeed, type DeleteResult } from '@runde/shared';
import type { CommandRunner } from '../session/commandRunner.ts';
import { defineHandler } from './defineHandler.ts';

/**
 * `session:delete`: a facilitator removes the session with everything in it. The ack comes
 * first; then every device of the session, on any node, is told and let go (`onDeleted`).
 */
export function deleteHandler(runner: CommandRunner, onDeleted: (sessionId: string) => void) {
  return defineHandler(deleteRequestSchema, async (_payload, { sessionId, participantId, respond }) => {
    const outcome = await runner.delete(sessionId, participantId);
    if (outcome === 'forbidden') return fail(ErrorCode.forbidden, 'Only a facilitator may delete this.');
    if (outcome === 'missing') return fail(ErrorCode.notFound, 'No such session.');
    respond(succeed<DeleteResult>({ deleted: true }));
    onDeleted(sessionId);
    return succeed<DeleteResult>({ deleted: true });
  });
}
