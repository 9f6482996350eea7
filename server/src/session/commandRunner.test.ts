import { createSession, type KindVersionedEvent } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { randomIds } from '../ids.ts';
import { createLogger } from '../logger.ts';
import { MemorySessionStore } from '../store/memorySessionStore.ts';
import { StoreUnavailableError } from '../store/sessionStore.ts';
import { CommandRunner } from './commandRunner.ts';
import { stateFromEvents } from './stateFromEvents.ts';

const SESSION_ID = 'RUNNER';

/**
 * A memory store whose confirmations the test holds back and settles one by one, and whose next
 * commit can be made to fail: what a store with replicas does when a WAIT is slow or a master goes.
 */
class HeldStore extends MemorySessionStore {
  readonly confirmations: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  failNextCommit = false;

  override confirmWrites(): Promise<void> {
    return new Promise((resolve, reject) => this.confirmations.push({ resolve, reject }));
  }

  override commit(...args: Parameters<MemorySessionStore['commit']>) {
    if (this.failNextCommit) {
      this.failNextCommit = false;
      return Promise.reject(new StoreUnavailableError('Redis command failed'));
    }
    return super.commit(...args);
  }
}

async function setUp() {
  const store = new HeldStore({ retentionMs: 60_000 });
  const ids = randomIds;
  const published: number[][] = [];
  const runner = new CommandRunner({
    store,
    clock: Date.now,
    ids,
    logger: createLogger('silent'),
    publish: (_id, events: KindVersionedEvent[]) => published.push(events.map((e) => e.version)),
  });
  const events = createSession(
    { id: SESSION_ID, title: 'Reihenfolge', facilitatorName: 'Fee', settings: {} },
    { now: Date.now(), newId: (kind) => ids.newId(kind) },
  );
  await store.create(SESSION_ID, { events, state: stateFromEvents(events), tokens: [], facilitatorKeys: [] });
  const facilitator = stateFromEvents(events).participants[0]?.id ?? '';
  const add = (title: string) =>
    runner.run(SESSION_ID, { kind: 'participant', id: facilitator }, { type: 'topic:add', title, description: '' });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { store, runner, published, add, settle };
}

describe('CommandRunner with a store that confirms writes', () => {
  it('answers and publishes a commit only once the store confirmed it, in the order of the commits', async () => {
    const { store, published, add, settle } = await setUp();
    let firstAnswered = false;
    const first = add('Eins').then((r) => ((firstAnswered = true), r));
    const second = add('Zwei');
    // Both commits are in before either is confirmed: the queue does not wait for replicas.
    await settle();
    await settle();
    expect(store.confirmations).toHaveLength(2);
    store.confirmations[1]?.resolve();
    await settle();
    // The second is confirmed first, but publication keeps the order: nothing goes out before the first.
    expect(published).toEqual([]);
    expect(firstAnswered).toBe(false);
    store.confirmations[0]?.resolve();
    const [a, b] = await Promise.all([first, second]);
    for (let i = 0; i < 5; i += 1) await settle();
    expect(a.ok && b.ok && [a.version, b.version]).toEqual([published[0]?.[0], published[1]?.[0]]);
  });

  it('throws an unconfirmed write as unavailable, publishes nothing for it, and does not hold up the next', async () => {
    const { store, published, add, settle } = await setUp();
    const first = add('Eins');
    const second = add('Zwei');
    await settle();
    await settle();
    store.confirmations[0]?.reject(new StoreUnavailableError('1 of 1 required replicas acknowledged'));
    store.confirmations[1]?.resolve();
    await expect(first).rejects.toBeInstanceOf(StoreUnavailableError);
    const answer = await second;
    await settle();
    expect(answer.ok).toBe(true);
    expect(published).toHaveLength(1);
  });

  it('does not hold up later publications when a command fails before its commit is in', async () => {
    const { store, published, add, settle } = await setUp();
    store.failNextCommit = true;
    await expect(add('Eins')).rejects.toBeInstanceOf(StoreUnavailableError);
    const next = add('Zwei');
    await settle();
    store.confirmations[0]?.resolve();
    expect((await next).ok).toBe(true);
    await settle();
    expect(published).toHaveLength(1);
  });
});
