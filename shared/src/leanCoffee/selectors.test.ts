import { describe, expect, it } from 'vitest';
import { canVote, rankTopics } from './selectors.ts';
import { session } from './testing/fixtures.ts';

describe('ranking', () => {
  it('orders by votes, breaks ties by who proposed first, and shares ranks on ties', () => {
    const s = session({ votesPerPerson: 3 });
    const first = s.addTopic('p2', 'First');
    const second = s.addTopic('p3', 'Second');
    const third = s.addTopic('p2', 'Third');
    s.addTopic('p3', 'Fourth');
    s.toPhase('vote');
    const dots = [
      ['p2', third],
      ['p2', third],
      ['p3', second],
      ['p3', second],
      ['p1', first],
    ] as const;
    for (const [voter, topicId] of dots) s.run(voter, { type: 'vote:cast', topicId });
    expect(rankTopics(s.state).map(({ topic, votes, rank }) => [topic.title, votes, rank])).toEqual([
      ['Second', 2, 1],
      ['Third', 2, 1],
      ['First', 1, 3],
      ['Fourth', 0, 4],
    ]);
  });

  it.each([
    { phase: 'collect', expected: false },
    { phase: 'vote', expected: true },
    { phase: 'discuss', expected: false },
  ] as const)('canVote in $phase is $expected', ({ phase, expected }) => {
    const s = session();
    const topicId = s.addTopic('p2', 'Topic');
    if (phase !== 'collect') s.toPhase(...(phase === 'vote' ? (['vote'] as const) : (['vote', 'discuss'] as const)));
    expect(canVote(s.state, 'p3', topicId)).toBe(expected);
  });
});
