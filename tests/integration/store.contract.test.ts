import { randomUUID } from 'node:crypto';
import {
  MemorySessionStore,
  RedisSessionStore,
  sessionKeys,
  StoreUnavailableError,
  type SessionStore,
} from '@runde/server';
import {
  applyAll,
  defaultLeanCoffeeSettings,
  initialState,
  replayLoop,
  type ArchivedItem,
  type DomainEvent,
  type LoopEvent,
  type Phase,
  type SessionState,
} from '@runde/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort, deleteTestKeys, openRawRedis, openRedisStore } from '../support/serverHarness.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';

/** A store under test plus what the suite cannot ask through the interface. */
interface StoreHarness {
  store: SessionStore & { remainingTtlMs(id: string): Promise<number | null> };
  close(): Promise<void>;
}

interface StoreOptions {
  retentionMs: number;
  teamSpaceRetentionMs?: number;
  maxEvents: number;
  archiveMaxEntries?: number;
  decisionArchiveMaxEntries?: number;
}

type StoreFactory = (options: StoreOptions) => Promise<StoreHarness>;

const created: Extract<DomainEvent, { type: 'session:created' }> = {
  type: 'session:created',
  id: 'ABC234',
  kind: 'lean-coffee',
  title: 'Contract',
  settings: defaultLeanCoffeeSettings,
  createdAt: 1,
};
const joined = (id: string): DomainEvent => ({
  type: 'participant:joined',
  participant: { id, name: id, role: 'participant', online: false, joinedAt: 2 },
});
const phase = (to: Phase): DomainEvent => ({ type: 'phase:changed', phase: to });
/** A command id as participant `p_a` sent it. */
const seatA = { participantId: 'p_a', commandId: 'cmd-join-a-0001' };

/** A fresh session id per test, so tests never see each other's data. */
const newId = () => randomUUID().slice(0, 6).toUpperCase();

function openingEvents(): DomainEvent[] {
  return [created, joined('p_fac')];
}

function stateAfter(events: DomainEvent[]): SessionState {
  const [first, ...rest] = events;
  if (first?.type !== 'session:created') throw new Error('fixture must start with session:created');
  return applyAll(initialState(first), rest);
}

/** An archived decision, numbered like its id. */
const archivedDecision = (n: number): ArchivedItem => ({
  kind: 'decision',
  archivedAt: 2000 + n,
  item: {
    id: `d_${n}`,
    number: n,
    tensionId: `t_${n}`,
    title: `Decision ${n}`,
    text: `Text ${n}`,
    adoptedAt: n,
    meetingId: 'm_1',
    present: ['Ana'],
  },
});

