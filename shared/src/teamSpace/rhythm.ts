// The subpath, not the package index: the index also brings `TZDate`, whose module patches `Date.prototype`
// names at load time, so no bundler can drop it, and it would ship on every page that imports the shared core.
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { RhythmEntry } from './rhythmTypes.ts';
import type { RoomKey, TeamSpaceState } from './state.ts';

/*
 * When a team space's recurring meetings fall (issue 17): a meeting is a wall-clock time in the
 * team's zone ("Monday 9:00 in Berlin"), so its instant moves by an hour when the clocks change
 * and its local time does not. The zone's offsets come from `@date-fns/tz` (the runtime's tz
 * database through `Intl`); the calendar arithmetic is plain day counting.
 *
 * Local times that do not exist or exist twice on a day the clocks change follow iCalendar
 * (RFC 5545, 3.3.5), so the feed and this agree:
 * - a time in the spring gap (02:30 in Berlin on the last Sunday of March) is read with the offset
 *   before the gap: it happens at 03:30 local, an hour after 01:30;
 * - a time that happens twice (02:30 on the last Sunday of October) is its first occurrence
 *   (still summer time).
 */

/** One meeting of a recurring entry, as epoch milliseconds. */
export interface Occurrence {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** Zones change their offset at most a few times a year: 12 h around a time see both sides of a change. */
const HALF_DAY_MS = DAY_MS / 2;
/** How many occurrences one call may ask for: a year of weekly meetings, twice. */
export const MAX_OCCURRENCES = 104;

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian, no zone involved). */
const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;

function dateOf(dayNo: number): { year: number; month: number; day: number; isoWeekday: number } {
  const d = new Date(dayNo * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    isoWeekday: ((d.getUTCDay() + 6) % 7) + 1,
  };
}

function parseDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y ?? 1970, m ?? 1, d ?? 1);
}

function parseTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
}

/** The zone's offset from UTC at an instant, in ms. */
const offsetAt = (timeZone: string, ms: number) => tzOffset(timeZone, new Date(ms)) * 60_000;

/**
 * The instant a wall-clock time of a day has in a zone: the first one when the time happens
 * twice, and the time moved on by the gap when it does not happen at all (see the file's comment).
 */
export function zonedInstant(timeZone: string, dayNo: number, msOfDay: number): number {
  const wall = dayNo * DAY_MS + msOfDay;
  const before = offsetAt(timeZone, wall - HALF_DAY_MS);
  const after = offsetAt(timeZone, wall + HALF_DAY_MS);
  const fits = [before, after].map((offset) => wall - offset).filter((t) => wall - offsetAt(timeZone, t) === t);
  // Both offsets fit in the autumn: the earlier instant is the first occurrence.
  if (fits.length > 0) return Math.min(...fits);
  // In the spring gap: read with the offset before it.
  return wall - before;
}

/** The calendar day (days since 1970-01-01) an instant falls on in a zone. */
export function zonedDay(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms)) / DAY_MS);
}

/** The day of the `nth` (`-1`: last) ISO weekday of a month. */
function nthWeekdayOfMonth(year: number, month: number, isoWeekday: number, nth: number): number {
  if (nth === -1) {
    const last = dayNumber(year, month + 1, 0);
    return last - ((dateOf(last).isoWeekday - isoWeekday + 7) % 7);
  }
  const first = dayNumber(year, month, 1);
  return first + ((isoWeekday - dateOf(first).isoWeekday + 7) % 7) + (nth - 1) * 7;
}

/** Meeting days of an entry from `fromDay` on, in order, without end. */
function* meetingDays(entry: RhythmEntry, fromDay: number): Generator<number> {
  const startsOn = parseDay(entry.startsOn);
  const first = Math.max(startsOn, fromDay);
  if (entry.repeat.every === 'week') {
    // Every n weeks counts from the first matching weekday on or after `startsOn`.
    const anchor = startsOn + ((entry.weekday - dateOf(startsOn).isoWeekday + 7) % 7);
    const step = 7 * entry.repeat.interval;
    let day = anchor + Math.max(0, Math.ceil((first - anchor) / step)) * step;
    for (;;) {
      yield day;
      day += step;
    }
  }
  const { nth } = entry.repeat;
  let { year, month } = dateOf(first);
  for (;;) {
    const day = nthWeekdayOfMonth(year, month, entry.weekday, nth);
    if (day >= first) yield day;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * The next `count` meetings of a recurring entry that start at or after `fromMs`, in the team's
 * zone (`count` is capped at `MAX_OCCURRENCES`).
 */
export function occurrences(entry: RhythmEntry, timeZone: string, fromMs: number, count: number): Occurrence[] {
  const wanted = Math.min(Math.max(0, Math.floor(count)), MAX_OCCURRENCES);
  const out: Occurrence[] = [];
  if (wanted === 0) return out;
  const time = parseTime(entry.time);
  const duration = entry.durationMinutes * 60_000;
  // A day early: the local day of `fromMs` may begin before a meeting of the day before has ended.
  for (const day of meetingDays(entry, zonedDay(timeZone, fromMs) - 1)) {
    const start = zonedInstant(timeZone, day, time);
    if (start < fromMs) continue;
    out.push({ start, end: start + duration });
    if (out.length >= wanted) break;
  }
  return out;
}

/** A room's next meeting, and the rhythm entry it comes from. */
export interface NextMeeting extends Occurrence {
  entry: RhythmEntry;
}

/**
 * The room's next meeting by the team's rhythm: the earliest of its entries' meetings that has
 * not ended at `now` (one under way counts: the page shows it as now). `null` without a rhythm.
 */
export function nextMeeting(state: TeamSpaceState, room: RoomKey, now: number): NextMeeting | null {
  let next: NextMeeting | null = null;
  for (const entry of state.rhythm.meetings) {
    if (entry.room !== room) continue;
    const [found] = occurrences(entry, state.rhythm.timeZone, now - entry.durationMinutes * 60_000 + 1, 1);
    if (found && (!next || found.start < next.start)) next = { ...found, entry };
  }
  return next;
}
