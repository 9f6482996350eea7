import { describe, expect, it } from 'vitest';
import type { LoopCommand } from '../../protocol/loopCommands.ts';
import { ErrorCode } from '../../protocol/errors.ts';
import { limits } from '../../protocol/limits.ts';
import { maySetRhythm } from '../permissions.ts';
import { nextMeeting } from '../rhythm.ts';
import { teamSpace } from '../testing/fixtures.ts';

type SetRhythm = Extract<LoopCommand, { type: 'space:set-rhythm' }>;
type EntryInput = SetRhythm['meetings'][number];

const sync: EntryInput = {
  room: 'operational',
  repeat: { every: 'week', interval: 1 },
  weekday: 1,
  time: '09:00',
  durationMinutes: 60,
  startsOn: '2027-01-04',
};
const governance: EntryInput = { ...sync, room: 'governance', repeat: { every: 'month', nth: -1 }, weekday: 5 };
const setRhythm = (meetings: EntryInput[], over: Partial<SetRhythm> = {}): SetRhythm => ({
  type: 'space:set-rhythm',
  timeZone: 'Europe/Berlin',
  meetings,
  objectionWindowDays: 5,
  ...over,
});

describe('space:set-rhythm', () => {
  it('lets a facilitator set the rhythm; new entries get ids from the server', () => {
    const space = teamSpace();
    expect(maySetRhythm(space.state, 'p1')).toBe(true);
    const [event] = space.run('p1', setRhythm([{ ...sync, id: 'chosen-by-client' }, governance]));
    expect(event?.type).toBe('space:rhythm-set');
    const { rhythm } = space.state;
    expect(rhythm.timeZone).toBe('Europe/Berlin');
    expect(rhythm.objectionWindowDays).toBe(5);
    expect(rhythm.meetings.map((m) => m.room)).toEqual(['operational', 'governance']);
    const ids = rhythm.meetings.map((m) => m.id);
    expect(ids).not.toContain('chosen-by-client');
    expect(new Set(ids).size).toBe(2);
    // The page's "next meeting" reads the rhythm the event set.
    expect(nextMeeting(space.state, 'governance', Date.UTC(2027, 0, 1))?.entry.id).toBe(ids[1]);
  });

  it('keeps the ids of entries the rhythm has, and gives a repeated id only once', () => {
    const space = teamSpace();
    space.run('p1', setRhythm([sync]));
    const id = space.state.rhythm.meetings[0]?.id ?? '';
    space.run(
      'p1',
      setRhythm(
        [
          { ...sync, id, time: '10:00' },
          { ...governance, id },
        ],
        { timeZone: 'America/New_York' },
      ),
    );
    const [kept, added] = space.state.rhythm.meetings;
    expect(kept).toMatchObject({ id, time: '10:00' });
    expect(added?.id).not.toBe(id);
    expect(space.state.rhythm.timeZone).toBe('America/New_York');
    space.run('p1', setRhythm([]));
    expect(space.state.rhythm.meetings).toEqual([]);
  });

  it('refuses members who are not facilitators', () => {
    const space = teamSpace();
    expect(maySetRhythm(space.state, 'p2')).toBe(false);
    const result = space.try('p2', setRhythm([sync]));
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
  });

  it.each<[string, SetRhythm, string]>([
    [
      'too many meetings',
      setRhythm(Array.from({ length: limits.rhythmMeetings + 1 }, () => sync)),
      ErrorCode.limitReached,
    ],
    ['an unknown zone', setRhythm([sync], { timeZone: 'Mars/Olympus' }), ErrorCode.invalidPayload],
    ['weekday 8', setRhythm([{ ...sync, weekday: 8 }]), ErrorCode.invalidPayload],
  ])('refuses %s', (_name, command, code) => {
    const space = teamSpace();
    expect(space.try('p1', command)).toMatchObject({ ok: false, error: { code } });
  });
});
