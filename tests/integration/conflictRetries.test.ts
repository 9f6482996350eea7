import { RedisSessionStore, type CommitOptions, type CommitResult } from '@runde/server';
import { applyEvent, type KindEvent, type KindState } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import { startSession } from '../support/serverClients.ts';
import { deleteTestKeys, startTestServer, type TestServer } from '../support/serverHarness.ts';

/**
 * A real Redis store where, for the next `interferences` commits, "another node" commits a real
 * event first: every one of those commits then loses its version check, exactly as in a storm
 * across nodes, and the runner must decide again on the state the store hands back.
 */
class ContendedStore extends RedisSessionStore {
  interferences = 0;

  override async commit(
    id: string,
    expectedVersion: number,
    events: KindEvent[],
    nextState: KindState,
    options?: CommitOptions,
  ): Promise<CommitResult> {
    if (this.interferences > 0) {
      this.interferences -= 1;
      const current = await this.load(id);
      const someone = current?.state.participants[0];
      if (current && someone) {
        const other: KindEvent = { type: 'participant:presence-changed', participantId: someone.id, online: true };
        await super.commit(id, current.version, [other], applyEvent(current.state, other));
      }
    }
    return super.commit(id, expectedVersion, events, nextState, options);
  }
}

const prefix = uniquePrefix('conflict-retries');
let store: ContendedStore;
let server: TestServer;

beforeAll(async () => {
  store = new ContendedStore({ url: testRedisUrl(), keyPrefix: prefix, retentionMs: 60 * 60 * 1000 });
  await store.ready();
  server = await startTestServer({ store });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

describe('a command that keeps losing the race to other nodes', () => {
  it('is decided again until it gets in, not answered conflict after a handful of lost races', async () => {
    const s = await startSession(server.url, { participants: 1 });
    try {
      // Eight lost races in a row: more than a node's commands met in a two-node vote storm.
      store.interferences = 8;
      const ack = await s.participants[0]!.send('topic:add', { title: 'Got in after all' });
      expect(ack).toMatchObject({ ok: true });
      expect(store.interferences).toBe(0);
    } finally {
      s.close();
    }
  });
});
