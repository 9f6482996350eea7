import type { Decision } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { latestDecisions } from './spaceDecisions.ts';

const decision = (id: string, adoptedAt: number): Decision => ({
  id,
  number: adoptedAt,
  tensionId: `t-${id}`,
  title: id,
  text: '',
  adoptedAt,
  meetingId: 'm1',
  present: [],
  markedAbsent: [],
});

describe('latestDecisions', () => {
  it('returns the newest first, at most the count', () => {
    const log = [decision('a', 1), decision('b', 3), decision('c', 2)];
    expect(latestDecisions(log, 2).map((d) => d.id)).toEqual(['b', 'c']);
    expect(log.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });
});
