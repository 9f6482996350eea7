import { ErrorCode, exportRequestSchema, exportSession, fail, succeed, type SessionExport } from '@runde/shared';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler } from './defineHandler.ts';

/**
 * `session:export`: the backup file of the sender's session, as their own copy shows it (so it
 * never holds what they may not read), for facilitators only (the kind says who may, and when). A
 * team space's answer holds its live state; the device reads the archive page by page with
 * `archive:page`, so no answer grows with the space's age. Reads, never writes.
 */
export function exportHandler(store: SessionStore, clock: () => number) {
  return defineHandler(exportRequestSchema, async (_request, { sessionId, participantId }) => {
    const stored = await store.load(sessionId);
    if (!stored) return fail(ErrorCode.notFound, 'No such session.');
    const exported = exportSession(stored.state, participantId, clock());
    return exported.ok ? succeed<SessionExport>(exported.file) : fail(exported.error.code, exported.error.message);
  });
}
