import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  openClusterAdapter,
  RedisSessionStore,
  sessionKeys,
  type ClusterAdapter,
  type RedisTarget,
  type ReplicaAckPolicy,
} from '@runde/server';
import { startTestServer, testLogger, TestClock, type TestServer } from './serverHarness.ts';
import { createSessionOverHttp, joinOverHttp, sleep, TestClient, waitUntil } from './serverClients.ts';
import { redisCommand, uniquePrefix, type RedisClusterHandle, type RedisSentinelHandle } from './redisTestEnv.ts';
import { leanCoffee } from './serverMirror.ts';

/**
 * Issue 15: what happens to acknowledged commands when the Redis master under two Runde nodes
 * dies. Two in-process nodes (stores, adapters, schedulers of their own) share one Sentinel or
 * Cluster deployment; phones on both propose topics in a burst, each command retried with its id
 * until it is acknowledged, as the web app's outbox does; the master is killed with SIGKILL
 * mid-burst; a running timer comes due during the failover. Afterwards the stored session is
 * compared with every acknowledgement.
 */

/** What a test needs from a started topology. */
export interface FailoverTopology {
  target: RedisTarget;
  /** The port of the master that holds `key`. */
  masterFor(key: string): Promise<number>;
  /** The replicas of that master. */
  replicasOf(masterPort: number): Promise<number[]>;
  kill(port: number): Promise<void>;
  /** Starts a killed node again, as the orchestrator's restart policy would. */
  restart(port: number): Promise<void>;
  freeze(port: number): Promise<void>;
  thaw(port: number): void;
  /** Resolves once another node serves what `oldMasterPort` served. */
  waitForFailover(oldMasterPort: number, key: string): Promise<void>;
}

export interface FailoverOptions {
  replicaAck: ReplicaAckPolicy;
  /**
   * Freeze (SIGSTOP) the master's replicas before the burst, close their replication links on the
   * master (a frozen process's kernel would otherwise still take the stream into its socket buffer
   * and apply it on thaw), and thaw them only after the kill: the failover then promotes a replica
   * that missed the writes made meanwhile. It makes losses certain instead of a matter of
   * microseconds, so the setting's meaning can be measured.
   */
  laggingReplica: boolean;
  phonesPerNode?: number;
  topicsPerPhone?: number;
}

export interface FailoverResult {
  acknowledged: number;
  /**
   * For a Cluster: commands to a session on another shard, sent while the killed master's shard
   * failed over, and how many of them were refused. That shard's trouble is not theirs.
   */
  otherShard?: { sent: number; refused: number };
  /** Acknowledged commands whose topic is not in the stored session after the failover. */
  lost: number;
  /** Topics stored more than once. */
  doubled: number;
  /** Commands answered `unavailable` at least once before they got through. */
  retried: number;
  /** Answers (ok or an error) that took longest: a command must never hang. */
  slowestAnswerMs: number;
  /** Non-ok answers by code. */
  refusals: Record<string, number>;
  /** Kill → first acknowledged command. */
  failoverMs: number;
  timerExpiries: number;
  /** Every device's copy equals the stored session (masked for it) once all have synced. */
  clientsIdentical: boolean;
}

const SEND_DEADLINE_MS = 60_000;

interface RundeNode {
  server: TestServer;
  store: RedisSessionStore;
  adapter: ClusterAdapter;
}

async function startNode(target: RedisTarget, prefix: string, clock: TestClock, replicaAck: ReplicaAckPolicy) {
  const logger = testLogger();
  const store = new RedisSessionStore({ target, keyPrefix: prefix, retentionMs: 60 * 60 * 1000, replicaAck, logger });
  await store.ready();
  const adapter = await openClusterAdapter({ target, keyPrefix: prefix, logger });
  const server = await startTestServer({
    store,
    clock: clock.now,
    adapter: adapter.adapter,
    // The burst and its retries are the point; the per-seat budget is not under test here.
    config: {
      rateLimits: { seat: { points: 100_000, durationSec: 10 }, address: { points: 100_000, durationSec: 10 } },
    },
  });
  return { server, store, adapter } satisfies RundeNode;
}

