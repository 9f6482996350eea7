import { TZDate } from '@date-fns/tz';
import {
  occurrences,
  zonedInstant,
  type Occurrence,
  type RhythmEntry,
  type RoomKey,
  type TeamSpaceState,
} from '@runde/shared';
import ical from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/**
 * The rooms' names in the feed when the team gave none: German, the app's first language (the same
 * words as the web app's `loopCommonDe.rooms`). A calendar file has one language; a team that
 * wants others names its rooms.
 */
export const DEFAULT_ROOM_NAMES_DE: Record<RoomKey, string> = {
  operational: 'Operativer Raum',
  governance: 'Governance-Raum',
  individual: 'Individueller Raum',
  relationship: 'Beziehungsraum',
};

/** How often a subscribed calendar should look again (REFRESH-INTERVAL, X-PUBLISHED-TTL): meetings change rarely. */
const REFRESH_SECONDS = 60 * 60;

const DAY_MS = 86_400_000;

const ICAL_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface SpaceCalendarInput {
  state: TeamSpaceState;
  code: string;
  /** The space's page, `${publicUrl}/t/CODE`: where the event leads. */
  joinUrl: string;
  /** DTSTAMP: when this copy of the feed was made. */
  now: number;
}

/**
 * The team's rhythm as an iCalendar feed: one recurring VEVENT per rhythm entry, at its wall-clock
 * time in the team's zone (DTSTART;TZID plus the zone's VTIMEZONE, so 09:00 stays 09:00 across
 * daylight saving time in every client), named "<space> – <room>", with the space's link. The UID
 * is the entry's id, so a client updates the event when the team moves the meeting. Nothing in it
 * is more secret than the join code the feed is asked for by.
 */
export function spaceCalendar({ state, code, joinUrl, now }: SpaceCalendarInput): string {
  const { timeZone, meetings } = state.rhythm;
  const calendar = ical({
    name: state.title,
    prodId: { company: 'Runde', product: 'Runde', language: 'DE' },
    ttl: REFRESH_SECONDS,
  });
  calendar.timezone({ name: null, generator: vTimeZone });
  for (const entry of meetings) {
    const first = firstMeeting(entry, timeZone);
    if (!first) continue;
    const room = state.roomNames[entry.room] ?? DEFAULT_ROOM_NAMES_DE[entry.room];
    calendar.createEvent({
      id: `${entry.id}.${code}@runde`,
      start: new TZDate(first.start, timeZone),
      end: new TZDate(first.end, timeZone),
      timezone: timeZone,
      stamp: new Date(now),
      summary: `${state.title} – ${room}`,
      description: `${room}: ${joinUrl}`,
      url: joinUrl,
      repeating: rruleOf(entry),
    });
  }
  return calendar.toString();
}

/** The zone's VTIMEZONE from the IANA database as compiled by timezones-ical-library; none for a zone it lacks. */
function vTimeZone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  const text = Array.isArray(block) ? block[0] : block;
  return typeof text === 'string' && text.startsWith('BEGIN:VTIMEZONE') ? text : null;
}

/** RRULE of an entry: every n weeks on its weekday, or monthly on the nth (or last) weekday. */
export function rruleOf(entry: RhythmEntry): string {
  const weekday = ICAL_WEEKDAYS[entry.weekday - 1];
  if (entry.repeat.every === 'week') return `FREQ=WEEKLY;INTERVAL=${entry.repeat.interval};BYDAY=${weekday}`;
  return `FREQ=MONTHLY;BYDAY=${entry.repeat.nth}${weekday}`;
}

/**
 * The entry's first meeting: RFC 5545 counts DTSTART as an occurrence, so it must be one. From the
 * shared `occurrences`, which the web app's "next meeting" uses too, so feed and app agree.
 */
function firstMeeting(entry: RhythmEntry, timeZone: string): Occurrence | undefined {
  const [year, month, day] = entry.startsOn.split('-').map(Number) as [number, number, number];
  const startsOn = Date.UTC(year, month - 1, day) / DAY_MS;
  return occurrences(entry, timeZone, zonedInstant(timeZone, startsOn, 0), 1)[0];
}
