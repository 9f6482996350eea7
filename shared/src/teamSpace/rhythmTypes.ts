import type { RoomKey } from './state.ts';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * How a recurring meeting repeats: every `interval` weeks on its weekday (counted from
 * `startsOn`), or monthly on the `nth` weekday of the month (`-1`: the last one).
 */
export type RhythmRepeat = { every: 'week'; interval: 1 | 2 | 3 | 4 } | { every: 'month'; nth: 1 | 2 | 3 | 4 | -1 };

/** One recurring meeting of a room, in the team's time zone (wall-clock time, across DST). */
export interface RhythmEntry {
  id: string;
  room: RoomKey;
  repeat: RhythmRepeat;
  weekday: IsoWeekday;
  /** Local wall-clock start, `HH:MM` (24 h). */
  time: string;
  durationMinutes: number;
  /** First day it may fall on, `YYYY-MM-DD` in the team's zone (the anchor of every-n-weeks). */
  startsOn: string;
}

/** The team's rhythm: when its rooms meet and how long a proposal waits for objections. */
export interface SpaceRhythm {
  /** IANA zone, `Europe/Berlin` unless the team chooses another. */
  timeZone: string;
  meetings: RhythmEntry[];
  /** Days a proposal published between meetings waits for objections (team setting, default 7). */
  objectionWindowDays: number;
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
export const DEFAULT_OBJECTION_WINDOW_DAYS = 7;

export const defaultRhythm = (): SpaceRhythm => ({
  timeZone: DEFAULT_TIME_ZONE,
  meetings: [],
  objectionWindowDays: DEFAULT_OBJECTION_WINDOW_DAYS,
});
