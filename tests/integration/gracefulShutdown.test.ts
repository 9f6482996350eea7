import { randomUUID } from 'node:crypto';
import {
  memoryOutboxStorage,
  Outbox,
  PROTOCOL_VERSION,
  RECONNECT_BACKOFF,
  socketIoSync,
  type Seat,
} from '@runde/shared';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startFailoverProxy, type FailoverProxy } from '../support/failoverProxy.ts';
import { startNodeProcess } from '../support/nodeProcess.ts';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import { deleteTestKeys, openRedisStore } from '../support/serverHarness.ts';
import {
  createSessionOverHttp,
  joinOverHttp,
  TestClient,
  waitUntil,
  type ClientSocket,
} from '../support/serverClients.ts';
import { ClientMirror, leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 13: a node told to stop (SIGTERM, as an orchestrator or `docker stop` does) while its
 * devices keep sending. Devices reach the nodes through a proxy that skips a node which stopped
 * listening, and behave like the web app: socket.io's own reconnection, a sync on every connect,
 * and an unacknowledged command resent with its id.
 */
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A phone as the web app runs it, on the web app's own sync engine: socket.io's own reconnection,
 * a sync on every connect (`ReplicaSync`), and commands queued with their id and resent until
 * acknowledged (`Outbox`).
 */
class Device {
  readonly socket: ClientSocket;
  readonly mirror = new ClientMirror();
  readonly disconnectReasons: string[] = [];
  /** Title → the version its ack named. */
  readonly acked = new Map<string, number>();
  /** Sends that got `unavailable` or no ack and were sent again with their id. */
  resent = 0;
  readonly #outbox: Outbox;

  constructor(
    url: string,
    readonly seat: Seat,
  ) {
    this.socket = io(url, {
      ...RECONNECT_BACKOFF,
      transports: ['websocket'],
      forceNew: true,
      auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
    });
    const channel = socketIoSync(this.socket, 5_000);
    this.mirror.attach(channel);
    const tried = new Set<string>();
    this.#outbox = new Outbox(
      memoryOutboxStorage(),
      {
        ready: () => channel.connected,
        deliver: (entry) => {
          if (tried.has(entry.commandId)) this.resent += 1;
          tried.add(entry.commandId);
          return channel.command(entry.type, entry.payload, { commandId: entry.commandId }).catch(() => null);
        },
      },
      // No answer, or "not now" (the node is stopping): the same command goes again shortly.
      { stalled: () => void sleep(50).then(() => this.#outbox.flush()) },
    );
    this.socket.on('connect', () => {
      void this.mirror.sync().catch(() => undefined);
      void this.#outbox.flush();
    });
    this.socket.on('disconnect', (reason) => this.disconnectReasons.push(reason));
    this.socket.on('session:events', (batch) => this.mirror.receive(batch.events));
  }

  /** Adds a topic through the outbox, which resends it with the same id until it is acknowledged. */
  async addTopic(title: string): Promise<void> {
    const answer = this.#outbox.add({
      commandId: randomUUID(),
      type: 'topic:add',
      payload: { title },
      queuedAt: Date.now(),
    });
    if (!answer) throw new Error('outbox full');
    // A device that never gets back in fails here, by name, rather than by the test's timeout.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ack = await Promise.race([
      answer,
      new Promise<null>((resolve) => (timer = setTimeout(resolve, 20_000, null))),
    ]);
    clearTimeout(timer);
    if (!ack) throw new Error(`"${title}" never acknowledged; disconnects: ${this.disconnectReasons.join(', ')}`);
    if (!ack.ok) throw new Error(`topic:add refused: ${ack.error.code}`);
    this.acked.set(title, ack.data.version);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** The `ms` of the node's own "shut down" log line. */
function loggedShutdownMs(output: string): number | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('"shut down"')) continue;
    const parsed = JSON.parse(line) as { ms?: number };
    return parsed.ms;
  }
  return undefined;
}

