import { describe, expect, it } from 'vitest';
import {
  defaultLeanCoffeeSettings,
  type KindState,
  type KindVersionedEvent,
  type DomainEvent,
  newParticipant,
  type SessionState,
  type TeamSpaceState,
  type VersionedEvent,
  mergeEvents,
  type MergeResult,
  type Replica,
  type SessionFold,
} from '@runde/shared/client';
import { leanCoffeeFold } from './leanCoffeeFold.ts';
import { teamSpaceFold } from './teamSpaceFold.ts';

const created: DomainEvent = {
  type: 'session:created',
  id: 'K7P4XM',
  kind: 'lean-coffee',
  title: 'Team',
  settings: defaultLeanCoffeeSettings,
  createdAt: 0,
};
const topic = (n: number): DomainEvent => ({
  type: 'topic:added',
  topic: {
    id: `t${n}`,
    title: `Topic ${n}`,
    description: '',
    authorId: 'p1',
    anonymous: false,
    createdAt: n,
    mergedTitles: [],
    status: 'open',
    discussingSince: null,
    spentMs: 0,
    endedAt: null,
    extensions: 0,
    thumbsHistory: [],
  },
});
const at = (version: number, event: DomainEvent): VersionedEvent => ({ version, event });

/** A replica at version 3 with topics t2 and t3. */
function replicaAt3(): Replica<SessionState> {
  const result = mergeEvents(
    { state: null, version: 0 },
    [at(1, created), at(2, topic(2)), at(3, topic(3))],
    leanCoffeeFold,
  );
  if (result.kind !== 'applied') throw new Error('fixture did not apply');
  return result.replica;
}

const topicIds = (result: MergeResult<SessionState>) =>
  result.kind === 'applied' ? result.replica.state?.topics.map((t) => t.id) : result.kind;

describe('mergeEvents', () => {
  it.each([
    {
      name: 'the next events in order',
      events: [at(4, topic(4)), at(5, topic(5))],
      expected: ['t2', 't3', 't4', 't5'],
    },
    { name: 'a batch out of order', events: [at(5, topic(5)), at(4, topic(4))], expected: ['t2', 't3', 't4', 't5'] },
    {
      name: 'an overlap with what is applied',
      events: [at(3, topic(3)), at(4, topic(4))],
      expected: ['t2', 't3', 't4'],
    },
    { name: 'only old events', events: [at(2, topic(2)), at(3, topic(3))], expected: 'unchanged' },
    { name: 'an empty batch', events: [], expected: 'unchanged' },
    { name: 'a missing version', events: [at(5, topic(5))], expected: 'gap' },
    { name: 'a hole inside the batch', events: [at(4, topic(4)), at(6, topic(6))], expected: 'gap' },
  ])('$name', ({ events, expected }) => {
    expect(topicIds(mergeEvents(replicaAt3(), events, leanCoffeeFold))).toEqual(expected);
  });

  it('advances the version to the last applied event', () => {
    const result = mergeEvents(replicaAt3(), [at(4, topic(4))], leanCoffeeFold);
    expect(result.kind === 'applied' && result.replica.version).toBe(4);
  });

  it('starts a state only from the session’s first event', () => {
    expect(mergeEvents({ state: null, version: 0 }, [at(1, topic(1))], leanCoffeeFold).kind).toBe('gap');
    expect(topicIds(mergeEvents({ state: null, version: 0 }, [at(1, created)], leanCoffeeFold))).toEqual([]);
  });

  it('does not change the replica it was given', () => {
    const replica = replicaAt3();
    mergeEvents(replica, [at(4, topic(4))], leanCoffeeFold);
    expect(replica.version).toBe(3);
    expect(replica.state?.topics).toHaveLength(2);
  });
});

const spaceLog: KindVersionedEvent[] = [
  { version: 1, event: { type: 'space:created', id: 'T4KX9P', title: 'Bauamt', createdAt: 0 } },
  {
    version: 2,
    event: {
      type: 'participant:joined',
      participant: newParticipant('Aylin', 'facilitator', { now: 0, newId: () => 'p1' }),
    },
  },
];

describe('mergeEvents for a team space', () => {
  it('starts a team space from its first event and folds its events', () => {
    const result = mergeEvents<TeamSpaceState>({ state: null, version: 0 }, spaceLog, teamSpaceFold);
    expect(result.kind === 'applied' && result.replica.state?.kind).toBe('team-space');
    expect(result.kind === 'applied' && result.replica.state?.participants.map((p) => p.name)).toEqual(['Aylin']);
  });

  it.each([
    { name: 'a team space opened as a Lean Coffee', log: spaceLog, fold: leanCoffeeFold },
    { name: 'a Lean Coffee opened as a team space', log: [at(1, created)], fold: teamSpaceFold },
  ])('reports $name as the wrong kind', ({ log, fold }) => {
    expect(mergeEvents<KindState>({ state: null, version: 0 }, log, fold as SessionFold<KindState>).kind).toBe(
      'wrong_kind',
    );
  });
});
