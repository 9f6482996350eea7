import type { IsoWeekday } from '@runde/shared/client';
import { localeFor, type Language } from '$lib/i18n/languages';

/** Weekday names in the reader's language, Monday first (2024-01-01 was a Monday). */
export function weekdayName(weekday: IsoWeekday, language: Language, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(localeFor[language], { weekday: width, timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, weekday),
  );
}

/** A meeting's start in the team's zone, as readers of the language write it ("Mo., 14.12., 09:00"). */
export function formatMeetingStart(ms: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeFor[language], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: language === 'de' ? 'numeric' : 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/**
 * The calendar feed of a space: `webcal://` opens the calendar app's subscribe dialog, the plain
 * address with `?download=1` saves an `.ics` file. Both carry the join code and nothing else.
 */
export function calendarLinks(origin: string, code: string): { subscribe: string; download: string } {
  const url = new URL(`/api/spaces/${encodeURIComponent(code)}/calendar.ics`, origin);
  return {
    subscribe: `webcal://${url.host}${url.pathname}`,
    download: `${url.href}?download=1`,
  };
}

/** Today in the team's zone as `YYYY-MM-DD` (the first day a new recurring meeting may fall on). */
export function todayIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
