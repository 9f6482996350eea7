import { describe, expect, it } from 'vitest';
import { session } from '../leanCoffee/testing/fixtures.ts';
import { teamSpace } from '../teamSpace/testing/fixtures.ts';
import { succeed, type Ack } from '../protocol/errors.ts';
import type { CommandResult, SyncResult } from '../protocol/socketEvents.ts';
import { everyKindFold, replayEvents, type KindState, type KindVersionedEvent } from '../kinds.ts';

import { ReplicaSync, type SyncProblem } from './replicaSync.ts';
import { ManualScheduler } from './testing/manualScheduler.ts';
import { SocketPair } from './testing/socketPair.ts';

/**
 * A Lean Coffee log on a scripted server end: `session:sync` answers from the log (events since
 * the version, a snapshot from 0), a command adds a topic and acks with its event. Each test
 * delivers frames itself, so it says exactly what arrives and in which order.
 */
function setup(options: { snapshot?: () => KindState; events?: (since: number) => KindVersionedEvent[] } = {}) {
  const meeting = session();
  const versioned = () => meeting.log.map((event, i) => ({ version: i + 1, event }));
  const syncs: number[] = [];
  const pair = new SocketPair({
    async sync({ sinceVersion }): Promise<Ack<SyncResult>> {
      syncs.push(sinceVersion);
      if (sinceVersion > 0) {
        return succeed({ kind: 'events', events: options.events?.(sinceVersion) ?? versioned().slice(sinceVersion) });
      }
      const state = replayEvents(meeting.log);
      return succeed({
        kind: 'snapshot',
        version: meeting.log.length,
        state: options.snapshot?.() ?? state,
        you: 'p2',
        retention: { expiresAt: 0, retentionMs: 0 },
      });
    },
    async command(): Promise<Ack<CommandResult>> {
      meeting.addTopic('p2', 'Mine');
      return succeed({ version: meeting.log.length, events: versioned().slice(-1) });
    },
    async ping() {
      return succeed({ serverNow: 0 });
    },
  });
  const problems: SyncProblem[] = [];
  const replica = new ReplicaSync({
    socket: pair.client,
    fold: everyKindFold,
    fromSnapshot: (state) => (state.kind === 'lean-coffee' ? state : null),
    scheduler: new ManualScheduler(),
    stop: (problem) => problems.push(problem),
  });
  pair.onPush = (batch) => replica.receive(batch.events);
  /** Another participant's topic, committed and pushed (the push waits in flight). */
  const othersTopic = () => {
    meeting.addTopic('p3', 'Theirs');
    pair.push({ events: versioned().slice(-1) });
  };
  return { meeting, pair, replica, syncs, problems, othersTopic };
}

/** Delivers every frame in flight, oldest first, letting each answer come back. */
async function deliverAll(pair: SocketPair) {
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!pair.deliver(0) && pair.inFlight.length === 0) return;
  }
}

async function synced() {
  const t = setup();
  t.pair.connect();
  void t.replica.sync();
  await deliverAll(t.pair);
  expect(t.replica.replica.version).toBe(t.meeting.log.length);
  return t;
}

describe('ReplicaSync', () => {
  it('applies its own change from the ack when the push is lost, without asking the server', async () => {
    const t = await synced();
    const answer = t.pair.client.command('topic:add', { title: 'Mine' }, { commandId: 'c1234567' });
    t.pair.deliver(0);
    await new Promise((resolve) => setImmediate(resolve));
    t.pair.push({ events: [] });
    t.pair.drop(t.pair.inFlight.findIndex((f) => f.label === 'push'));
    await deliverAll(t.pair);
    const ack = await answer;
    if (ack.ok) t.replica.acked(ack.data);
    expect(t.replica.replica.version).toBe(t.meeting.log.length);
    const { state } = t.replica.replica;
    expect(state?.kind === 'lean-coffee' ? state.topics.map((x) => x.title) : state).toEqual(['Mine']);
    expect(t.syncs).toEqual([0]);
  });

  it('keeps ack events beyond a gap until the push in front of them arrives, without asking', async () => {
    const t = await synced();
    const before = t.replica.replica.version;
    t.othersTopic();
    // Our own command commits behind it; its ack overtakes the push.
    const [mine] = t.meeting.run('p2', { type: 'topic:add', title: 'Mine', description: '' });
    if (!mine) throw new Error('no event');
    t.replica.acked({ version: before + 2, events: [{ version: before + 2, event: mine }] });
    expect(t.replica.replica.version).toBe(before);
    t.pair.deliver(0);
    expect(t.replica.replica.version).toBe(before + 2);
    expect(t.syncs).toEqual([0]);
  });

  it('asks for what is missing when a push shows a gap, and holds pushes meanwhile', async () => {
    const t = await synced();
    const before = t.replica.replica.version;
    t.othersTopic();
    t.pair.drop(0);
    t.othersTopic();
    t.pair.deliver(0);
    expect(t.replica.replica.version).toBe(before);
    t.othersTopic();
    t.pair.deliver(0); // the sync request, then the held push and the answer
    await deliverAll(t.pair);
    expect(t.syncs).toEqual([0, before]);
    expect(t.replica.replica.version).toBe(before + 3);
  });

  it('answers a sync asked while one runs only once the state it asked for is in', async () => {
    const t = setup();
    t.pair.connect();
    const first = t.replica.sync();
    // Asked again before the first answer (a push showed a gap, or a caller awaits being current).
    let secondDone = false;
    const second = t.replica.sync().then(() => (secondDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondDone).toBe(false);
    await deliverAll(t.pair);
    await Promise.all([first, second]);
    expect(t.replica.replica.version).toBe(t.meeting.log.length);
  });

  it('asks at once when an ack names a version it has not reached and carries no events (a retry)', async () => {
    const t = await synced();
    t.meeting.addTopic('p2', 'Mine');
    t.replica.acked({ version: t.meeting.log.length, events: [] });
    await deliverAll(t.pair);
    expect(t.syncs).toHaveLength(2);
    expect(t.replica.replica.version).toBe(t.meeting.log.length);
  });

  it('asks for a whole snapshot after synced events that do not fit', async () => {
    const t = setup({ events: () => [{ version: 99, event: { type: 'votes:revealed', votes: [] } }] });
    t.pair.connect();
    void t.replica.sync();
    await deliverAll(t.pair);
    t.othersTopic();
    t.pair.drop(0);
    t.othersTopic();
    t.pair.deliver(0);
    await deliverAll(t.pair);
    expect(t.syncs).toEqual([0, 4, 0]);
    expect(t.replica.replica.version).toBe(t.meeting.log.length);
  });

  it('refreshes from a whole snapshot on request, also when asked while a sync is in flight', async () => {
    const t = await synced();
    t.othersTopic();
    t.pair.drop(0);
    t.othersTopic();
    // The push shows a gap: a sync for events starts, and the refresh is asked while it waits.
    t.pair.deliver(0);
    const refreshed = t.replica.refresh();
    await deliverAll(t.pair);
    await refreshed;
    expect(t.syncs.slice(1)).toEqual([4, 0]);
    expect(t.replica.replica.version).toBe(t.meeting.log.length);
  });

  it('stops with wrong_kind on a snapshot of another kind', async () => {
    const t = setup({ snapshot: () => teamSpace().state });
    t.pair.connect();
    void t.replica.sync();
    await deliverAll(t.pair);
    expect(t.problems).toEqual(['wrong_kind']);
    expect(t.replica.replica.state).toBeNull();
  });
});
