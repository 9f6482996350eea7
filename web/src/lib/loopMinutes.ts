import {
  decisionLogMarkdown,
  loopMeetingMarkdown,
  loopMinutesLabels,
  type Decision,
  type LoopMinutesFormat,
  type MeetingRecord,
  type TeamSpaceState,
} from '@runde/shared/client';
import { localeFor, type Language } from './i18n/languages.ts';
import { formatLongDate, isoDay } from './minutes.ts';

/** `team-K7P4XM-2025-03-14-governance.md`: sorts by date in a downloads folder and says which room. */
export function meetingFileName(code: string, record: Pick<MeetingRecord, 'startedAt' | 'room'>): string {
  return `team-${code}-${isoDay(record.startedAt)}-${record.room}.md`;
}

/** `team-K7P4XM-decision-log-2025-03-14.md`: the log grows, so the file says when it was taken. */
export function decisionLogFileName(code: string, now: number): string {
  return `team-${code}-decision-log-${isoDay(now)}.md`;
}

/** Labels and dates of the shared exporters in the reader's language. */
export function loopMinutesFormat(language: Language): LoopMinutesFormat {
  return { labels: loopMinutesLabels[language], formatDate: (ms) => formatLongDate(ms, language) };
}

/** One meeting's minutes, exactly as the shared exporter writes them: the page shows this text too. */
export function meetingMinutesText(state: TeamSpaceState, record: MeetingRecord, language: Language): string {
  return loopMeetingMarkdown(state, record, loopMinutesFormat(language));
}

/** The decision log; `archived` are the older decisions read from the archive, for the full log. */
export function decisionLogText(state: TeamSpaceState, language: Language, archived: readonly Decision[] = []): string {
  return decisionLogMarkdown(state, loopMinutesFormat(language), archived);
}

/** Ended meetings, the latest first: the one people look for is usually the last. */
export function meetingsNewestFirst(state: TeamSpaceState): MeetingRecord[] {
  return [...state.meetings].sort((a, b) => b.startedAt - a.startedAt);
}

/** "10:00" as readers of this language write a time of day. */
export function formatTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(localeFor[language], { timeStyle: 'short' }).format(epochMs);
}