/** An archived done action with its own id and text; what is archived is opaque to the store. */
const archivedAction = (n: number): ArchivedItem => ({
  kind: 'action',
  archivedAt: 1000 + n,
  item: {
    id: `ac_${n}`,
    kind: 'next-action',
    text: `Action ${n}`,
    ownerId: null,
    ownerName: null,
    due: null,
    status: 'done',
    tensionId: null,
    meetingId: null,
    createdAt: n,
  },
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** A team space at version 2: opened, with its facilitator. */
function teamSpaceEvents(id: string): LoopEvent[] {
  return [
    { type: 'space:created', id, title: 'Team', createdAt: 1 },
    {
      type: 'participant:joined',
      participant: { id: 'p_fac', name: 'Fac', role: 'facilitator', online: false, joinedAt: 1 },
    },
  ];
}
const spaceRenamed = (title: string): LoopEvent => ({
  type: 'space:updated',
  title,
  roomNames: { operational: null, governance: null, individual: null, relationship: null },
  checklist: [],
  metrics: [],
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One behaviour, two stores: everything the server relies on, checked against the memory store
 * and the Redis store alike, so the embedded default never drifts from production.
 */
function storeContract(name: string, factory: StoreFactory) {
  describe(`${name} session store contract`, () => {
    const harnesses: StoreHarness[] = [];
    const open = async (options: Partial<StoreOptions> = {}) => {
      const harness = await factory({ retentionMs: 60_000, maxEvents: 1000, ...options });
      harnesses.push(harness);
      return harness.store;
    };
    /** A session at version 2 with the facilitator's token and key stored. */
    const seeded = async (store: SessionStore) => {
      const id = newId();
      const events = openingEvents();
      const ok = await store.create(id, {
        events,
        state: stateAfter(events),
        tokens: [{ tokenHash: 'token-hash-fac', participantId: 'p_fac' }],
        facilitatorKeys: [{ keyHash: 'key-hash-fac', participantId: 'p_fac' }],
      });
      expect(ok).toBe(true);
      return { id, events, state: stateAfter(events) };
    };

    /** A team space at version 2 with a token, a facilitator key and one archived action. */
    const seededSpace = async (store: SessionStore) => {
      const id = newId();
      const events = teamSpaceEvents(id);
      const ok = await store.create(id, {
        events,
        state: replayLoop(events),
        tokens: [{ tokenHash: 'token-hash-fac', participantId: 'p_fac' }],
        facilitatorKeys: [{ keyHash: 'key-hash-fac', participantId: 'p_fac' }],
      });
      expect(ok).toBe(true);
      const state = replayLoop([...events, spaceRenamed('Team A')]);
      const committed = await store.commit(id, 2, [spaceRenamed('Team A')], state, { archive: [archivedAction(1)] });
      expect(committed).toEqual({ ok: true, version: 3 });
      return { id, state };
    };

    afterAll(async () => {
      await Promise.all(harnesses.map((h) => h.close()));
    });

    it('creates a session only when the id is free', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      const again = await store.create(id, {
        events: [{ ...created, title: 'Intruder' }],
        state: { ...state, title: 'Intruder' },
        tokens: [{ tokenHash: 'intruder', participantId: 'p_x' }],
        facilitatorKeys: [],
      });
      expect(again).toBe(false);
      expect(await store.load(id)).toEqual({ state, version: 2 });
      expect(await store.participantForToken(id, 'intruder')).toBeNull();
    });

    it('answers for a missing session with null or missing, never an error', async () => {
      const store = await open();
      const id = newId();
      expect(await store.load(id)).toBeNull();
      expect(await store.eventsSince(id, 0)).toBeNull();
      expect(await store.participantForToken(id, 'x')).toBeNull();
      expect(await store.facilitatorForKey(id, 'x')).toBeNull();
      expect(await store.commit(id, 0, [phase('vote')], stateAfter(openingEvents()))).toEqual({
        ok: false,
        reason: 'missing',
      });
      expect(await store.load(id)).toBeNull();
    });

    it('commits at the expected version, numbering the events after it', async () => {
      const store = await open();
      const { id, events, state } = await seeded(store);
      const added = [joined('p_a'), phase('vote')];
      const next = applyAll(state, added);
      expect(await store.commit(id, 2, added, next)).toEqual({ ok: true, version: 4 });
      expect(await store.load(id)).toEqual({ state: next, version: 4 });
      expect(await store.eventsSince(id, 0)).toEqual(
        [...events, ...added].map((event, i) => ({ version: i + 1, event })),
      );
    });

    it('refuses a stale version, returns the current session and writes nothing', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      const next = applyAll(state, [phase('vote')]);
      expect(await store.commit(id, 2, [phase('vote')], next)).toEqual({ ok: true, version: 3 });
      const stale = await store.commit(id, 2, [joined('p_late')], applyAll(state, [joined('p_late')]), {
        grantTokens: [{ tokenHash: 'late', participantId: 'p_late' }],
      });
      expect(stale).toEqual({ ok: false, reason: 'conflict', current: { state: next, version: 3 } });
      expect(await store.load(id)).toEqual({ state: next, version: 3 });
      expect(await store.eventsSince(id, 2)).toEqual([{ version: 3, event: phase('vote') }]);
      expect(await store.participantForToken(id, 'late')).toBeNull();
    });

    it('lets exactly one of many concurrent writers at the same version win', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.commit(id, 2, [joined(`p_${i}`)], applyAll(state, [joined(`p_${i}`)])),
        ),
      );
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 3 }]);
      expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(9);
      const loaded = await store.load(id);
      expect(loaded?.version).toBe(3);
      expect(loaded?.state.participants).toHaveLength(2);
    });

    it('commits without events to store tokens, keeping the version', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      expect(
        await store.commit(id, 2, [], state, { grantTokens: [{ tokenHash: 'second-device', participantId: 'p_fac' }] }),
      ).toEqual({
        ok: true,
        version: 2,
      });
      expect(await store.participantForToken(id, 'second-device')).toBe('p_fac');
      expect(await store.eventsSince(id, 0)).toHaveLength(2);
    });

    it('recognises a command id committed before: writes nothing and tells the version it reached', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      const once = applyAll(state, [joined('p_a')]);
      expect(await store.commit(id, 2, [joined('p_a')], once, { command: seatA })).toEqual({
        ok: true,
        version: 3,
      });
      // The retry, decided again on the newer state, must not land a second time.
      const twice = applyAll(once, [joined('p_b')]);
      expect(await store.commit(id, 3, [joined('p_b')], twice, { command: seatA })).toEqual({
        ok: false,
        reason: 'duplicate',
        version: 3,
      });
      expect((await store.load(id))?.version).toBe(3);
      expect(await store.commandVersion(id, seatA)).toBe(3);
      expect(await store.commandVersion(id, { participantId: 'p_fac', commandId: 'cmd-never-sent-01' })).toBeNull();
      expect(await store.commandVersion('NOSUCH', seatA)).toBeNull();
    });

    it('scopes command ids to their seat: the same id from another seat is a new command', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      const once = applyAll(state, [joined('p_a')]);
      expect(await store.commit(id, 2, [joined('p_a')], once, { command: seatA })).toEqual({ ok: true, version: 3 });
      const sameIdOtherSeat = { participantId: 'p_fac', commandId: seatA.commandId };
      expect(await store.commandVersion(id, sameIdOtherSeat)).toBeNull();
      const twice = applyAll(once, [phase('vote')]);
      expect(await store.commit(id, 3, [phase('vote')], twice, { command: sameIdOtherSeat })).toEqual({
        ok: true,
        version: 4,
      });
      // Each seat's retry is still recognised, with its own first result.
      expect(await store.commit(id, 4, [phase('discuss')], twice, { command: seatA })).toEqual({
        ok: false,
        reason: 'duplicate',
        version: 3,
      });
      expect(await store.commit(id, 4, [phase('discuss')], twice, { command: sameIdOtherSeat })).toEqual({
        ok: false,
        reason: 'duplicate',
        version: 4,
      });
      expect((await store.load(id))?.version).toBe(4);
    });

    it('finds seats by token hash and the facilitator by key hash, nothing else', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      await store.commit(id, 2, [joined('p_a')], applyAll(state, [joined('p_a')]), {
        grantTokens: [{ tokenHash: 'token-hash-a', participantId: 'p_a' }],
      });
      expect(await store.participantForToken(id, 'token-hash-fac')).toBe('p_fac');
      expect(await store.participantForToken(id, 'token-hash-a')).toBe('p_a');
      expect(await store.participantForToken(id, 'key-hash-fac')).toBeNull();
      expect(await store.participantForToken(id, '__proto__')).toBeNull();
      expect(await store.facilitatorForKey(id, 'key-hash-fac')).toBe('p_fac');
      expect(await store.facilitatorForKey(id, 'token-hash-fac')).toBeNull();
      expect(await store.participantForToken(newId(), 'token-hash-fac')).toBeNull();
    });

    it('keeps one projector key hash per session: replaced by the next, gone with the session', async () => {
      const store = await open();
      const { id } = await seeded(store);
      expect(await store.projectorKeyHash(id)).toBeNull();
      expect(await store.setProjectorKey(id, 'projector-hash-1')).toBe(true);
      expect(await store.projectorKeyHash(id)).toBe('projector-hash-1');
      expect(await store.setProjectorKey(id, 'projector-hash-2')).toBe(true);
      expect(await store.projectorKeyHash(id)).toBe('projector-hash-2');
      // Not a seat's token, not a facilitator key.
      expect(await store.participantForToken(id, 'projector-hash-2')).toBeNull();
      expect(await store.facilitatorForKey(id, 'projector-hash-2')).toBeNull();
      const missing = newId();
      expect(await store.setProjectorKey(missing, 'projector-hash-3')).toBe(false);
      expect(await store.projectorKeyHash(missing)).toBeNull();
      expect(await store.delete(id)).toBe(true);
      expect(await store.projectorKeyHash(id)).toBeNull();
    });

    it('returns events since a version while the log reaches back, null once trimmed or ahead', async () => {
      const store = await open({ maxEvents: 5 });
      const { id, state } = await seeded(store);
      let version = 2;
      let current = state;
      for (const to of ['vote', 'discuss', 'vote', 'discuss', 'vote', 'discuss'] as const) {
        current = applyAll(current, [phase(to)]);
        const result = await store.commit(id, version, [phase(to)], current);
        expect(result.ok).toBe(true);
        version += 1;
      }
      // Versions 1..8 happened; the newest 5 (4..8) are kept.
      expect(version).toBe(8);
      expect(await store.eventsSince(id, 8)).toEqual([]);
      expect((await store.eventsSince(id, 6))?.map((e) => e.version)).toEqual([7, 8]);
      expect((await store.eventsSince(id, 3))?.map((e) => e.version)).toEqual([4, 5, 6, 7, 8]);
      expect(await store.eventsSince(id, 2)).toBeNull();
      expect(await store.eventsSince(id, 0)).toBeNull();
      expect(await store.eventsSince(id, 9)).toBeNull();
      expect(await store.load(id)).toEqual({ state: current, version: 8 });
    });

    it('keeps its own copy: changing a loaded or committed object changes nothing stored', async () => {
      const store = await open();
      const { id, state } = await seeded(store);
      const loaded = await store.load(id);
      loaded?.state.participants.push({ id: 'p_ghost', name: 'Ghost', role: 'facilitator', online: true, joinedAt: 0 });
      const next = applyAll(state, [phase('vote')]);
      await store.commit(id, 2, [phase('vote')], next);
      next.phase = 'ended';
      expect(await store.load(id)).toEqual({ state: applyAll(state, [phase('vote')]), version: 3 });
    });

    it('sets a retention on create and refreshes it on every write', async () => {
      const store = await open({ retentionMs: 60_000 });
      const { id, state } = await seeded(store);
      const afterCreate = await store.remainingTtlMs(id);
      expect(afterCreate).toBeGreaterThan(59_000);
      expect(afterCreate).toBeLessThanOrEqual(60_000);
      await sleep(300);
      expect(await store.remainingTtlMs(id)).toBeLessThan(59_800);
      await store.commit(id, 2, [phase('vote')], applyAll(state, [phase('vote')]));
      expect(await store.remainingTtlMs(id)).toBeGreaterThan(59_800);
    });

    it('forgets a session, its log and its tokens once the retention passes without writes', async () => {
      const store = await open({ retentionMs: 400 });
      const { id, state } = await seeded(store);
      await sleep(250);
      // A write at 250 ms pushes expiry to about 650 ms.
      expect((await store.commit(id, 2, [phase('vote')], applyAll(state, [phase('vote')]))).ok).toBe(true);
      await sleep(250);
      expect((await store.load(id))?.version).toBe(3);
      await sleep(500);
      expect(await store.load(id)).toBeNull();
      expect(await store.eventsSince(id, 0)).toBeNull();
      expect(await store.participantForToken(id, 'token-hash-fac')).toBeNull();
      expect(await store.facilitatorForKey(id, 'key-hash-fac')).toBeNull();
      // The id is free again, and nothing of the old session leaks into the new one.
      const events = openingEvents();
      expect(await store.create(id, { events, state: stateAfter(events), tokens: [], facilitatorKeys: [] })).toBe(true);
      expect(await store.participantForToken(id, 'token-hash-fac')).toBeNull();
      expect(await store.eventsSince(id, 0)).toHaveLength(2);
    });

    it('keeps each kind for its own retention: a Lean Coffee goes, a team space stays whole', async () => {
      const store = await open({ retentionMs: 400, teamSpaceRetentionMs: 60_000 });
      expect(store.retentionFor('lean-coffee')).toBe(400);
      expect(store.retentionFor('team-space')).toBe(60_000);
      const leanCoffee = await seeded(store);
      const space = await seededSpace(store);
      const spaceTtl = await store.remainingTtlMs(space.id);
      expect(spaceTtl).toBeGreaterThan(59_000);
      expect(spaceTtl).toBeLessThanOrEqual(60_000);
      await sleep(700);
      expect(await store.load(leanCoffee.id)).toBeNull();
      expect(await store.expiresAt(leanCoffee.id)).toBeNull();
      // Everything of the team space is still there: state, log, archive, a member's token, the facilitator key.
      expect(await store.load(space.id)).toEqual({ state: space.state, version: 3 });
      expect(await store.eventsSince(space.id, 0)).toHaveLength(3);
      expect((await store.archive(space.id, { kind: 'action', limit: 20 })).entries).toHaveLength(1);
      expect(await store.participantForToken(space.id, 'token-hash-fac')).toBe('p_fac');
      expect(await store.facilitatorForKey(space.id, 'key-hash-fac')).toBe('p_fac');
    });

    it("tells when a session expires: its last write plus its kind's retention", async () => {
      const store = await open({ retentionMs: 60_000, teamSpaceRetentionMs: 730 * DAY_MS });
      const before = Date.now();
      const leanCoffee = await seeded(store);
      const space = await seededSpace(store);
      const after = Date.now();
      const leanCoffeeExpiry = await store.expiresAt(leanCoffee.id);
      expect(leanCoffeeExpiry).toBeGreaterThanOrEqual(before + 60_000 - 50);
      expect(leanCoffeeExpiry).toBeLessThanOrEqual(after + 60_000 + 50);
      const spaceExpiry = await store.expiresAt(space.id);
      expect(spaceExpiry).toBeGreaterThanOrEqual(before + 730 * DAY_MS - 50);
      expect(spaceExpiry).toBeLessThanOrEqual(after + 730 * DAY_MS + 50);
      expect(await store.expiresAt(newId())).toBeNull();
    });

    it('archives items in order with a commit, pages them newest first, bounded, and deletes them with the session', async () => {
      const store = await open({ archiveMaxEntries: 5 });
      const { id, state } = await seeded(store);
      expect(await store.archive(id, { kind: 'action', limit: 20 })).toEqual({ entries: [], next: null });
      const items = Array.from({ length: 7 }, (_, i) => archivedAction(i + 1));
      const vote = applyAll(state, [phase('vote')]);
      expect((await store.commit(id, 2, [phase('vote')], vote, { archive: items.slice(0, 4) })).ok).toBe(true);
      // A commit that loses its version check archives nothing, and neither does a duplicate.
      expect((await store.commit(id, 2, [phase('vote')], vote, { archive: [archivedAction(99)] })).ok).toBe(false);
      const discuss = applyAll(vote, [phase('discuss')]);
      expect((await store.commit(id, 3, [phase('discuss')], discuss, { archive: items.slice(4) })).ok).toBe(true);
      // Bounded: of seven, the newest five stay, numbered by the order they were archived in.
      const seqs = (page: Awaited<ReturnType<SessionStore['archive']>>) => page.entries.map((e) => [e.seq, e.item.id]);
      const newest = await store.archive(id, { kind: 'action', limit: 2 });
      expect(seqs(newest)).toEqual([
        [7, 'ac_7'],
        [6, 'ac_6'],
      ]);
      expect(newest.entries[0]).toEqual({ ...items[6], seq: 7 });
      expect(newest.next).toBe(6);
      const older = await store.archive(id, { kind: 'action', before: 6, limit: 20 });
      expect(seqs(older)).toEqual([
        [5, 'ac_5'],
        [4, 'ac_4'],
        [3, 'ac_3'],
      ]);
      expect(older.next).toBeNull();
      expect((await store.archive(id, { kind: 'meeting', limit: 20 })).entries).toEqual([]);
      expect(await store.delete(id)).toBe(true);
      expect(await store.archive(id, { kind: 'action', limit: 20 })).toEqual({ entries: [], next: null });
      // A new session under the same id starts with an empty archive.
      const events = openingEvents();
      expect(await store.create(id, { events, state: stateAfter(events), tokens: [], facilitatorKeys: [] })).toBe(true);
      expect((await store.archive(id, { kind: 'action', limit: 20 })).entries).toEqual([]);
    });

    it('keeps decisions in a fourth list with bounds of their own, paged apart from the others', async () => {
      const store = await open({ archiveMaxEntries: 2, decisionArchiveMaxEntries: 3 });
      const { id, state } = await seeded(store);
      const decisions = Array.from({ length: 4 }, (_, i) => archivedDecision(i + 1));
      const actions = Array.from({ length: 4 }, (_, i) => archivedAction(i + 1));
      const vote = applyAll(state, [phase('vote')]);
      const archive = [...actions, ...decisions];
      expect((await store.commit(id, 2, [phase('vote')], vote, { archive })).ok).toBe(true);
      const seqs = (page: Awaited<ReturnType<SessionStore['archive']>>) => page.entries.map((e) => [e.seq, e.item.id]);
      const newest = await store.archive(id, { kind: 'decision', limit: 20 });
      // The decision list's own bound (three) holds, not the others' (two).
      expect(seqs(newest)).toEqual([
        [4, 'd_4'],
        [3, 'd_3'],
        [2, 'd_2'],
      ]);
      expect(newest.entries[0]).toEqual({ ...decisions[3], seq: 4 });
      expect(seqs(await store.archive(id, { kind: 'action', limit: 20 }))).toEqual([
        [4, 'ac_4'],
        [3, 'ac_3'],
      ]);
      expect(await store.delete(id)).toBe(true);
      expect(await store.archive(id, { kind: 'decision', limit: 20 })).toEqual({ entries: [], next: null });
    });

    it('keeps the proposal-deadline index: due earliest first and bounded, newest version wins, gone with its session', async () => {
      const store = await open();
      const [a, b, c] = [await seededSpace(store), await seededSpace(store), await seededSpace(store)];
      await store.setProposalDeadline(a.id, 5, 3_000);
      await store.setProposalDeadline(b.id, 5, 1_000);
      await store.setProposalDeadline(c.id, 5, 9_000);
      expect(await store.dueProposalDeadlines(500, 20)).toEqual([]);
      expect(await store.dueProposalDeadlines(3_000, 20)).toEqual([b.id, a.id]);
      expect(await store.dueProposalDeadlines(10_000, 2)).toEqual([b.id, a.id]);
      // A late write of an older state changes nothing; the same version may correct its own entry.
      await store.setProposalDeadline(b.id, 4, 20_000);
      expect(await store.dueProposalDeadlines(1_000, 20)).toEqual([b.id]);
      await store.setProposalDeadline(b.id, 5, 20_000);
      expect(await store.dueProposalDeadlines(10_000, 20)).toEqual([a.id, c.id]);
      // No open proposal: no entry; deleting the session drops its entry too.
      await store.setProposalDeadline(a.id, 6, null);
      expect(await store.delete(c.id)).toBe(true);
      expect(await store.dueProposalDeadlines(30_000, 20)).toEqual([b.id]);
    });

    it('answers ping', async () => {
      const store = await open();
      expect(await store.ping()).toBe(true);
    });
  });
}

