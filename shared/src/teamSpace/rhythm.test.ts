import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OCCURRENCES, nextMeeting, occurrences, zonedInstant } from './rhythm.ts';
import type { RhythmEntry } from './rhythmTypes.ts';
import { teamSpace } from './testing/fixtures.ts';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** The wall-clock time of an instant in a zone, `YYYY-MM-DD HH:MM Www`, as `Intl` reads it (independent of the code under test). */
function local(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.weekday}`;
}

const weekly = (over: Partial<RhythmEntry> = {}): RhythmEntry => ({
  id: 'rh1',
  room: 'operational',
  repeat: { every: 'week', interval: 1 },
  weekday: 1,
  time: '09:00',
  durationMinutes: 60,
  startsOn: '2027-01-04',
  ...over,
});

describe('occurrences across daylight-saving changes', () => {
  it('keeps Monday 09:00 in Berlin at 09:00 across the March change; the UTC instant moves an hour', () => {
    const found = occurrences(weekly(), 'Europe/Berlin', utc('2027-03-20T00:00:00Z'), 3);
    expect(found.map((o) => iso(o.start))).toEqual([
      '2027-03-22T08:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
      '2027-04-05T07:00:00.000Z',
    ]);
    expect(found.map((o) => local(o.start, 'Europe/Berlin'))).toEqual([
      '2027-03-22 09:00 Mon',
      '2027-03-29 09:00 Mon',
      '2027-04-05 09:00 Mon',
    ]);
    expect(found.map((o) => o.end - o.start)).toEqual([3_600_000, 3_600_000, 3_600_000]);
  });

  it('keeps Monday 09:00 in Berlin at 09:00 across the October change', () => {
    const found = occurrences(weekly(), 'Europe/Berlin', utc('2027-10-24T00:00:00Z'), 3);
    expect(found.map((o) => iso(o.start))).toEqual([
      '2027-10-25T07:00:00.000Z',
      '2027-11-01T08:00:00.000Z',
      '2027-11-08T08:00:00.000Z',
    ]);
    expect(found.every((o) => local(o.start, 'Europe/Berlin').endsWith('09:00 Mon'))).toBe(true);
  });

  it('follows New York’s changes, on other Sundays than Europe’s (14 March, 7 November 2027)', () => {
    const entry = weekly({ weekday: 3, time: '18:30' });
    const spring = occurrences(entry, 'America/New_York', utc('2027-03-08T00:00:00Z'), 3).map((o) => iso(o.start));
    expect(spring).toEqual(['2027-03-10T23:30:00.000Z', '2027-03-17T22:30:00.000Z', '2027-03-24T22:30:00.000Z']);
    const autumn = occurrences(entry, 'America/New_York', utc('2027-11-01T00:00:00Z'), 2).map((o) => iso(o.start));
    expect(autumn).toEqual(['2027-11-03T22:30:00.000Z', '2027-11-10T23:30:00.000Z']);
  });

  it('moves a meeting at 02:30 on the spring-forward day to 03:30 (the time does not exist)', () => {
    const entry = weekly({ weekday: 7, time: '02:30', startsOn: '2027-03-21' });
    const [before, gap, after] = occurrences(entry, 'Europe/Berlin', utc('2027-03-20T00:00:00Z'), 3);
    expect(local(before?.start ?? 0, 'Europe/Berlin')).toBe('2027-03-21 02:30 Sun');
    expect(iso(gap?.start ?? 0)).toBe('2027-03-28T01:30:00.000Z');
    expect(local(gap?.start ?? 0, 'Europe/Berlin')).toBe('2027-03-28 03:30 Sun');
    expect(local(after?.start ?? 0, 'Europe/Berlin')).toBe('2027-04-04 02:30 Sun');
  });

  it('takes the first of the two 02:30s on the fall-back day (still summer time)', () => {
    const entry = weekly({ weekday: 7, time: '02:30', startsOn: '2027-10-31' });
    const [first] = occurrences(entry, 'Europe/Berlin', utc('2027-10-30T00:00:00Z'), 1);
    expect(iso(first?.start ?? 0)).toBe('2027-10-31T00:30:00.000Z');
    // New York's autumn hour is 01:00–02:00: the first 01:30 is still daylight time (UTC−4).
    expect(iso(zonedInstant('America/New_York', Date.UTC(2027, 10, 7) / 86_400_000, 90 * 60_000))).toBe(
      '2027-11-07T05:30:00.000Z',
    );
  });
});

describe('occurrences by repeat', () => {
  it('counts every 2 weeks from the first matching weekday on or after startsOn', () => {
    // 2027-01-06 is a Wednesday: the anchor is Monday 11 January.
    const entry = weekly({ repeat: { every: 'week', interval: 2 }, startsOn: '2027-01-06' });
    expect(occurrences(entry, 'Europe/Berlin', 0, 3).map((o) => local(o.start, 'Europe/Berlin'))).toEqual([
      '2027-01-11 09:00 Mon',
      '2027-01-25 09:00 Mon',
      '2027-02-08 09:00 Mon',
    ]);
    // Asked from a Monday off the anchor's beat, the next is the one on it.
    const later = occurrences(entry, 'Europe/Berlin', utc('2027-02-15T00:00:00Z'), 2);
    expect(later.map((o) => local(o.start, 'Europe/Berlin'))).toEqual(['2027-02-22 09:00 Mon', '2027-03-08 09:00 Mon']);
  });

  it('finds the last Friday of each month', () => {
    const entry = weekly({ repeat: { every: 'month', nth: -1 }, weekday: 5, time: '14:00', startsOn: '2027-01-01' });
    expect(
      occurrences(entry, 'Europe/Berlin', utc('2027-01-01T00:00:00Z'), 4).map((o) => local(o.start, 'Europe/Berlin')),
    ).toEqual(['2027-01-29 14:00 Fri', '2027-02-26 14:00 Fri', '2027-03-26 14:00 Fri', '2027-04-30 14:00 Fri']);
  });

  it('finds the first Monday of each month, never before startsOn', () => {
    const entry = weekly({ repeat: { every: 'month', nth: 1 }, startsOn: '2027-02-02' });
    expect(occurrences(entry, 'Europe/Berlin', 0, 3).map((o) => local(o.start, 'Europe/Berlin'))).toEqual([
      '2027-03-01 09:00 Mon',
      '2027-04-05 09:00 Mon',
      '2027-05-03 09:00 Mon',
    ]);
  });

  it('finds the fourth Thursday, over a year boundary', () => {
    const entry = weekly({ repeat: { every: 'month', nth: 4 }, weekday: 4, startsOn: '2027-01-01' });
    expect(occurrences(entry, 'UTC', utc('2027-11-26T00:00:00Z'), 2).map((o) => local(o.start, 'UTC'))).toEqual([
      '2027-12-23 09:00 Thu',
      '2028-01-27 09:00 Thu',
    ]);
  });

  it('starts at fromMs (inclusive) and caps how many it gives', () => {
    const start = utc('2027-03-22T08:00:00Z');
    expect(occurrences(weekly(), 'Europe/Berlin', start, 1)[0]?.start).toBe(start);
    expect(occurrences(weekly(), 'Europe/Berlin', start + 1, 1)[0]?.start).toBe(utc('2027-03-29T07:00:00Z'));
    expect(occurrences(weekly(), 'Europe/Berlin', start, 0)).toEqual([]);
    expect(occurrences(weekly(), 'Europe/Berlin', start, 10_000)).toHaveLength(MAX_OCCURRENCES);
  });
});

describe('nextMeeting', () => {
  it('is the earliest meeting of the room’s entries that has not ended, in the team’s zone', () => {
    const space = teamSpace();
    const state = {
      ...space.state,
      rhythm: {
        timeZone: 'Europe/Berlin',
        objectionWindowDays: 7,
        meetings: [
          weekly({ id: 'a' }),
          weekly({ id: 'b', weekday: 3, time: '17:00' }),
          weekly({ id: 'g', room: 'governance', repeat: { every: 'month', nth: 1 } }),
        ],
      },
    };
    // Tuesday 23 March 2027, noon in Berlin.
    const tuesday = utc('2027-03-23T11:00:00Z');
    expect(nextMeeting(state, 'operational', tuesday)).toMatchObject({
      entry: { id: 'b' },
      start: utc('2027-03-24T16:00:00Z'),
    });
    expect(nextMeeting(state, 'governance', tuesday)).toMatchObject({
      entry: { id: 'g' },
      start: utc('2027-04-05T07:00:00Z'),
    });
    expect(nextMeeting(state, 'individual', tuesday)).toBeNull();
    // Half an hour into Monday's meeting it is still the next (it is under way); at its end, the next one is.
    const monday = utc('2027-03-22T08:00:00Z');
    expect(nextMeeting(state, 'operational', monday + 1_800_000)?.start).toBe(monday);
    expect(nextMeeting(state, 'operational', monday + 3_600_000)?.entry.id).toBe('b');
  });
});

describe('occurrences, over generated rhythms', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'America/Sao_Paulo'];
  const entry = fc.record({
    id: fc.constant('rh'),
    room: fc.constant('operational' as const),
    repeat: fc.oneof(
      fc.record({
        every: fc.constant('week' as const),
        interval: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
      }),
      fc.record({
        every: fc.constant('month' as const),
        nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
      }),
    ),
    weekday: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const, 7 as const),
    time: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    durationMinutes: fc.integer({ min: 5, max: 480 }),
    startsOn: fc
      .date({ min: new Date('2026-01-01'), max: new Date('2029-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  });

  it('fall on the weekday at the local time (or just after a spring gap), in order, from fromMs on', () => {
    fc.assert(
      fc.property(
        entry,
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (e, zone, from) => {
          const found = occurrences(e, zone, from, 12);
          expect(found).toHaveLength(12);
          const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][e.weekday - 1];
          let previous = from - 1;
          for (const o of found) {
            expect(o.start).toBeGreaterThan(previous);
            previous = o.start;
            const [day, time, name] = local(o.start, zone).split(' ');
            expect(name).toBe(weekday);
            expect(day && day >= e.startsOn).toBe(true);
            // Only where the local time does not exist does the meeting start later than it says, by the gap.
            if (time !== e.time) {
              const jump = tzOffset(zone, new Date(o.start)) - tzOffset(zone, new Date(o.start - 6 * 3_600_000));
              expect(jump).toBeGreaterThan(0);
              expect(minutes(time ?? '') - minutes(e.time)).toBe(jump);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
