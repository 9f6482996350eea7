import type { AsyncProposal } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { formatWindowEnd, responseOf, tallyResponses, timeLeft } from './proposalWindow.ts';

const proposal = (overrides: Partial<AsyncProposal> = {}): AsyncProposal => ({
  id: 'p1',
  tensionId: 't1',
  authorId: 'ann',
  title: 'Rolle Kassenwart:in',
  text: 'Wir brauchen jemanden für die Kasse.',
  changes: [],
  publishedAt: 0,
  closesAt: 1000,
  status: 'open',
  closedAt: null,
  toMeeting: null,
  asked: ['ann', 'bob', 'cem', 'dee'],
  questions: [],
  reactions: [],
  responses: [],
  objections: [],
  decisionId: null,
  ...overrides,
});

describe('formatWindowEnd', () => {
  // 14 Dec 2026, 08:00 UTC is 09:00 in Berlin (winter time).
  const closesAt = Date.UTC(2026, 11, 14, 8, 0);

  it('says the end of the window in the team time zone, in German and English', () => {
    expect(formatWindowEnd(closesAt, 'Europe/Berlin', 'de')).toBe('Mo., 14. Dez., 09:00');
    expect(formatWindowEnd(closesAt, 'Europe/Berlin', 'en')).toBe('Mon 14 Dec, 09:00');
  });

  it('follows the team, not the device: the same moment in another zone reads differently', () => {
    expect(formatWindowEnd(closesAt, 'America/New_York', 'de')).toBe('Mo., 14. Dez., 03:00');
  });

  it('keeps summer time: 07:00 UTC in July is 09:00 in Berlin', () => {
    expect(formatWindowEnd(Date.UTC(2026, 6, 13, 7, 0), 'Europe/Berlin', 'de')).toBe('Mo., 13. Juli, 09:00');
  });
});

describe('timeLeft', () => {
  const minute = 60_000;

  it('splits what is left into days, hours and minutes, rounding up to the minute', () => {
    expect(timeLeft(2 * 1440 * minute + 3 * 60 * minute + 4 * minute, 0)).toEqual({ days: 2, hours: 3, minutes: 4 });
    expect(timeLeft(minute + 1, 0)).toEqual({ days: 0, hours: 0, minutes: 2 });
    expect(timeLeft(1, 0)).toEqual({ days: 0, hours: 0, minutes: 1 });
  });

  it('is null from the moment the window closes', () => {
    expect(timeLeft(1000, 1000)).toBeNull();
    expect(timeLeft(1000, 5000)).toBeNull();
  });
});

describe('responses', () => {
  const names: Record<string, string> = { ann: 'Ann', bob: 'Bob', cem: 'Cem', dee: 'Dee', eve: 'Eve' };

  it('counts the newest response of each member', () => {
    const p = proposal({
      responses: [
        { by: 'bob', at: 10, objectionId: 'o1' },
        { by: 'bob', at: 20, objectionId: null },
        { by: 'cem', at: 15, objectionId: 'o2' },
      ],
    });
    expect(responseOf(p, 'bob')).toBe('no-objection');
    expect(responseOf(p, 'cem')).toBe('objection');
    expect(responseOf(p, 'dee')).toBe('none');
    expect(tallyResponses(p, (id) => names[id])).toEqual({
      noObjection: ['Bob'],
      objection: ['Cem'],
      // Ann proposed it: nobody waits for her own response.
      waiting: ['Dee'],
      responded: 2,
      asked: 3,
    });
  });

  it('names a later member who answered, and skips who left', () => {
    const p = proposal({ responses: [{ by: 'eve', at: 5, objectionId: null }] });
    const tally = tallyResponses(p, (id) => (id === 'dee' ? undefined : names[id]));
    expect(tally.noObjection).toEqual(['Eve']);
    expect(tally.waiting).toEqual(['Bob', 'Cem']);
    expect(tally.responded).toBe(1);
    expect(tally.asked).toBe(3);
  });

  it('counts the proposer once they responded', () => {
    const p = proposal({ responses: [{ by: 'ann', at: 5, objectionId: null }] });
    const tally = tallyResponses(p, (id) => names[id]);
    expect(tally.noObjection).toEqual(['Ann']);
    expect(tally.asked).toBe(4);
    expect(tally.responded).toBe(1);
  });
});
