import { describe, expect, it } from 'vitest';
import { roundSeats } from './meetingRound.ts';

describe('roundSeats', () => {
  it.each([
    { index: 0, passed: [], expected: ['speaking', 'waiting', 'waiting'] },
    { index: 1, passed: [], expected: ['spoke', 'speaking', 'waiting'] },
    { index: 2, passed: ['a'], expected: ['passed', 'spoke', 'speaking'] },
    { index: 3, passed: ['b'], expected: ['spoke', 'passed', 'spoke'] },
    { index: 3, passed: ['a'], absent: ['c'], expected: ['passed', 'spoke', 'absent'] },
  ])('index $index, passed $passed', ({ index, passed, absent = [], expected }) => {
    const seats = roundSeats({ kind: 'objection', order: ['a', 'b', 'c'], index, passed, absent });
    expect(seats.map((s) => s.status)).toEqual(expected);
    expect(seats.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
