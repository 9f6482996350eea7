import type { RhythmEntry } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { rruleOf } from './spaceCalendar.ts';

const entry = (repeat: RhythmEntry['repeat'], weekday: RhythmEntry['weekday']): RhythmEntry => ({
  id: 'rh_1',
  room: 'governance',
  repeat,
  weekday,
  time: '09:00',
  durationMinutes: 60,
  startsOn: '2027-01-04',
});

describe('rruleOf', () => {
  it.each([
    [entry({ every: 'week', interval: 1 }, 1), 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO'],
    [entry({ every: 'week', interval: 2 }, 3), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
    [entry({ every: 'week', interval: 4 }, 7), 'FREQ=WEEKLY;INTERVAL=4;BYDAY=SU'],
    [entry({ every: 'month', nth: 1 }, 1), 'FREQ=MONTHLY;BYDAY=1MO'],
    [entry({ every: 'month', nth: 3 }, 5), 'FREQ=MONTHLY;BYDAY=3FR'],
    [entry({ every: 'month', nth: -1 }, 1), 'FREQ=MONTHLY;BYDAY=-1MO'],
  ])('%o → %s', (rhythmEntry, rrule) => {
    expect(rruleOf(rhythmEntry)).toBe(rrule);
  });
});
