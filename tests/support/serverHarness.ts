import type { AddressInfo } from 'node:net';
import {
  createApp,
  createLogger,
  RedisSessionStore,
  type CreateAppOptions,
  type Logger,
  type RundeApp,
} from '@runde/server';
import { createClient } from 'redis';
import { freePort } from '../../scripts/lib/freePort.mjs';
import { deleteKeys, testRedisUrl } from './redisTestEnv.ts';

/** Silent unless LOG_LEVEL asks otherwise, so a failing run can be re-run with server logs. */
export function testLogger(): Logger {
  return createLogger(process.env.LOG_LEVEL ?? 'silent');
}

export interface TestServer {
  url: string;
  port: number;
  runde: RundeApp;
  /** Closes the app (not its store). Safe to call twice. */
  close(): Promise<void>;
}

/** A full server (express + Socket.IO) on 127.0.0.1, port 0 unless told otherwise. */
export async function startTestServer(options: CreateAppOptions & { port?: number }): Promise<TestServer> {
  const { port: wanted = 0, ...appOptions } = options;
  const runde = createApp({ logger: testLogger(), ...appOptions });
  await new Promise<void>((resolve, reject) => {
    runde.httpServer.once('error', reject);
    runde.httpServer.listen(wanted, '127.0.0.1', () => resolve());
  });
  const { port } = runde.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, runde, close: () => runde.close() };
}

/** A Redis store on the shared test Redis under `prefix`, connected. */
export async function openRedisStore(
  prefix: string,
  options: {
    retentionMs?: number;
    teamSpaceRetentionMs?: number;
    maxEvents?: number;
    archiveMaxEntries?: number;
    decisionArchiveMaxEntries?: number;
    url?: string;
  } = {},
): Promise<RedisSessionStore> {
  const store = new RedisSessionStore({
    url: options.url ?? testRedisUrl(),
    keyPrefix: prefix,
    retentionMs: options.retentionMs ?? 60 * 60 * 1000,
    teamSpaceRetentionMs: options.teamSpaceRetentionMs,
    maxEvents: options.maxEvents,
    archiveMaxEntries: options.archiveMaxEntries,
    decisionArchiveMaxEntries: options.decisionArchiveMaxEntries,
  });
  await store.ready();
  return store;
}

/** A plain node-redis client, named so that the declarations `tsc -b` writes for tests can refer to it. */
export type RawRedisClient = ReturnType<typeof createClient>;

/** A plain client on the shared test Redis, for looking at raw keys and for cleaning up. */
export async function openRawRedis(): Promise<RawRedisClient> {
  const client = createClient({ url: testRedisUrl() });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Deletes every key under `prefix` on the shared test Redis; nothing else is touched. */
export async function deleteTestKeys(prefix: string): Promise<void> {
  const client = await openRawRedis();
  try {
    await deleteKeys(client, prefix);
  } finally {
    await client.close();
  }
}

/** A TCP port nothing listens on: bound once, then released. Connecting to it is refused. */
export function closedPort(): Promise<number> {
  return freePort();
}

/**
 * A server clock a test can move: real time plus a shift. Give `now` to `createApp` as `clock`.
 * Moving it does not move timeouts already armed with real time; see the timer tests for how
 * they make a node look again.
 */
export class TestClock {
  shiftMs = 0;
  readonly now = (): number => Date.now() + this.shiftMs;

  advance(ms: number): void {
    this.shiftMs += ms;
  }
}
