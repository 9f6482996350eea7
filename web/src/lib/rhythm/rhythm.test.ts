import { defaultRhythm, type SpaceRhythm } from '@runde/shared/client';
import { betweenMeetingsCommandSchemas } from '@runde/shared/protocol';
import { describe, expect, it } from 'vitest';
import { newEntryDraft, rhythmCommand, rhythmDraft, timeZoneChoices } from './rhythmDraft.ts';
import { calendarLinks, formatMeetingStart, todayIn, weekdayName } from './rhythmText.ts';

const rhythm: SpaceRhythm = {
  timeZone: 'Europe/Berlin',
  objectionWindowDays: 5,
  meetings: [
    {
      id: 'e1',
      room: 'operational',
      repeat: { every: 'week', interval: 2 },
      weekday: 1,
      time: '09:00',
      durationMinutes: 60,
      startsOn: '2026-01-05',
    },
    {
      id: 'e2',
      room: 'governance',
      repeat: { every: 'month', nth: -1 },
      weekday: 4,
      time: '14:30',
      durationMinutes: 90,
      startsOn: '2026-01-01',
    },
  ],
};

describe('rhythm draft', () => {
  it('round-trips the rhythm through the form into a payload the command accepts', () => {
    const command = rhythmCommand(rhythmDraft(rhythm));
    expect(command).toEqual({ timeZone: 'Europe/Berlin', objectionWindowDays: 5, meetings: rhythm.meetings });
    expect(betweenMeetingsCommandSchemas['space:set-rhythm'].safeParse(command).success).toBe(true);
  });

  it('adds sync weekly first, then governance monthly, without ids (decide gives them)', () => {
    const draft = rhythmDraft(defaultRhythm());
    const sync = newEntryDraft(draft.meetings, '2026-12-07');
    const governance = newEntryDraft([sync], '2026-12-07');
    draft.meetings.push(sync, governance);
    const command = rhythmCommand(draft);
    expect(command.meetings.map((m) => [m.room, m.repeat, 'id' in m])).toEqual([
      ['operational', { every: 'week', interval: 1 }, false],
      ['governance', { every: 'month', nth: 1 }, false],
    ]);
    expect(betweenMeetingsCommandSchemas['space:set-rhythm'].safeParse(command).success).toBe(true);
  });

  it('offers Berlin and keeps an unusual current zone choosable', () => {
    const zones = timeZoneChoices('Etc/GMT+5');
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('Etc/GMT+5');
  });
});

describe('rhythm texts', () => {
  it('names weekdays Monday first', () => {
    expect(weekdayName(1, 'de')).toBe('Montag');
    expect(weekdayName(7, 'en')).toBe('Sunday');
  });

  it('shows a start in the team zone, not the device zone', () => {
    // 2026-12-14 08:00 UTC is 09:00 in Berlin (winter time).
    expect(formatMeetingStart(Date.UTC(2026, 11, 14, 8), 'Europe/Berlin', 'de')).toBe('Mo., 14.12., 09:00');
    expect(formatMeetingStart(Date.UTC(2026, 6, 13, 7), 'Europe/Berlin', 'de')).toBe('Mo., 13.7., 09:00');
    expect(todayIn('Europe/Berlin', Date.UTC(2026, 11, 6, 23, 30))).toBe('2026-12-07');
  });

  it('links the feed by the join code only, to subscribe and to download', () => {
    expect(calendarLinks('https://runde.example', 'K7P4XM')).toEqual({
      subscribe: 'webcal://runde.example/api/spaces/K7P4XM/calendar.ics',
      download: 'https://runde.example/api/spaces/K7P4XM/calendar.ics?download=1',
    });
  });
});
