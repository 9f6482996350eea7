import { describe, expect, it } from 'vitest';
import { formatClock } from './clock.ts';

describe('formatClock', () => {
  it.each([
    [480_000, '08:00'],
    [479_001, '08:00'],
    [479_000, '07:59'],
    [65_000, '01:05'],
    [999, '00:01'],
    [0, '00:00'],
    [-2_000, '00:00'],
    [125 * 60_000, '125:00'],
  ])('%i ms → %s', (ms, expected) => {
    expect(formatClock(ms)).toBe(expected);
  });
});
