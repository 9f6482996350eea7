import { deleteRequestSchema, ErrorCode, fail, succeed, type DeleteResult } from '@runde/shared';
import { hallTablesDeletion } from '../hall/hallDeletion.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import { defineHandler } from './defineHandler.ts';

/**
 * `session:delete`: a facilitator removes the session with everything in it. The ack comes
 * first; then every device of the session, on any node, is told and let go (`onDeleted`). A hall
 * takes its tables with it, each told the same way.
 */
export function deleteHandler(runner: CommandRunner, onDeleted: (sessionId: string) => void) {
  const withTables = hallTablesDeletion(runner, onDeleted);
  return defineHandler(deleteRequestSchema, async (_payload, { sessionId, participantId, respond }) => {
    const outcome = await runner.delete(sessionId, participantId, withTables);
    if (outcome === 'forbidden') return fail(ErrorCode.forbidden, 'Only a facilitator may delete this.');
    if (outcome === 'missing') return fail(ErrorCode.notFound, 'No such session.');
    respond(succeed<DeleteResult>({ deleted: true }));
    onDeleted(sessionId);
    return succeed<DeleteResult>({ deleted: true });
  });
}