describe('SIGTERM on one of two nodes', () => {
  it('keeps every acknowledged command, moves its devices to the other node, and exits 0', async () => {
    const prefix = uniquePrefix('shutdown');
    const [doomed, survivor] = await Promise.all([
      startNodeProcess({ redisUrl: testRedisUrl(), keyPrefix: prefix, env: { LOG_LEVEL: 'info' } }),
      startNodeProcess({ redisUrl: testRedisUrl(), keyPrefix: prefix }),
    ]);
    // The doomed node first: every device starts there, and moves on once it stops listening.
    const proxy: FailoverProxy = await startFailoverProxy([doomed.port, survivor.port]);
    const store = await openRedisStore(prefix);
    const devices: Device[] = [];
    cleanups.push(async () => {
      for (const device of devices) device.close();
      await proxy.close();
      await Promise.all([doomed.stop(), survivor.stop()]);
      await store.close();
      await deleteTestKeys(prefix);
    });

    const created = await createSessionOverHttp(survivor.url, {
      title: 'Restart under load',
      facilitatorName: 'Fatma',
      settings: { topicsPerPerson: 50 },
    });
    const watcher = await TestClient.connect(survivor.url, created);
    cleanups.push(async () => watcher.close());
    const seats = await Promise.all(
      ['Ana', 'Ben', 'Cem', 'Dana'].map((name) => joinOverHttp(survivor.url, created.sessionId, name)),
    );
    devices.push(...seats.map((seat) => new Device(proxy.url, seat)));
    await waitUntil('every device is connected', () => devices.every((d) => d.socket.connected));
    expect(new Set(proxy.routed)).toEqual(new Set([doomed.port]));

    // Each device keeps adding topics, one after the other; the node is stopped in the middle.
    const perDevice = 30;
    let stopping = false;
    const sending = devices.map(async (device, d) => {
      for (let i = 0; i < perDevice; i += 1) {
        await device.addTopic(`Device ${d} topic ${i}`);
        // A person's pace, roughly; only so that the stop falls in the middle of the stream.
        await sleep(stopping ? 5 : 20);
      }
    });
    await waitUntil('a few commands are acknowledged', () => devices.every((d) => d.acked.size >= 3));
    const signalled = performance.now();
    stopping = true;
    await doomed.stop();
    const exitMs = performance.now() - signalled;
    await Promise.all(sending);

    expect(doomed.process.exitCode).toBe(0);
    // Closed under them, not told to go: socket.io reconnects by itself only after the former.
    expect(devices.flatMap((d) => d.disconnectReasons)).not.toContain('io server disconnect');
    expect(devices.every((d) => d.disconnectReasons.length >= 1)).toBe(true);
    expect(proxy.routed.filter((port) => port === survivor.port).length).toBeGreaterThanOrEqual(devices.length);

    // Every acknowledged command is in the log at the version its ack named, and only once.
    const log = (await store.eventsSince(created.sessionId, 0)) ?? [];
    const added = log.flatMap((e) => (e.event.type === 'topic:added' ? [{ version: e.version, event: e.event }] : []));
    const titles = added.map(({ event }) => event.topic.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toHaveLength(devices.length * perDevice);
    for (const device of devices) {
      expect(device.acked.size).toBe(perDevice);
      for (const [title, version] of device.acked) {
        expect(added.find((a) => a.version === version)?.event.topic.title).toBe(title);
      }
    }

    // Every device is back, on the other node, and sees the newest version.
    const stored = await store.load(created.sessionId);
    await waitUntil(
      'devices reach the stored version',
      () => devices.every((d) => d.socket.connected && d.mirror.version === stored?.version),
      10_000,
    );
    await waitUntil('the watcher reaches it too', () => watcher.mirror.version === stored?.version);
    expect(leanCoffee(devices[0]!.mirror.current)?.topics).toHaveLength(devices.length * perDevice);

    const logged = loggedShutdownMs(doomed.output());
    console.log(
      `graceful shutdown: ${logged ?? '?'} ms as the node measured it, ${Math.round(exitMs)} ms from SIGTERM to exit;`,
      `${devices.reduce((sum, d) => sum + d.resent, 0)} sends resent after "unavailable" or a lost ack`,
    );
    expect(logged).toBeTypeOf('number');
  }, 90_000);
});
