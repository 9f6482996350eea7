import { archivePageRequestSchema, loopArchiveFor, succeed, type ArchivePage } from '@runde/shared';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler } from './defineHandler.ts';

/**
 * `archive:page`: one page of what a team space's live state no longer holds, read-only. The asking
 * member is the socket's seat; the page is masked for them by `loopArchiveFor`, which runs the
 * snapshot's own `loopViewFor` over the archived items. Reads one page of the archive list and never
 * the session's state, so its cost is a page's, whatever the space's size; a Lean Coffee has no archive.
 */
export function archiveHandler(store: SessionStore) {
  return defineHandler(archivePageRequestSchema, async (request, { sessionId, participantId }) => {
    const page = await store.archive(sessionId, request);
    const result: ArchivePage = { entries: loopArchiveFor(page.entries, { participantId }), next: page.next };
    return succeed(result);
  });
}