storeContract('memory', async (options) => {
  const store = new MemorySessionStore(options);
  return { store, close: () => store.close() };
});

const redisPrefixes: string[] = [];
afterAll(async () => {
  await Promise.all(redisPrefixes.map((prefix) => deleteTestKeys(prefix)));
});

storeContract('redis', async (options) => {
  const prefix = uniquePrefix('store-contract');
  redisPrefixes.push(prefix);
  const store = await openRedisStore(prefix, options);
  return { store, close: () => store.close() };
});

/** A team space at version 3 with a token and one archived action, as the server would leave it. */
async function storeTeamSpace(store: SessionStore): Promise<{ id: string; version: number }> {
  const id = newId();
  const events = teamSpaceEvents(id);
  await store.create(id, {
    events,
    state: replayLoop(events),
    tokens: [{ tokenHash: 'token-hash-fac', participantId: 'p_fac' }],
    facilitatorKeys: [{ keyHash: 'key-hash-fac', participantId: 'p_fac' }],
  });
  const state = replayLoop([...events, spaceRenamed('Team A')]);
  await store.commit(id, 2, [spaceRenamed('Team A')], state, {
    archive: [archivedAction(1)],
    command: { participantId: 'p_fac', commandId: 'cmd-rename-0001' },
  });
  return { id, version: 3 };
}

