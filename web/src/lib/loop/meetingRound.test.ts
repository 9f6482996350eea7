import { describe, expect, it } from 'vitest';
import { roundSeats } from './meetingRound.ts';

describe('roundSeats', () => {
  it.each([
    { index: 0, passed: [], expected: ['speaking', 'waiting', 'waiting'] },
    { index: 1, passed: [], expected: ['spoke', 'speaking', 'waiting'] },
    { index: 2, passed: ['a'], expected: ['passed', 'spoke', 'speaking'] },
    { index: 3, passed: ['b'], expected: ['spoke', 'passed', 'spoke'] },
  ])('index $index, passed $passed', ({ index, passed, expected }) => {
    const seats = roundSeats({ kind: 'checkin', order: ['a', 'b', 'c'], index, passed });
    expect(seats.map((s) => s.status)).toEqual(expected);
    expect(seats.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
