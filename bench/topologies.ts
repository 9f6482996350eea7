/**
 * Topologies (issue 15): the capacity load on one Redis, on Redis Sentinel (1 master, 2 replicas,
 * 3 sentinels) and on a Redis Cluster (3 masters × 1 replica), each with REDIS_MIN_REPLICAS 0 and
 * 1 (an ack after WAIT 1); then the failover time on Sentinel and Cluster: a few devices send
 * commands steadily, each retried with the same command id on `unavailable` as the web app does,
 * the master holding a session is killed (SIGKILL), and the time from the kill to the first
 * acknowledged command, and until every session's commands are acknowledged again, is measured.
 * The killed node is restarted as soon as the failover is done, as an orchestrator would: a
 * cluster shard with one replica has none after its failover, so with REDIS_MIN_REPLICAS=1 its
 * writes are refused until the restarted node has resynchronised as the new master's replica.
 *
 * The capacity runs are `capacity.ts` itself, as a child process pointed at each topology; one
 * redis-server per topology node, all on free ports of this machine and stopped at the end.
 *
 *   npx tsx bench/topologies.ts --sessions 200 --perSession 10 --rate 1000 --seconds 20
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sessionKeys } from '@runde/server';
import { socketIoSync } from '@runde/shared';
import { startRedisServer } from '../scripts/lib/redisServer.mjs';
import { redisCommand, startRedisCluster, startRedisSentinel } from '../scripts/lib/redisTopology.mjs';
import { parseArgs } from './lib/args.ts';
import { BenchClient } from './lib/benchClient.ts';
import { monoNow, sleep } from './lib/clock.ts';
import { onShutdown, runBench, stopChild } from './lib/processes.ts';
import type { RedisEnv } from './lib/redisServer.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import { startServerNode } from './lib/serverNode.ts';
import { createSession } from './lib/sessions.ts';
import { round } from './lib/stats.ts';

const args = parseArgs({
  /** Which topologies the capacity load runs on: single, sentinel, cluster. */
  topologies: 'single,sentinel,cluster',
  /** REDIS_MIN_REPLICAS values each capacity run and each failover is measured with. */
  minReplicas: '0,1',
  sessions: 200,
  perSession: 10,
  rate: 1000,
  seconds: 20,
  warmupSeconds: 5,
  workers: 2,
  /** Skip the capacity runs or the failover runs. */
  capacity: true,
  failover: true,
  /** Failover load: sessions, each with one device sending `failoverRate` commands/s. */
  failoverSessions: 6,
  failoverRate: 5,
  /** Steady load before the kill, and how long to keep measuring once every session is through. */
  steadySeconds: 5,
  settleSeconds: 3,
  /** Give up on a failover run after this long from the kill. */
  failoverTimeoutSeconds: 60,
  /** Pause before a device sends a refused command again (same id). */
  retryMs: 200,
  limitSeconds: 1500,
});

const benchStart = monoNow();
const remainingSeconds = () => Math.max(30, Math.floor(args.limitSeconds - (monoNow() - benchStart) / 1000));
const tsxLoader = import.meta.resolve('tsx');
const capacityFile = fileURLToPath(new URL('capacity.ts', import.meta.url));
const noRedis: RedisEnv = { REDIS_URL: '', REDIS_SENTINELS: '', REDIS_SENTINEL_MASTER: '', REDIS_CLUSTER_NODES: '' };

/** Stops a topology once, whether the run ends normally or by the time limit. */
function owned(stop: () => Promise<void>): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  const once = () => (stopped ??= stop());
  onShutdown(once);
  return once;
}

/** A topology for the capacity runs: how the benchmark's processes reach it, and how to stop it. */
interface CapacityTarget {
  label: string;
  capacityArgs: string[];
  stop(): Promise<void>;
}

async function waitReplicaInSync(port: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const info = String(await redisCommand(port, ['INFO', 'replication']).catch(() => ''));
    if (info.includes('master_link_status:up')) return;
    if (Date.now() > deadline) throw new Error(`replica ${port} not in sync within 30 s`);
    await sleep(100);
  }
}

/** One redis-server of the benchmark's own; with `replicas` > 0 that many replicas follow it (`--replicaof`). */
async function startSingle(replicas: number): Promise<CapacityTarget> {
  const master = await startRedisServer();
  const followers = await Promise.all(
    Array.from({ length: replicas }, () =>
      startRedisServer({ args: ['--replicaof', '127.0.0.1', String(master.port)] }),
    ),
  );
  const stop = owned(async () => {
    for (const server of [...followers, master]) await server.dispose();
  });
  for (const follower of followers) await waitReplicaInSync(follower.port);
  return {
    label: replicas > 0 ? `single + ${replicas} replica${replicas > 1 ? 's' : ''}` : 'single',
    capacityArgs: ['--redisUrl', master.url],
    stop,
  };
}