export async function runFailover(topology: FailoverTopology, options: FailoverOptions): Promise<FailoverResult> {
  const prefix = uniquePrefix('failover');
  const clock = new TestClock();
  const nodes = [
    await startNode(topology.target, prefix, clock, options.replicaAck),
    await startNode(topology.target, prefix, clock, options.replicaAck),
  ] as const;
  const clients: TestClient[] = [];
  const bystanderClients: TestClient[] = [];

  /**
   * A session whose keys live on another master than `master`: codes are random, so a few
   * sessions are made until one lands elsewhere. Its facilitator then proposes topics, one after
   * the other, until `until` settles.
   */
  async function otherShardSession(url: string, master: number) {
    for (let i = 0; i < 20; i += 1) {
      const created = await createSessionOverHttp(url, {
        title: `Nebentisch ${i}`,
        facilitatorName: 'Nia',
        settings: { topicsPerPerson: 50 },
      });
      if ((await topology.masterFor(sessionKeys(prefix, created.sessionId)[0])) === master) continue;
      const client = await TestClient.connect(url, created);
      bystanderClients.push(client);
      const figures = { sent: 0, refused: 0 };
      return {
        figures,
        async sendDuring(until: Promise<unknown>) {
          let done = false;
          void until.finally(() => (done = true)).catch(() => undefined);
          while (!done && figures.sent < 50) {
            const ack = await client.channel
              .command('topic:add', { title: `Nebenthema ${figures.sent}` }, { commandId: randomUUID() })
              .catch(() => null);
            figures.sent += 1;
            // Refused for the store's sake (a limit of the session would be the test's own doing).
            if (!ack || (!ack.ok && ack.error.code === 'unavailable')) figures.refused += 1;
            await sleep(100);
          }
        },
      };
    }
    throw new Error('no session landed on another shard');
  }

  try {
    const [a, b] = nodes;
    const created = await createSessionOverHttp(a.server.url, {
      title: 'Ausfallsicherheit',
      facilitatorName: 'Fatma',
      settings: { topicsPerPerson: 50 },
    });
    const sessionKey = sessionKeys(prefix, created.sessionId)[0];
    const facilitator = await TestClient.connect(a.server.url, created);
    clients.push(facilitator);
    const perNode = options.phonesPerNode ?? 3;
    for (const node of nodes) {
      for (let i = 0; i < perNode; i += 1) {
        const seat = await joinOverHttp(node.server.url, created.sessionId, `Telefon ${clients.length}`);
        clients.push(await TestClient.connect(node.server.url, seat));
      }
    }
    const phones = clients.slice(1);

    // A timer that comes due while the master is being replaced: started now, moved to 1.5 s
    // before its end, and re-armed on both nodes by a snapshot sync from a device on each.
    const started = await facilitator.send('timer:start', { minutes: 1 });
    if (!started.ok) throw new Error(`timer:start refused: ${started.error.code}`);
    const timer = shown(facilitator).timer;
    if (timer.status !== 'running')
      throw new Error(
        `the timer does not run: ${JSON.stringify(started)} ${JSON.stringify(timer)} ${facilitator.mirror.version}`,
      );
    clock.advance(timer.endsAt - clock.now() - 1_500);
    for (const client of [facilitator, phones.at(-1)]) await client?.sendRaw('session:sync', { sinceVersion: 0 });

    const master = await topology.masterFor(sessionKey);
    const bystander = topology.target.kind === 'cluster' ? await otherShardSession(a.server.url, master) : undefined;
    const replicas = options.laggingReplica ? await topology.replicasOf(master) : [];
    for (const port of replicas) await topology.freeze(port);
    if (replicas.length > 0) await redisCommand(master, ['CLIENT', 'KILL', 'TYPE', 'replica']);

    // The burst: every phone proposes its topics one after another (a device sends in order),
    // all phones at once. Each topic's title names it, so the stored board shows what got in.
    const topicsPerPhone = options.topicsPerPhone ?? 12;
    const acknowledged: string[] = [];
    const retriedTitles = new Set<string>();
    const refusals: Record<string, number> = {};
    let slowestAnswerMs = 0;
    let killedAt = Number.POSITIVE_INFINITY;
    let firstAckAfterKill = Number.POSITIVE_INFINITY;
    // Mid-burst: after a third of the commands' worth of answers (refusals count: with lagging
    // replicas and WAIT, nothing is acknowledged until the failover).
    const killAfter = Math.floor((phones.length * topicsPerPhone) / 3);
    let answers = 0;
    let killed: Promise<void> | undefined;

    const killMidBurst = () => {
      if (answers < killAfter || killed) return;
      killed = (async () => {
        await topology.kill(master);
        killedAt = performance.now();
        // The replicas come back only once the master is gone: they missed what it took meanwhile.
        for (const port of replicas) topology.thaw(port);
        const failedOver = topology.waitForFailover(master, sessionKey);
        if (bystander) await bystander.sendDuring(failedOver);
        await failedOver;
        // The orchestrator restarts the lost host, which rejoins as a replica of the new master.
        // Until then a shard whose only replica was promoted has none, and with
        // REDIS_MIN_REPLICAS=1 its writes are refused as unavailable, by design: nothing is
        // acknowledged that the loss of one more host could take away.
        await topology.restart(master);
      })();
    };

    const sendUntilAcknowledged = async (phone: TestClient, title: string) => {
      const commandId = randomUUID();
      const deadline = Date.now() + SEND_DEADLINE_MS;
      for (;;) {
        const sentAt = performance.now();
        // The channel's own request, timed alone: `TestClient.send` also waits for the push.
        const ack = await phone.channel.command('topic:add', { title }, { commandId }).catch(() => null);
        const answeredAt = performance.now();
        answers += 1;
        killMidBurst();
        slowestAnswerMs = Math.max(slowestAnswerMs, answeredAt - sentAt);
        if (ack?.ok) {
          phone.mirror.acked(ack.data);
          acknowledged.push(title);
          if (sentAt > killedAt) firstAckAfterKill = Math.min(firstAckAfterKill, answeredAt);
          return;
        }
        const code = ack ? ack.error.code : 'no_answer';
        refusals[code] = (refusals[code] ?? 0) + 1;
        if (code !== 'unavailable' && code !== 'no_answer' && code !== 'rate_limited') {
          throw new Error(`"${title}" was refused: ${code}`);
        }
        retriedTitles.add(title);
        if (Date.now() > deadline) throw new Error(`"${title}" was never acknowledged`);
        if (!phone.socket.connected) await phone.reconnect().catch(() => undefined);
        await sleep(200);
      }
    };

    await Promise.all(
      phones.map(async (phone, p) => {
        for (let t = 0; t < topicsPerPhone; t += 1) {
          await sendUntilAcknowledged(phone, `Telefon ${p} Thema ${t}`);
        }
      }),
    );
    await killed;

    // Let the timer's expiry get through, then bring every device up to date as a reload would.
    const checker = a.store;
    await waitUntil(
      'the timer has expired in the store',
      async () => {
        const stored = await checker.load(created.sessionId).catch(() => null);
        return stored !== null && leanCoffee(stored.state).timer.status === 'expired';
      },
      30_000,
    );
    for (const client of clients) await client.sync().catch(() => undefined);
    const stored = await checker.load(created.sessionId);
    if (!stored) throw new Error('the session is gone');
    const board = leanCoffee(stored.state).topics.map((t) => t.title);
    const count = (title: string) => board.filter((t) => t === title).length;
    const events = await checker.eventsSince(created.sessionId, 0);
    const timerExpiries = (events ?? []).filter(
      ({ event }) => event.type === 'timer:set' && event.change === 'expire',
    ).length;
    // A fresh device's copy is the server's masked view; a device that kept its copy across the
    // failover must hold the same thing.
    const reference = await TestClient.connect(b.server.url, created);
    clients.push(reference);
    const clientsIdentical = clients.every(
      (c) => c.mirror.version === stored.version && JSON.stringify(stateOf(c)) === JSON.stringify(stateOf(reference)),
    );
    return {
      acknowledged: acknowledged.length,
      ...(bystander ? { otherShard: bystander.figures } : {}),
      lost: acknowledged.filter((title) => count(title) === 0).length,
      doubled: [...new Set(board)].filter((title) => count(title) > 1).length,
      retried: retriedTitles.size,
      slowestAnswerMs: Math.round(slowestAnswerMs),
      refusals,
      failoverMs: Math.round(firstAckAfterKill - killedAt),
      timerExpiries,
      clientsIdentical,
    };
  } finally {
    bystanderClients.forEach((client) => client.close());
    for (const client of clients) client.close();
    for (const node of nodes) {
      await node.server.close().catch(() => undefined);
      await node.adapter.close().catch(() => undefined);
      await node.store.close().catch(() => undefined);
    }
  }
}

