/**
 * Two nodes: the fan-out of one vote when a session's clients are split over two server nodes
 * sharing Redis (commits relayed by the Socket.IO Redis Streams adapter), against the same
 * session size all on one of those nodes.
 *
 *   npx tsx bench/twoNodes.ts --clients 1000 --reps 100
 */
import { parseArgs } from './lib/args.ts';
import type { SeatInfo } from './lib/benchClient.ts';
import { measureFanout, prepareVotingSession, waitConverged, waitAllOffline } from './lib/fanoutRun.ts';
import { runBench } from './lib/processes.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import { startRedis } from './lib/redisServer.ts';
import { cpuShare, startServerNode, type ServerNode } from './lib/serverNode.ts';
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

interface ConfigResult {
  config: string;
  all: LatencySummary;
  nodeA: LatencySummary;
  nodeB: LatencySummary | null;
  missing: number;
  cpuA: number;
  cpuB: number;
}

runBench('twoNodes', args.limitSeconds * 1000, async () => {
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'two-nodes' });
  const a = await startServerNode({ label: 'node-a', redisUrl: redis.url, keyPrefix: redis.prefix });
  const b = await startServerNode({ label: 'node-b', redisUrl: redis.url, keyPrefix: redis.prefix });
  const pool = WorkerPool.start(args.workers);
  const reps = args.reps + (args.reps % 2);
  const warmup = args.warmup + (args.warmup % 2);
  console.log(`twoNodes: ${args.clients} clients, ${reps} repetitions; load ${loadAverage()}`);

  async function run(config: string, split: boolean): Promise<ConfigResult> {
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
    const usage = async (node: ServerNode) => node.usage();
    const [a0, b0] = await Promise.all([usage(a), usage(b)]);
    const result = await measureFanout({
      pool,
      sessionId: prep.sessionId,
      voterId: voter.participantId,
      topicId: prep.topicIds[0] ?? '',
      reps,
      warmup,
      gapMs: args.gapMs,
      baseVersion: await storedVersion(redis.client, redis.prefix, prep.sessionId),
    });
    const [a1, b1] = await Promise.all([usage(a), usage(b)]);
    const onA = await pool.latencies(prep.sessionId, result.sent, a.url);
    const onB = split ? await pool.latencies(prep.sessionId, result.sent, b.url) : null;
    await pool.closeAll();
    await waitAllOffline(redis.client, redis.prefix, prep.sessionId, 600_000);
    console.log(`  ${config}: p99 ${result.applied.percentile(99)} ms`);
    return {
      config,
      all: result.applied.summary(),
      nodeA: onA.hist.summary(),
      nodeB: onB?.hist.summary() ?? null,
      missing: result.missing,
      cpuA: round(cpuShare(a0, a1)),
      cpuB: round(cpuShare(b0, b1)),
    };
  }

  const one = await run('one node', false);
  const two = await run('two nodes', true);
  const ratio = round(two.all.p99 / one.all.p99);
  printTable(
    'Vote → applied by every client (ms)',
    [one, two].map((r) => ({
      config: r.config,
      p50: r.all.p50,
      p95: r.all.p95,
      p99: r.all.p99,
      max: r.all.max,
      'p99 on A': r.nodeA.p99,
      'p99 on B': r.nodeB?.p99 ?? null,
      missing: r.missing,
      'CPU A': r.cpuA,
      'CPU B': r.cpuB,
    })),
  );
  console.log(`\np99 two nodes / one node: ${ratio}`);
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
