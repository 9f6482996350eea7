import { archiveForViewer, archivePageRequestSchema, succeed, type ArchivePage } from '@runde/shared';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler } from './defineHandler.ts';

/**
 * `archive:page`: one page of what a team space's live state no longer holds, read-only. The asking
 * member is the socket's seat; the page is masked for them by `loopArchiveFor`, which runs the
 * snapshot's own `loopViewFor` over the archived items. Reads one page of the archive list, and the
 * session's merged seats from this node's copy of it (`runner.known`, loaded only when this node has
 * none), so its cost is a page's, whatever the space's size; a Lean Coffee has no archive. Archived
 * items are never rewritten: a seat merged into another is read as the seat it is today, before the
 * masking, so the merged person reads what either of their seats could; unless one of the two seats
 * made the merge (`archiveForViewer`).
 */
export function archiveHandler(store: SessionStore, runner: Pick<CommandRunner, 'known'>) {
  return defineHandler(archivePageRequestSchema, async (request, { sessionId, participantId }) => {
    const page = await store.archive(sessionId, request);
    const known = page.entries.length > 0 ? await runner.known(sessionId) : null;
    const merged = known?.kind === 'team-space' ? (known.mergedSeats ?? []) : [];
    const entries = archiveForViewer(page.entries, merged, { participantId });
    const result: ArchivePage = { entries, next: page.next };
    return succeed(result);
  });
}