async function startSentinel() {
  const handle = await startRedisSentinel({ replicas: 2, sentinels: 3 });
  const stop = owned(() => handle.stop());
  const sentinels = handle.sentinels.map((s) => `${s.host}:${s.port}`).join(',');
  const env: RedisEnv = { ...noRedis, REDIS_SENTINELS: sentinels, REDIS_SENTINEL_MASTER: handle.masterName };
  return { handle, env, stop };
}

async function startCluster() {
  const handle = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
  const stop = owned(() => handle.stop());
  const nodes = handle.nodes.map((n) => `${n.host}:${n.port}`).join(',');
  const env: RedisEnv = { ...noRedis, REDIS_CLUSTER_NODES: nodes };
  return { handle, env, stop };
}

interface CapacityFigures {
  sent: number;
  ok: number;
  commandsPerSecond: number;
  ack: { p50: number; p95: number; p99: number; max: number };
  errors: Record<string, number>;
  errorCount: number;
  disconnects: number;
  serverCpu: number;
  redisCpu: number;
}

const children = new Set<ChildProcess>();
onShutdown(async () => {
  await Promise.all([...children].map((child) => stopChild(child, 'SIGTERM', 20_000)));
});

/** Runs capacity.ts against a topology and returns its result line (its tables pass through, indented). */
function runCapacity(extraArgs: string[]): Promise<CapacityFigures> {
  const capacityArgs = [
    ...['--sessions', String(args.sessions), '--perSession', String(args.perSession)],
    ...['--rate', String(args.rate), '--seconds', String(args.seconds)],
    ...['--warmupSeconds', String(args.warmupSeconds), '--workers', String(args.workers)],
    ...['--limitSeconds', String(remainingSeconds())],
    ...extraArgs,
  ];
  const child = spawn(process.execPath, ['--import', tsxLoader, capacityFile, ...capacityArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let result: CapacityFigures | undefined;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{"bench":"capacity"')) result = JSON.parse(line) as CapacityFigures;
        else process.stdout.write(`  | ${line}\n`);
      }
    });
    child.once('exit', (code) => {
      children.delete(child);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`capacity.ts exited with ${code} ${result ? '' : 'without a result line'}`));
    });
  });
}

interface CapacityRow {
  topology: string;
  minReplicas: number;
  figures: CapacityFigures;
}

async function capacityRuns(): Promise<CapacityRow[]> {
  const rows: CapacityRow[] = [];
  const minReplicas = args.minReplicas.split(',').map(Number);
  const run = async (topology: string, n: number, targetArgs: string[]) => {
    console.log(`\n=== capacity on ${topology}, REDIS_MIN_REPLICAS=${n} (load ${loadAverage()}) ===`);
    const figures = await runCapacity([...targetArgs, '--minReplicas', String(n)]);
    rows.push({ topology, minReplicas: n, figures });
  };
  for (const kind of args.topologies.split(',')) {
    if (kind === 'single') {
      // One Redis has no replica to wait for: WAIT n runs with n replicas following it (REDIS_URL stays the master).
      for (const n of minReplicas) {
        const single = await startSingle(n);
        await run(single.label, n, single.capacityArgs);
        await single.stop();
      }
    } else if (kind === 'sentinel') {
      const sentinel = await startSentinel();
      const targetArgs = ['--redisSentinels', sentinel.env.REDIS_SENTINELS];
      targetArgs.push('--redisSentinelMaster', sentinel.env.REDIS_SENTINEL_MASTER);
      for (const n of minReplicas) await run('sentinel (1 + 2 replicas)', n, targetArgs);
      await sentinel.stop();
    } else if (kind === 'cluster') {
      const cluster = await startCluster();
      const targetArgs = ['--redisClusterNodes', cluster.env.REDIS_CLUSTER_NODES];
      for (const n of minReplicas) await run('cluster (3 × 1 replica)', n, targetArgs);
      await cluster.stop();
    } else throw new Error(`unknown topology ${kind}`);
  }
  return rows;
}

interface Answer {
  session: number;
  sentAt: number;
  at: number;
  ok: boolean;
  code: string;
}

