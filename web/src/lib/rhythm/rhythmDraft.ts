import {
  DEFAULT_TIME_ZONE,
  limits,
  type IsoWeekday,
  type RhythmEntry,
  type RhythmRepeat,
  type RoomKey,
  type SpaceRhythm,
} from '@runde/shared/client';
import type { RhythmEntryInput } from '@runde/shared/protocol';

/**
 * The rhythm editor's form: one row per recurring meeting, with the repeat as one choice
 * ("every 2 weeks", "monthly") and the month's nth weekday beside it, as a facilitator thinks of it.
 * Pure, so the form keeps no rules of its own and the conversion is tested without a browser.
 */
export type RepeatChoice = 'week1' | 'week2' | 'week3' | 'week4' | 'month';
export type NthChoice = '1' | '2' | '3' | '4' | '-1';

export interface RhythmEntryDraft {
  /** Kept for an entry that exists; a new row has none (`decide` gives it one). */
  id?: string;
  room: RoomKey;
  repeat: RepeatChoice;
  nth: NthChoice;
  weekday: IsoWeekday;
  time: string;
  durationMinutes: number;
  startsOn: string;
}

export interface RhythmDraft {
  timeZone: string;
  objectionWindowDays: number;
  meetings: RhythmEntryDraft[];
}

export const repeatChoices: readonly RepeatChoice[] = ['week1', 'week2', 'week3', 'week4', 'month'];
export const nthChoices: readonly NthChoice[] = ['1', '2', '3', '4', '-1'];
export const isoWeekdays: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function repeatChoice(repeat: RhythmRepeat): RepeatChoice {
  return repeat.every === 'month' ? 'month' : (`week${repeat.interval}` as RepeatChoice);
}

function entryDraft(entry: RhythmEntry): RhythmEntryDraft {
  return {
    id: entry.id,
    room: entry.room,
    repeat: repeatChoice(entry.repeat),
    nth: entry.repeat.every === 'month' ? (String(entry.repeat.nth) as NthChoice) : '1',
    weekday: entry.weekday,
    time: entry.time,
    durationMinutes: entry.durationMinutes,
    startsOn: entry.startsOn,
  };
}

export function rhythmDraft(rhythm: SpaceRhythm): RhythmDraft {
  return {
    timeZone: rhythm.timeZone,
    objectionWindowDays: rhythm.objectionWindowDays,
    meetings: rhythm.meetings.map(entryDraft),
  };
}

/**
 * A new row: the sync room weekly on Monday at 9:00 for an hour, from `today` (`YYYY-MM-DD`);
 * the governance room, when sync has a row already, monthly on the first Monday.
 */
export function newEntryDraft(existing: readonly RhythmEntryDraft[], today: string): RhythmEntryDraft {
  const governance = existing.some((entry) => entry.room === 'operational');
  return {
    room: governance ? 'governance' : 'operational',
    repeat: governance ? 'month' : 'week1',
    nth: '1',
    weekday: 1,
    time: '09:00',
    durationMinutes: governance ? 90 : 60,
    startsOn: today,
  };
}

export const mayAddRhythmEntry = (meetings: readonly unknown[]): boolean => meetings.length < limits.rhythmMeetings;

function repeatOf(draft: RhythmEntryDraft): RhythmRepeat {
  if (draft.repeat === 'month') return { every: 'month', nth: Number(draft.nth) as 1 | 2 | 3 | 4 | -1 };
  return { every: 'week', interval: Number(draft.repeat.slice(4)) as 1 | 2 | 3 | 4 };
}

/** The `space:set-rhythm` payload of a draft. */
export function rhythmCommand(draft: RhythmDraft): {
  timeZone: string;
  objectionWindowDays: number;
  meetings: RhythmEntryInput[];
} {
  return {
    timeZone: draft.timeZone || DEFAULT_TIME_ZONE,
    objectionWindowDays: Math.round(draft.objectionWindowDays),
    meetings: draft.meetings.map((entry) => ({
      ...(entry.id ? { id: entry.id } : {}),
      room: entry.room,
      repeat: repeatOf(entry),
      weekday: entry.weekday,
      time: entry.time,
      durationMinutes: Math.round(entry.durationMinutes),
      startsOn: entry.startsOn,
    })),
  };
}

/** The time zones a facilitator may choose: the runtime's list, with the current one kept in it. */
export function timeZoneChoices(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set([DEFAULT_TIME_ZONE, 'UTC', ...known, current]);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
