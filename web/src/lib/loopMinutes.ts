import type { LoopMinutesFormat, MeetingRecord, TeamSpaceState } from '@runde/shared/client';
import type { Translate } from './i18n/keys.ts';
import { localeFor, type Language } from './i18n/languages.ts';
import { formatLongDate, isoDay } from './minutes.ts';
import { teamMinutesLabels } from './teamMinutesLabels.ts';

/** `team-K7P4XM-2025-03-14-governance.md`: sorts by date in a downloads folder and says which room. */
export function meetingFileName(code: string, record: Pick<MeetingRecord, 'startedAt' | 'room'>): string {
  return `team-${code}-${isoDay(record.startedAt)}-${record.room}.md`;
}

/** `team-K7P4XM-decision-log-2025-03-14.md`: the log grows, so the file says when it was taken. */
export function decisionLogFileName(code: string, now: number): string {
  return `team-${code}-decision-log-${isoDay(now)}.md`;
}

/**
 * Labels and dates of the shared exporters in the reader's language; `t` must have the `loop`,
 * `meeting`, `minutes` and `export` parts loaded.
 */
export function loopMinutesFormat(t: Translate, language: Language): LoopMinutesFormat {
  return { labels: teamMinutesLabels(t), formatDate: (ms) => formatLongDate(ms, language) };
}

/** Ended meetings, the latest first: the one people look for is usually the last. */
export function meetingsNewestFirst(state: TeamSpaceState): MeetingRecord[] {
  return [...state.meetings].sort((a, b) => b.startedAt - a.startedAt);
}

/** "10:00" as readers of this language write a time of day. */
export function formatTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(localeFor[language], { timeStyle: 'short' }).format(epochMs);
}
