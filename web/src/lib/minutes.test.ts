import { describe, expect, it } from 'vitest';
import { formatAverage, formatDueDate, isoDay, minutesFileName } from './minutes.ts';

describe('minutes files', () => {
  const march14 = new Date(2025, 2, 14, 9, 30).getTime();

  it('names files by code and local day', () => {
    expect(isoDay(march14)).toBe('2025-03-14');
    expect(minutesFileName('K7P4XM', march14, 'md')).toBe('lean-coffee-K7P4XM-2025-03-14.md');
    expect(minutesFileName('K7P4XM', march14, 'csv')).toBe('lean-coffee-K7P4XM-2025-03-14.csv');
  });

  it('writes due dates in the reader’s language, on the same calendar day', () => {
    expect(formatDueDate('2026-12-01', 'de')).toBe('01.12.2026');
    expect(formatDueDate('2026-12-01', 'en')).toBe('1 Dec 2026');
    expect(formatDueDate('soon', 'en')).toBe('soon');
  });

  it('writes averages with the reader’s decimal separator', () => {
    expect(formatAverage(4.25, 'de')).toBe('4,3');
    expect(formatAverage(4, 'en')).toBe('4.0');
  });
});
