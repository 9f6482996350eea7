import { randomUUID } from 'node:crypto';
import { MemorySessionStore, sessionKeys, type SessionStore } from '@runde/server';
import {
  applyAll,
  defaultLeanCoffeeSettings,
  initialState,
  type DomainEvent,
  type HallTableSummary,
} from '@runde/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteTestKeys, openRawRedis, openRedisStore } from '../support/serverHarness.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';

/**
 * A hall's table summaries in both stores: kept with the hall (its retention, its deletion), an
 * older version never over a newer one, and a stamp that moves with every change.
 */
const prefix = uniquePrefix('hall-summaries');
const stores: SessionStore[] = [];

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await deleteTestKeys(prefix);
});

const newId = () => randomUUID().slice(0, 6).toUpperCase();

/** The store does not look at a session's kind for this: any session stands in for the hall. */
async function storedHall(store: SessionStore): Promise<string> {
  const id = newId();
  const events: DomainEvent[] = [
    {
      type: 'session:created',
      id,
      kind: 'lean-coffee',
      title: 'Hall',
      settings: defaultLeanCoffeeSettings,
      createdAt: 1,
    },
    {
      type: 'participant:joined',
      participant: { id: 'p_org', name: 'Org', role: 'facilitator', online: false, joinedAt: 1 },
    },
  ];
  const [first, ...rest] = events;
  if (first?.type !== 'session:created') throw new Error('fixture');
  expect(
    await store.create(id, { events, state: applyAll(initialState(first), rest), tokens: [], facilitatorKeys: [] }),
  ).toBe(true);
  return id;
}

const summary = (table: number, version: number, votes = 0): HallTableSummary => ({
  table,
  sessionId: `T${table}`.padEnd(6, 'X'),
  version,
  people: 3,
  online: 2,
  phase: 'collect',
  topics: 1,
  votes,
  discussing: null,
  discussed: 0,
  takeaways: [],
  takeawayCount: 0,
  actionCount: 0,
  highlight: null,
  helpSince: null,
});

describe.each([
  ['memory', async () => new MemorySessionStore({ retentionMs: 60_000 })],
  ['redis', async () => openRedisStore(prefix, { retentionMs: 60_000 })],
] as const)('%s store: hall table summaries', (_name, open) => {
  it('keeps the newest summary per table and moves the stamp with each change only', async () => {
    const store = await open();
    stores.push(store);
    const hallId = await storedHall(store);
    expect(await store.hallTableSummaries(hallId)).toEqual({ stamp: 0, tables: [] });
    expect(await store.hallSummaryStamp(hallId)).toBe(0);

    expect(await store.putHallTableSummary(hallId, summary(1, 5, 2))).toBe(true);
    expect(await store.putHallTableSummary(hallId, summary(2, 3))).toBe(true);
    const stamp = await store.hallSummaryStamp(hallId);
    expect(stamp).toBeGreaterThan(0);
    // A write that lost a race to a newer one, or repeats it, changes nothing.
    expect(await store.putHallTableSummary(hallId, summary(1, 4, 9))).toBe(false);
    expect(await store.putHallTableSummary(hallId, summary(1, 5, 9))).toBe(false);
    expect(await store.hallSummaryStamp(hallId)).toBe(stamp);

    expect(await store.putHallTableSummary(hallId, summary(1, 6, 3))).toBe(true);
    const read = await store.hallTableSummaries(hallId);
    expect(read.stamp).toBeGreaterThan(stamp);
    expect(read.stamp).toBe(await store.hallSummaryStamp(hallId));
    expect([...read.tables].sort((a, b) => a.table - b.table)).toEqual([summary(1, 6, 3), summary(2, 3)]);
  });

  it('writes nothing for a hall that does not exist, and forgets the summaries with the hall', async () => {
    const store = await open();
    stores.push(store);
    expect(await store.putHallTableSummary(newId(), summary(1, 1))).toBe(false);
    const hallId = await storedHall(store);
    await store.putHallTableSummary(hallId, summary(1, 1));
    expect(await store.delete(hallId)).toBe(true);
    expect(await store.hallTableSummaries(hallId)).toEqual({ stamp: 0, tables: [] });
    expect(await store.hallSummaryStamp(hallId)).toBe(0);
  });
});

describe('redis store: hall table summaries live with the hall', () => {
  it('keeps them under the hall hash tag with the hall retention', async () => {
    const store = await openRedisStore(prefix, { retentionMs: 120_000 });
    stores.push(store);
    const raw = await openRawRedis();
    try {
      const hallId = await storedHall(store);
      await store.putHallTableSummary(hallId, summary(3, 2));
      const keys = sessionKeys(prefix, hallId);
      const hallTables = keys[9];
      expect(hallTables.startsWith(`${prefix}{${hallId}}:`)).toBe(true);
      // Set in one script with the hall's own keys, so read after the hall's it is never longer.
      const hallTtl = await raw.pTTL(keys[0]);
      const ttl = await raw.pTTL(hallTables);
      expect(ttl).toBeGreaterThan(110_000);
      expect(ttl).toBeLessThanOrEqual(hallTtl);
      expect(await store.delete(hallId)).toBe(true);
      expect(await raw.exists(hallTables)).toBe(0);
    } finally {
      await raw.close();
    }
  });
});
