import { describe, expect, it } from 'vitest';
import { characterCount } from './characterCount.ts';

describe('characterCount', () => {
  it.each([
    { value: '', max: 140, expected: { used: 0, left: 140, near: false } },
    { value: 'x'.repeat(119), max: 140, expected: { used: 119, left: 21, near: false } },
    { value: 'x'.repeat(120), max: 140, expected: { used: 120, left: 20, near: true } },
    { value: 'x'.repeat(140), max: 140, expected: { used: 140, left: 0, near: true } },
    // A pasted value longer than the limit (an old draft) never shows a negative count.
    { value: 'x'.repeat(150), max: 140, expected: { used: 140, left: 0, near: true } },
    { value: 'Ä😀', max: 10, expected: { used: 3, left: 7, near: true } },
  ])('$value.length of $max', ({ value, max, expected }) => {
    expect(characterCount(value, max)).toEqual(expected);
  });
});