/** What every device shows alike: the topics and the timer (seats' own views differ in `you`). */
function stateOf(client: TestClient) {
  const state = shown(client);
  return { topics: state.topics.map((t) => [t.id, t.title]), timer: state.timer.status, phase: state.phase };
}

function shown(client: TestClient) {
  const state = leanCoffee(client.mirror.current);
  if (!state) throw new Error('the device holds no session');
  return state;
}

/** The launcher's Sentinel deployment as the scenario sees it. */
export function sentinelTopology(handle: RedisSentinelHandle): FailoverTopology {
  return {
    target: { kind: 'sentinel', masterName: handle.masterName, sentinels: handle.sentinels },
    masterFor: async () => (await handle.currentMaster()).port,
    replicasOf: async () => (await handle.replicas()).map((node) => node.port),
    kill: (port) => handle.kill(port),
    restart: (port) => handle.restart(port),
    freeze: (port) => handle.freeze(port),
    thaw: (port) => handle.thaw(port),
    waitForFailover: async (oldMasterPort) => {
      await handle.waitForFailover(oldMasterPort);
    },
  };
}

/** The launcher's Cluster deployment as the scenario sees it. */
export function clusterTopology(handle: RedisClusterHandle): FailoverTopology {
  return {
    target: { kind: 'cluster', nodes: handle.nodes.map(({ host, port }) => ({ host, port })) },
    masterFor: async (key) => (await handle.masterOf(key)).port,
    replicasOf: async (masterPort) => {
      const master = handle.nodes.find((node) => node.port === masterPort);
      return (await handle.replicas()).filter((node) => node.masterId === master?.id).map((node) => node.port);
    },
    kill: (port) => handle.kill(port),
    restart: (port) => handle.restart(port),
    freeze: (port) => handle.freeze(port),
    thaw: (port) => handle.thaw(port),
    waitForFailover: async (oldMasterPort) => {
      await handle.waitForFailover(oldMasterPort);
    },
  };
}