interface FailoverRow {
  topology: 'sentinel' | 'cluster';
  minReplicas: number;
  sessions: number;
  /** Sessions stored on the killed master. */
  affected: number;
  /** The topology's own view: a new master elected, answering as master. */
  failedOverMs: number;
  /** The killed node started again (right after the failover). */
  restartedMs: number;
  /** Kill → first acknowledged command of a session on the killed master. */
  firstOkMs: number | null;
  /** Kill → every session's commands acknowledged again (null: not within the run's timeout). */
  allOkMs: number | null;
  /** The longest a single try waited for its answer. */
  slowestAnswerMs: number;
  /** Refusals after the kill, by code, and of sessions on other shards. */
  refusals: Record<string, number>;
  unaffectedRefusals: number;
  acknowledged: number;
}

async function failoverRun(kind: 'sentinel' | 'cluster', minReplicas: number): Promise<FailoverRow> {
  console.log(`\n=== failover on ${kind}, REDIS_MIN_REPLICAS=${minReplicas} (load ${loadAverage()}) ===`);
  const topology = kind === 'sentinel' ? await startSentinel() : await startCluster();
  const keyPrefix = `runde-bench-failover-${randomBytes(4).toString('hex')}:`;
  const server = await startServerNode({
    label: `runde-${kind}`,
    keyPrefix,
    env: { ...topology.env, REDIS_MIN_REPLICAS: String(minReplicas) },
  });
  const clients: BenchClient[] = [];
  try {
    for (let i = 0; i < args.failoverSessions; i += 1) {
      const seat = await createSession(server.url, `Failover ${i + 1}`);
      const client = new BenchClient(server.url, seat, { mirror: 'version', reconnection: true });
      await client.open(10_000);
      clients.push(client);
    }
    const keys = clients.map((c) => sessionKeys(keyPrefix, c.seat.sessionId)[0]);
    const masterOf = async (key: string) =>
      'masterOf' in topology.handle
        ? (await topology.handle.masterOf(key)).port
        : (await topology.handle.currentMaster()).port;
    const victim = await masterOf(keys[0] ?? '');
    const affected = new Set<number>();
    for (const [i, key] of keys.entries()) if ((await masterOf(key)) === victim) affected.add(i);

    const answers: Answer[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    const interval = 1000 / args.failoverRate;
    const device = async (session: number, client: BenchClient) => {
      const channel = socketIoSync(client.socket, 10_000);
      for (let n = 0; monoNow() < stopAt; n += 1) {
        const started = monoNow();
        const commandId = randomUUID();
        // Retried with the same id until acknowledged, as the web app's outbox does with `unavailable`.
        for (;;) {
          const sentAt = monoNow();
          const ack = await channel
            .command('participant:rename', { name: `Person ${n % 1000}` }, { commandId })
            .catch(() => null);
          const at = monoNow();
          const code = ack === null ? 'no_answer' : ack.ok ? 'ok' : ack.error.code;
          answers.push({ session, sentAt, at, ok: ack?.ok === true, code });
          if (ack?.ok || (code !== 'unavailable' && code !== 'no_answer') || monoNow() >= stopAt) break;
          await sleep(args.retryMs);
        }
        await sleep(Math.max(0, interval - (monoNow() - started)));
      }
    };
    const load = Promise.all(clients.map((client, i) => device(i, client)));

    await sleep(args.steadySeconds * 1000);
    await topology.handle.kill(victim);
    const killAt = monoNow();
    console.log(`  killed master ${victim} (holding ${affected.size} of ${clients.length} sessions)`);
    await topology.handle.waitForFailover(victim, args.failoverTimeoutSeconds * 1000);
    const failedOverAt = monoNow();
    // As an orchestrator's restart policy would: the node comes back and rejoins as a replica.
    await topology.handle.restart(victim);
    const restartedAt = monoNow();
    console.log(
      `  failed over after ${Math.round(failedOverAt - killAt)} ms, restarted after ${Math.round(restartedAt - killAt)} ms`,
    );

    /** When each session's commands went through again: the first ack after its last refusal since the kill. */
    const recoveredAt = (session: number): number | null => {
      const mine = answers.filter((a) => a.session === session && a.at >= killAt);
      const lastRefusal = Math.max(killAt, ...mine.filter((a) => !a.ok).map((a) => a.at));
      const next = mine.find((a) => a.ok && a.at > lastRefusal - 1e-9 && a.sentAt >= killAt);
      return next ? next.at : null;
    };
    const deadline = killAt + args.failoverTimeoutSeconds * 1000;
    while (monoNow() < deadline) {
      const all = clients.every((_, i) => {
        const at = recoveredAt(i);
        return at !== null && monoNow() - at > args.settleSeconds * 1000;
      });
      if (all) break;
      await sleep(200);
    }
    stopAt = monoNow();
    await load;

    const after = answers.filter((a) => a.at >= killAt);
    const refusals: Record<string, number> = {};
    for (const a of after) if (!a.ok && affected.has(a.session)) refusals[a.code] = (refusals[a.code] ?? 0) + 1;
    const firstOk = Math.min(
      ...after.filter((a) => a.ok && a.sentAt >= killAt && affected.has(a.session)).map((a) => a.at),
    );
    const recovered = clients.map((_, i) => recoveredAt(i));
    const allOk = recovered.every((at) => at !== null) ? Math.max(...recovered.map((at) => at ?? 0)) - killAt : null;
    return {
      topology: kind,
      minReplicas,
      sessions: clients.length,
      affected: affected.size,
      failedOverMs: Math.round(failedOverAt - killAt),
      restartedMs: Math.round(restartedAt - killAt),
      firstOkMs: Number.isFinite(firstOk) ? Math.round(firstOk - killAt) : null,
      allOkMs: allOk === null ? null : Math.round(allOk),
      slowestAnswerMs: Math.round(Math.max(...answers.map((a) => a.at - a.sentAt))),
      refusals,
      unaffectedRefusals: after.filter((a) => !a.ok && !affected.has(a.session)).length,
      acknowledged: answers.filter((a) => a.ok).length,
    };
  } finally {
    for (const client of clients) client.close();
    await server.stop();
    await topology.stop();
  }
}

runBench('topologies', args.limitSeconds * 1000, async () => {
  console.log(
    `topologies: capacity ${args.sessions} sessions × ${args.perSession}, ${args.rate} commands/s for ${args.seconds} s (+${args.warmupSeconds} s warm-up) on ${args.topologies}; REDIS_MIN_REPLICAS ${args.minReplicas}; load ${loadAverage()}`,
  );
  const capacity = args.capacity ? await capacityRuns() : [];
  const failover: FailoverRow[] = [];
  if (args.failover) {
    for (const kind of ['sentinel', 'cluster'] as const) {
      for (const n of args.minReplicas.split(',').map(Number)) failover.push(await failoverRun(kind, n));
    }
  }

  printTable(
    `Capacity per topology: ack latency (ms), errors, CPU (share of one core); ${args.rate} commands/s offered`,
    capacity.map(({ topology, minReplicas, figures: f }) => ({
      topology,
      'min replicas': minReplicas,
      'sent cmd/s': f.commandsPerSecond,
      p50: f.ack.p50,
      p95: f.ack.p95,
      p99: f.ack.p99,
      max: f.ack.max,
      errors: f.errorCount,
      'errors by code': Object.entries(f.errors)
        .map(([code, n]) => `${code} ${n}`)
        .join(', '),
      disconnects: f.disconnects,
      'server CPU': f.serverCpu,
      'Redis CPU (masters)': f.redisCpu,
    })),
  );
  printTable(
    'Failover: SIGKILL of the master holding a session → first acknowledged command, and every session through (ms)',
    failover.map((r) => ({
      topology: r.topology,
      'min replicas': r.minReplicas,
      'sessions (on killed)': `${r.sessions} (${r.affected})`,
      'failed over': r.failedOverMs,
      restarted: r.restartedMs,
      'first ok': r.firstOkMs,
      'all ok': r.allOkMs,
      'slowest answer': r.slowestAnswerMs,
      refusals: Object.entries(r.refusals)
        .map(([code, n]) => `${code} ${n}`)
        .join(', '),
      'other shards refused': r.unaffectedRefusals,
    })),
  );
  console.log(`\nload average now ${loadAverage()} (the machine is shared: figures are noisy when it is high)`);
  printResultLine('topologies', {
    machine: machineInfo(),
    args,
    capacity: capacity.map(({ topology, minReplicas, figures: f }) => ({
      topology,
      minReplicas,
      sent: f.sent,
      commandsPerSecond: f.commandsPerSecond,
      ack: f.ack,
      errors: f.errors,
      disconnects: f.disconnects,
      serverCpu: f.serverCpu,
      redisCpu: round(f.redisCpu),
    })),
    failover,
    loadAfter: loadAverage(),
  });
});