describe('memory session store with an injected clock', () => {
  it('lets a Lean Coffee go after 30 days and keeps a team space idle for 90 days whole, for 730', async () => {
    let now = Date.UTC(2026, 5, 1);
    const store = new MemorySessionStore({ retentionMs: 30 * DAY_MS, clock: () => now });
    try {
      const events = openingEvents();
      const leanCoffee = newId();
      await store.create(leanCoffee, { events, state: stateAfter(events), tokens: [], facilitatorKeys: [] });
      const space = await storeTeamSpace(store);
      expect(await store.expiresAt(space.id)).toBe(now + 730 * DAY_MS);
      now += 30 * DAY_MS - 1;
      expect(await store.load(leanCoffee)).not.toBeNull();
      now += 1;
      expect(await store.load(leanCoffee)).toBeNull();
      now += 60 * DAY_MS;
      expect((await store.load(space.id))?.version).toBe(3);
      expect(await store.participantForToken(space.id, 'token-hash-fac')).toBe('p_fac');
      expect((await store.archive(space.id, { kind: 'action', limit: 20 })).entries).toHaveLength(1);
      // Back after the summer: the first change keeps it two more years from now.
      const state = (await store.load(space.id))?.state;
      if (state?.kind !== 'team-space') throw new Error('expected the team space');
      expect((await store.commit(space.id, 3, [spaceRenamed('Team B')], state)).ok).toBe(true);
      expect(await store.expiresAt(space.id)).toBe(now + 730 * DAY_MS);
      now += 730 * DAY_MS;
      expect(await store.load(space.id)).toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe('redis session store specifics', () => {
  const prefix = uniquePrefix('store-redis');
  redisPrefixes.push(prefix);

  it.each([
    { maxEvents: 1000, commits: 120, snapshotWrites: 2 },
    { maxEvents: 5, commits: 22, snapshotWrites: 4 },
  ])(
    'rewrites the snapshot only now and then, yet loads and conflicts give the current state (log of $maxEvents)',
    async ({ maxEvents, commits, snapshotWrites }) => {
      const store = await openRedisStore(prefix, { maxEvents });
      const raw = await openRawRedis();
      try {
        const id = newId();
        const events = openingEvents();
        let state = stateAfter(events);
        await store.create(id, { events, state, tokens: [], facilitatorKeys: [] });
        const [sessionKey] = sessionKeys(prefix, id);
        const snapshots = new Set<string>();
        for (let i = 0; i < commits; i += 1) {
          const event = joined(`p_${i}`);
          state = applyAll(state, [event]);
          expect((await store.commit(id, 2 + i, [event], state)).ok).toBe(true);
          snapshots.add((await raw.hGet(sessionKey, 'snapshot')) ?? '');
        }
        const version = 2 + commits;
        // One snapshot per interval (50 events, or the log's length if shorter), not one per commit;
        // the newest is behind the version, so loading folds the events after it.
        expect(snapshots.size).toBe(snapshotWrites + 1);
        expect(Number(await raw.hGet(sessionKey, 'snapshot'))).toBeLessThan(version);
        expect(await store.load(id)).toEqual({ state, version });
        const stale = await store.commit(id, 2, [joined('late')], state);
        expect(stale).toEqual({ ok: false, reason: 'conflict', current: { state, version } });
      } finally {
        await raw.close();
        await store.close();
      }
    },
  );

  it('keeps all keys of a session under one hash tag, each with a TTL', async () => {
    const store = await openRedisStore(prefix, { retentionMs: 120_000 });
    const raw = await openRawRedis();
    try {
      const id = newId();
      const events = openingEvents();
      const state = stateAfter(events);
      const tokenHash = `hash-of-${randomUUID()}`;
      await store.create(id, {
        events,
        state,
        tokens: [{ tokenHash, participantId: 'p_fac' }],
        facilitatorKeys: [{ keyHash: 'key-hash', participantId: 'p_fac' }],
      });
      await store.commit(id, 2, [joined('p_a')], applyAll(state, [joined('p_a')]), {
        grantTokens: [{ tokenHash: 'hash-a', participantId: 'p_a' }],
        command: { participantId: 'p_fac', commandId: 'cmd-join-a-0001' },
        // One item of each kind, so the archive's lists exist (and carry the same TTL) too. The store
        // keeps items as they come, so an action's body stands in for the others here.
        archive: [
          archivedAction(1),
          { kind: 'tension', archivedAt: 1, item: archivedAction(2).item } as unknown as ArchivedItem,
          { kind: 'meeting', archivedAt: 1, item: archivedAction(3).item } as unknown as ArchivedItem,
          archivedDecision(4),
        ],
      });
      // A hall's table summaries (the last key) exist only for a hall: hallSummaryStore.test.ts.
      const tagged = sessionKeys(prefix, id);
      const keys = tagged.slice(0, -1);
      expect(keys.every((key) => key.startsWith(`${prefix}{${id}}:`))).toBe(true);
      const found: string[] = [];
      for await (const batch of raw.scanIterator({ MATCH: `${prefix}{${id}}*`, COUNT: 100 })) found.push(...batch);
      expect(found.sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const ttl = await raw.pTTL(key);
        expect(ttl, key).toBeGreaterThan(119_000);
        expect(ttl, key).toBeLessThanOrEqual(120_000);
      }
      // Beside each token its seat's device record, in the same key (so it shares TTL and slot).
      expect(await raw.hGetAll(tagged[2])).toEqual({
        [tokenHash]: 'p_fac',
        'hash-a': 'p_a',
        'd:p_fac': expect.stringContaining(tokenHash),
        'd:p_a': expect.stringContaining('"hash-a"'),
        recorded: '1',
      });
      expect(await raw.hGetAll(tagged[3])).toEqual({ 'key-hash': 'p_fac' });
    } finally {
      await raw.close();
      await store.close();
    }
  });

  it('gives every key of a team space the team-space retention on each commit', async () => {
    const store = await openRedisStore(prefix, { retentionMs: 30 * DAY_MS });
    const raw = await openRawRedis();
    try {
      const { id } = await storeTeamSpace(store);
      const keys = sessionKeys(prefix, id);
      const [, , , , , archivedMeetings, archivedTensions, , archivedDecisions, hallTables] = keys;
      const empty = [archivedMeetings, archivedTensions, archivedDecisions, hallTables];
      const filled = keys.filter((k) => !empty.includes(k));
      for (const key of filled) {
        const ttl = await raw.pTTL(key);
        expect(ttl, key).toBeGreaterThan(730 * DAY_MS - 60_000);
        expect(ttl, key).toBeLessThanOrEqual(730 * DAY_MS);
      }
    } finally {
      await raw.close();
      await store.close();
    }
  });

  it('gives team spaces stored by an earlier release the team-space retention once, and leaves Lean Coffees alone', async () => {
    const ownPrefix = uniquePrefix('store-upgrade');
    redisPrefixes.push(ownPrefix);
    const store = await openRedisStore(ownPrefix, { retentionMs: 30 * DAY_MS });
    const raw = await openRawRedis();
    try {
      const space = await storeTeamSpace(store);
      const leanCoffee = newId();
      const events = openingEvents();
      await store.create(leanCoffee, { events, state: stateAfter(events), tokens: [], facilitatorKeys: [] });
      // What an earlier release left: no 'retention' field, every key 30 days less what has passed.
      const earlier = 10 * DAY_MS;
      for (const id of [space.id, leanCoffee]) {
        await raw.hDel(sessionKeys(ownPrefix, id)[0], 'retention');
        for (const key of sessionKeys(ownPrefix, id)) await raw.pExpire(key, earlier);
      }
      expect(await store.upgradeTeamSpaceRetention()).toBe(1);
      for (const key of sessionKeys(ownPrefix, space.id)) {
        const ttl = await raw.pTTL(key);
        if (ttl === -2) continue; // an archive list this space never filled
        expect(ttl, key).toBeGreaterThan(730 * DAY_MS - 60_000);
      }
      expect(await raw.pTTL(sessionKeys(ownPrefix, leanCoffee)[0])).toBeLessThanOrEqual(earlier);
      // Once only: a second start (or a second node) changes nothing, so it never extends a space again.
      await raw.pExpire(sessionKeys(ownPrefix, space.id)[0], 700 * DAY_MS);
      expect(await store.upgradeTeamSpaceRetention()).toBe(0);
      expect(await raw.pTTL(sessionKeys(ownPrefix, space.id)[0])).toBeLessThanOrEqual(700 * DAY_MS);
    } finally {
      await raw.close();
      await store.close();
    }
  });

  it('reports a Redis that refuses connections as down, and fails calls as unavailable', async () => {
    const store = new RedisSessionStore({
      url: `redis://127.0.0.1:${await closedPort()}`,
      keyPrefix: prefix,
      retentionMs: 60_000,
    });
    try {
      expect(await store.ping()).toBe(false);
      await expect(store.load('ABC234')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.commit('ABC234', 1, [], stateAfter(openingEvents()))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
    } finally {
      await store.close();
    }
  });
});
