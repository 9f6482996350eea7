import { loadWebHandler, RedisSessionStore } from '@runde/server';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from './serverHarness.ts';
import { uniquePrefix } from './redisTestEnv.ts';

export interface AppUnderTest {
  server: TestServer;
  store: RedisSessionStore;
  /** The store's key prefix, for tests that set a scene in raw keys. */
  prefix: string;
  /** Stops the server, closes the store and deletes this run's keys. */
  stop(): Promise<void>;
}

export interface AppUnderTestOptions {
  /** A team space's retention (default the store's, 730 days): short, to show a space near its date. */
  teamSpaceRetentionMs?: number;
  /** The server's clock (a `TestClock`'s `now`): moved forward, it closes an objection window without waiting days. */
  clock?: () => number;
  /** The app's configuration beyond the store (e.g. `oidc`, an identity provider for sign-in tests). */
  config?: Parameters<typeof startTestServer>[0]['config'];
}

/**
 * The whole app as a browser meets it: the built web app and the socket server on one port,
 * backed by the test Redis under a key prefix of its own.
 */
export async function startAppUnderTest(label: string, options: AppUnderTestOptions = {}): Promise<AppUnderTest> {
  const webHandler = await loadWebHandler();
  if (!webHandler) throw new Error('web/build is missing: run the tests through `npm test`, which builds it');
  const prefix = uniquePrefix(label);
  const store = await openRedisStore(prefix, { teamSpaceRetentionMs: options.teamSpaceRetentionMs });
  const server = await startTestServer({
    store,
    webHandler,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
  return {
    server,
    store,
    prefix,
    async stop() {
      await server.close();
      await store.close();
      await deleteTestKeys(prefix);
    },
  };
}
