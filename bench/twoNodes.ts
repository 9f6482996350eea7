/**
 * Two nodes: the fan-out of one vote when a session's clients are split over two server nodes
 * sharing Redis (commits relayed by the Socket.IO Redis Streams adapter), against a session of
 * the same size all on one of those nodes. Both sessions are connected at once and measured
 * in turn, one vote each, so machine noise hits both alike.
 *
 *   npx tsx bench/twoNodes.ts --clients 1000 --reps 100
 */
import { parseArgs } from './lib/args.ts';
import type { SeatInfo } from './lib/benchClient.ts';
import {
  measureFanout,
  prepareVotingSession,
  waitConverged,
  type FanoutResult,
  type FanoutTarget,
} from './lib/fanoutRun.ts';
import { runBench } from './lib/processes.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import { startRedis } from './lib/redisServer.ts';
import { cpuShare, startServerNode } from './lib/serverNode.ts';
import { storedVersion } from './lib/sessions.ts';
import { round, type LatencySummary } from './lib/stats.ts';
import { WorkerPool } from './lib/workerPool.ts';

const args = parseArgs({
  clients: 1000,
  reps: 100,
  warmup: 10,
  gapMs: 20,
  workers: 2,
  redisUrl: '',
  limitSeconds: 1800,
});

runBench('twoNodes', args.limitSeconds * 1000, async () => {
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'two-nodes' });
  const a = await startServerNode({ label: 'node-a', redisUrl: redis.url, keyPrefix: redis.prefix });
  const b = await startServerNode({ label: 'node-b', redisUrl: redis.url, keyPrefix: redis.prefix });
  const pool = WorkerPool.start(args.workers);
  const reps = args.reps + (args.reps % 2);
  const warmup = args.warmup + (args.warmup % 2);
  console.log(`twoNodes: ${args.clients} clients, ${reps} repetitions; load ${loadAverage()}`);

  /** A session of `clients` seats, connected all to node A or half to A and half to B. */
  async function prepare(split: boolean) {
    const prep = await prepareVotingSession({
      url: a.url,
      pool,
      redis: redis.client,
      prefix: redis.prefix,
      size: args.clients,
      topics: 3,
    });
    const [voter, ...rest] = prep.participants as [SeatInfo, ...SeatInfo[]];
    // The facilitator and the voter are on node A; the others half on A, half on B when split.
    const half = split ? Math.floor(args.clients / 2) - 2 : rest.length;
    await pool.connect(a.url, [voter, ...rest.slice(0, half)], { mirror: 'version', reconnection: false });
    if (split) await pool.connect(b.url, rest.slice(half), { mirror: 'version', reconnection: false });
    await waitConverged(pool, redis.client, redis.prefix, [prep.sessionId], 600_000);
    const target: FanoutTarget = {
      sessionId: prep.sessionId,
      voterId: voter.participantId,
      topicId: prep.topicIds[0] ?? '',
      baseVersion: await storedVersion(redis.client, redis.prefix, prep.sessionId),
    };
    return target;
  }

  const oneTarget = await prepare(false);
  const twoTarget = await prepare(true);
  console.log(`  both sessions connected (${2 * args.clients} clients); measuring, one vote in each in turn`);
  const [a0, b0] = await Promise.all([a.usage(), b.usage()]);
  const [oneResult, twoResult] = await measureFanout({
    pool,
    targets: [oneTarget, twoTarget],
    reps,
    warmup,
    gapMs: args.gapMs,
  });
  const [a1, b1] = await Promise.all([a.usage(), b.usage()]);
  if (!oneResult || !twoResult) throw new Error('missing results');
  const onA = await pool.latencies(twoTarget.sessionId, twoResult.sent, a.url);
  const onB = await pool.latencies(twoTarget.sessionId, twoResult.sent, b.url);
  const result = (config: string, r: FanoutResult, nodeA: LatencySummary | null, nodeB: LatencySummary | null) => ({
    config,
    all: r.applied.summary(),
    allApplied: r.allApplied.summary(),
    nodeA,
    nodeB,
    missing: r.missing,
  });
  const one = result('one node', oneResult, null, null);
  const two = result('two nodes', twoResult, onA.hist.summary(), onB.hist.summary());
  const cpu = { nodeA: round(cpuShare(a0, a1)), nodeB: round(cpuShare(b0, b1)) };
  const ratio = round(two.all.p99 / one.all.p99);
  printTable(
    'Vote → applied by every client (ms)',
    [one, two].map((r) => ({
      config: r.config,
      p50: r.all.p50,
      p95: r.all.p95,
      p99: r.all.p99,
      max: r.all.max,
      'all-N p50': r.allApplied.p50,
      'all-N p99': r.allApplied.p99,
      'p99 clients on A': r.nodeA?.p99 ?? null,
      'p99 clients on B': r.nodeB?.p99 ?? null,
      missing: r.missing,
    })),
  );
  console.log(
    `\np99 two nodes / one node: ${ratio}; CPU over both measurements: node A ${cpu.nodeA}, node B ${cpu.nodeB}`,
  );
  console.log(`load average now ${loadAverage()}`);
  printResultLine('twoNodes', {
    machine: machineInfo(),
    args: { ...args, reps, warmup },
    oneNode: one,
    twoNodes: two,
    ratioP99: ratio,
  });
  await Promise.all([a.stop(), b.stop()]);
});
