import { randomUUID } from 'node:crypto';
import type { AppConfig, RedisSessionStore } from '@runde/server';
import type { Ack, KindCommandInput, KindCommandType, CommandResult, Seat, TeamSpaceState } from '@runde/shared';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { uniquePrefix } from './redisTestEnv.ts';
import { TestClient, waitUntil } from './serverClients.ts';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from './serverHarness.ts';

export interface IntegrationSuiteOptions {
  /** The server's config, e.g. a generous seat rate limit for tests that send many commands. */
  config?: AppConfig;
  /**
   * When the clients the suite tracks are closed: after each test, or (the default) once after
   * the last one, together with the server.
   */
  closeClients?: 'afterEach' | 'afterAll';
}

/** What an integration test file drives: one server on one Redis store under its own key prefix. */
export interface IntegrationSuite {
  /** The store's key prefix, for tests that read or rewrite raw keys. */
  readonly prefix: string;
  readonly store: RedisSessionStore;
  readonly server: TestServer;
  /** The server's base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Connects a device for `seat`, closed with the suite's other clients. */
  connect(seat: Seat): Promise<TestClient>;
  /** Closes these clients with the suite's others, for clients connected some other way. */
  track(...clients: TestClient[]): void;
  /** Sends any command with a fresh command id and resolves with its ack, refused or not. */
  send<T extends KindCommandType>(
    client: TestClient,
    type: T,
    payload: KindCommandInput<T>,
  ): Promise<Ack<CommandResult>>;
  /**
   * Sends a command that must be accepted: fails on a refused ack, waits until the sender's own
   * copy and every other connected device of the session tracked here reached the committed
   * version, and resolves with that version.
   */
  run<T extends KindCommandType>(client: TestClient, type: T, payload: KindCommandInput<T>): Promise<number>;
  /** The stored team space, once every one of `all` has reached its version. */
  convergedTeamSpace(sessionId: string, all: readonly TestClient[]): Promise<TeamSpaceState>;
}

/**
 * Opens a Redis store under a unique prefix and starts a server on it before the file's tests;
 * after them closes every tracked client, the server and the store and deletes the prefix's keys.
 * Call it at the top of a test file; read `store`, `server` and `url` inside tests, once running.
 */
export function integrationSuite(label: string, options: IntegrationSuiteOptions = {}): IntegrationSuite {
  const prefix = uniquePrefix(label);
  let store: RedisSessionStore | undefined;
  let server: TestServer | undefined;
  let clients: TestClient[] = [];

  const closeClients = () => {
    for (const client of clients) client.close();
    clients = [];
  };
  beforeAll(async () => {
    store = await openRedisStore(prefix);
    server = await startTestServer({ store, config: options.config });
  });
  if (options.closeClients === 'afterEach') afterEach(closeClients);
  afterAll(async () => {
    closeClients();
    await server?.close();
    await store?.close();
    await deleteTestKeys(prefix);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: read it inside a test`);
    return value;
  };
  const send = <T extends KindCommandType>(client: TestClient, type: T, payload: KindCommandInput<T>) =>
    client.channel.command(type, payload, { commandId: randomUUID() });

  return {
    prefix,
    get store() {
      return started(store, 'the store');
    },
    get server() {
      return started(server, 'the server');
    },
    get url() {
      return started(server, 'the server').url;
    },
    track(...more) {
      clients.push(...more);
    },
    async connect(seat) {
      const client = await TestClient.connect(started(server, 'the server').url, seat);
      clients.push(client);
      return client;
    },
    send,
    async run(client, type, payload) {
      const ack = await send(client, type, payload);
      if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
      const { version } = ack.data;
      await waitUntil(`the sender sees ${type}`, () => client.mirror.version >= version);
      // Tests read any device's copy next (the facilitator's round after a member answered), so
      // the command is done once every connected device of the session has it, not the sender only:
      // on a loaded machine the others' pushes can arrive well after the sender's ack.
      const others = clients.filter(
        (c) => c !== client && c.seat.sessionId === client.seat.sessionId && c.socket.connected,
      );
      await waitUntil(`every device sees ${type}`, () =>
        others.every((c) => !c.socket.connected || c.mirror.version >= version),
      );
      return version;
    },
    async convergedTeamSpace(sessionId, all) {
      let state: TeamSpaceState | null = null;
      await waitUntil('all clients reach the stored version', async () => {
        const stored = await started(store, 'the store').load(sessionId);
        if (stored?.state.kind !== 'team-space') return false;
        state = stored.state;
        return all.every((c) => c.mirror.version === stored.version);
      });
      if (!state) throw new Error('team space vanished');
      return state;
    },
  };
}
