import { describe, expect, it } from 'vitest';
import { isRetentionNear, TEAM_SPACE_RETENTION_WARNING_DAYS } from './retention.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 6, 1);

describe('isRetentionNear', () => {
  it.each([
    { left: 730 * DAY_MS, near: false },
    { left: 31 * DAY_MS, near: false },
    { left: 30 * DAY_MS + 1, near: false },
    { left: 30 * DAY_MS, near: true },
    { left: DAY_MS, near: true },
    { left: -DAY_MS, near: true },
  ])('warns from 30 days before: $left ms left → $near', ({ left, near }) => {
    expect(TEAM_SPACE_RETENTION_WARNING_DAYS).toBe(30);
    expect(isRetentionNear(now + left, now)).toBe(near);
  });
});
