import type { ActionItem, Decision, MeetingRecord, TeamSpaceState, Tension } from './state.ts';

/**
 * What leaves a team space's live state when it is trimmed (`keepRecentHistory`), kept in the
 * space's archive instead of being destroyed: a past meeting's record, a closed tension, a done
 * action or an older decision, with the moment it was moved there.
 */
export type ArchivedItem =
  | { kind: 'meeting'; archivedAt: number; item: MeetingRecord }
  | { kind: 'tension'; archivedAt: number; item: Tension }
  | { kind: 'action'; archivedAt: number; item: ActionItem }
  | { kind: 'decision'; archivedAt: number; item: Decision };

/** The kinds of archived item; each is paged on its own. */
export const archiveKinds = ['meeting', 'tension', 'action', 'decision'] as const;
export type ArchiveKind = (typeof archiveKinds)[number];

/** An archived item as read back: `seq` numbers the items of its kind in the order they were archived, from 1. */
export type ArchivedEntry = ArchivedItem & { seq: number };

function missingFrom<T extends { id: string }>(before: readonly T[], after: readonly T[]): T[] {
  if (before === after) return [];
  const kept = new Set(after.map((item) => item.id));
  return before.filter((item) => !kept.has(item.id));
}

/**
 * The items a fold dropped from the live state: meetings, tensions, actions and decisions present in
 * `before` and absent from `after`, oldest first within each kind. A team space never deletes
 * any of them otherwise, so whatever is missing was trimmed and belongs in the archive.
 */
export function loopArchivedByFold(before: TeamSpaceState, after: TeamSpaceState, archivedAt: number): ArchivedItem[] {
  return [
    ...missingFrom(before.meetings, after.meetings).map((item) => ({ kind: 'meeting' as const, archivedAt, item })),
    ...missingFrom(before.tensions, after.tensions).map((item) => ({ kind: 'tension' as const, archivedAt, item })),
    ...missingFrom(before.actions, after.actions).map((item) => ({ kind: 'action' as const, archivedAt, item })),
    ...missingFrom(before.decisions, after.decisions).map((item) => ({ kind: 'decision' as const, archivedAt, item })),
  ];
}
