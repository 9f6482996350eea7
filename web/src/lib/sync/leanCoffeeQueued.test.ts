import type { QueuedCommand, SessionState } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { queuedTopics, queuedVoteChanges, withQueuedVotes } from './leanCoffeeQueued.ts';

const entry = (type: QueuedCommand['type'], payload: unknown, n = 0): QueuedCommand => ({
  commandId: `c${n}`,
  type,
  payload,
  queuedAt: n,
});

describe('a seat’s queued Lean Coffee commands', () => {
  const state = { votes: [{ voterId: 'ana', topicId: 'a' }] } as unknown as SessionState;

  it('counts queued votes as if they had landed, retracts included', () => {
    const queued = [
      entry('vote:cast', { topicId: 'b' }, 1),
      entry('vote:cast', { topicId: 'b' }, 2),
      entry('vote:retract', { topicId: 'a' }, 3),
    ];
    expect(withQueuedVotes(state, 'ana', queued).votes).toEqual([
      { voterId: 'ana', topicId: 'b' },
      { voterId: 'ana', topicId: 'b' },
    ]);
    expect(queuedVoteChanges(queued)).toEqual(
      new Map([
        ['b', 2],
        ['a', -1],
      ]),
    );
  });

  it('leaves the state as it is without queued votes', () => {
    expect(withQueuedVotes(state, 'ana', [entry('topic:add', { title: 'X' })])).toBe(state);
  });

  it('lists queued topics with their text', () => {
    expect(queuedTopics([entry('topic:add', { title: 'X', description: 'Y' }, 4)])).toEqual([
      { commandId: 'c4', title: 'X', description: 'Y' },
    ]);
  });
});
