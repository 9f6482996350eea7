import type { SessionState } from '../leanCoffee/state.ts';
import { archiveKinds, type ArchivedEntry, type ArchivedItem } from '../teamSpace/archive.ts';
import { ErrorCode, succeed, type Ack } from '../protocol/errors.ts';
import type { ArchivePage, ArchivePageRequest, SessionExport } from '../protocol/socketEvents.ts';
import type { TeamSpaceState } from '../teamSpace/state.ts';
import type { TeamSpaceExport } from './teamSpaceExport.ts';

/**
 * Who may take a session away as a backup file, and how the exporting device completes a team
 * space's file. Free of zod, so the browser can import it (the schemas stay on the server).
 */

/**
 * Whether this member may export the team space: facilitators only, as for minutes and deletion.
 * Asked by the server before it answers `session:export` and by the page to show the control. A
 * running meeting is not exported (it has no record yet): see {@link teamSpaceExportBlocked}.
 */
export function mayExportTeamSpace(state: Pick<TeamSpaceState, 'participants'>, memberId: string): boolean {
  return state.participants.some((p) => p.id === memberId && p.role === 'facilitator');
}

/** Why a facilitator cannot export right now: a meeting runs, and its tensions and decisions belong to it. */
export function teamSpaceExportBlocked(state: Pick<TeamSpaceState, 'meeting'>): 'meeting-running' | null {
  return state.meeting ? 'meeting-running' : null;
}

/** Facilitators only, as for the team space ({@link mayExportTeamSpace}). */
export function mayExportLeanCoffee(state: Pick<SessionState, 'participants'>, participantId: string): boolean {
  return state.participants.some((p) => p.id === participantId && p.role === 'facilitator');
}

/** The live file with the archive's entries (any order, as pages arrive) put before the live items, oldest first. */
export function withTeamSpaceArchive(file: TeamSpaceExport, entries: readonly ArchivedEntry[]): TeamSpaceExport {
  const oldestFirst = [...entries].sort((a, b) => a.seq - b.seq);
  const of = <K extends ArchivedItem['kind']>(kind: K) =>
    oldestFirst.flatMap((e) => (e.kind === kind ? [e.item as Extract<ArchivedItem, { kind: K }>['item']] : []));
  const { space } = file;
  return {
    ...file,
    space: {
      ...space,
      meetings: [...of('meeting'), ...space.meetings],
      tensions: [...of('tension'), ...space.tensions],
      actions: [...of('action'), ...space.actions],
      decisions: [...of('decision'), ...space.decisions],
    },
  };
}

/** How a device asks its server for a backup: `session:export` and `archive:page`, each with its ack. */
export interface ExportSource {
  exportLive(): Promise<Ack<SessionExport>>;
  archivePage(request: ArchivePageRequest): Promise<Ack<ArchivePage>>;
  /** Waits before asking again when the seat's budget is spent (a long archive is many pages). */
  wait(ms: number): Promise<void>;
}

/** The largest page `archive:page` answers (`ARCHIVE_PAGE_MAX`, kept apart so the browser needs no zod; a test keeps them equal). */
export const EXPORT_ARCHIVE_PAGE = 20;

/** Times one page is asked for again after `rate_limited`, a few seconds apart: the budget refills within ten. */
const PAGE_RETRIES = 10;
const PAGE_RETRY_MS = 2_000;

/**
 * The whole backup file, as one device collects it: the live file from `session:export`, then for
 * a team space every archive page of every kind, newest first, until none is left. Each answer is
 * bounded by a page, so a space of any age is collected without one huge message.
 */
export async function collectExport(source: ExportSource): Promise<Ack<SessionExport>> {
  const live = await source.exportLive();
  if (!live.ok || live.data.kind !== 'team-space') return live;
  const entries: ArchivedEntry[] = [];
  for (const kind of archiveKinds) {
    let before: number | undefined;
    do {
      const request: ArchivePageRequest =
        before === undefined ? { kind, limit: EXPORT_ARCHIVE_PAGE } : { kind, before, limit: EXPORT_ARCHIVE_PAGE };
      let page = await source.archivePage(request);
      for (let retry = 0; !page.ok && page.error.code === ErrorCode.rateLimited && retry < PAGE_RETRIES; retry += 1) {
        await source.wait(PAGE_RETRY_MS);
        page = await source.archivePage(request);
      }
      if (!page.ok) return page;
      entries.push(...page.data.entries);
      before = page.data.next ?? undefined;
    } while (before !== undefined);
  }
  return succeed(withTeamSpaceArchive(live.data, entries));
}
