import type { RedisSessionStore } from '@runde/server';
import type { Seat } from '@runde/shared';
import { afterAll, beforeAll } from 'vitest';
import { startNodeProcess, type NodeProcess } from './nodeProcess.ts';
import { testRedisUrl, uniquePrefix } from './redisTestEnv.ts';
import { TestClient } from './serverClients.ts';
import { deleteTestKeys, openRedisStore } from './serverHarness.ts';

/** What a cluster test file drives: two server processes and a store, all on one Redis prefix. */
export interface ClusterSuite {
  readonly nodes: readonly [NodeProcess, NodeProcess];
  readonly store: RedisSessionStore;
  /** Connects a device for `seat` to `node`, closed after the file's tests. */
  readonly connect: (node: NodeProcess, seat: Seat) => Promise<TestClient>;
}

/**
 * Starts two server processes on one Redis under a unique prefix before the file's tests; after
 * them closes every client, stops both nodes, closes the store and deletes the prefix's keys. Call
 * it inside the file's `describe`; read `nodes` and `store` inside tests, once running.
 */
export function clusterSuite(label: string): ClusterSuite {
  const prefix = uniquePrefix(label);
  let nodes: [NodeProcess, NodeProcess] | undefined;
  let store: RedisSessionStore | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    nodes = await Promise.all([
      startNodeProcess({ redisUrl: testRedisUrl(), keyPrefix: prefix }),
      startNodeProcess({ redisUrl: testRedisUrl(), keyPrefix: prefix }),
    ]);
    store = await openRedisStore(prefix);
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all((nodes ?? []).map((node) => node.stop()));
    await store?.close();
    await deleteTestKeys(prefix);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: read it inside a test`);
    return value;
  };
  return {
    get nodes() {
      return started(nodes, 'the nodes');
    },
    get store() {
      return started(store, 'the store');
    },
    async connect(node, seat) {
      const client = await TestClient.connect(node.url, seat);
      clients.push(client);
      return client;
    },
  };
}
