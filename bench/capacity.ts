/**
 * Capacity: many small sessions under a steady, realistic command load on one server node.
 * 200 sessions × 10 participants, ~1,000 commands/s spread over them (topics added and edited
 * while collecting, dots cast and moved while voting, the facilitator's timer and takeaways
 * while discussing). Reports ack latency, errors by code, the node's CPU and RSS, and the Redis
 * round trips per command (from the bench-owned Redis's INFO commandstats).
 *
 *   npx tsx bench/capacity.ts --sessions 200 --perSession 10 --rate 1000 --seconds 60
 */
import { sessionKeys } from '@runde/server';
import { parseArgs } from './lib/args.ts';
import type { SeatInfo } from './lib/benchClient.ts';
import { monoNow, sleep } from './lib/clock.ts';
import type { LoadResult, LoadSession, SlowCommand } from './lib/clientWorker.ts';
import type { LoopReport } from './lib/loopProbe.ts';
import { runBench } from './lib/processes.ts';
import { machineLoad, machineSample } from './lib/machineLoad.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import {
  callDelta,
  commandCalls,
  redisCpuSeconds,
  redisLatency,
  resetRedisLatency,
  roundTrips,
  startRedis,
} from './lib/redisServer.ts';
import { cpuShare, startServerNode } from './lib/serverNode.ts';
import { createSession, joinSeats, storedState, waitConverged } from './lib/sessions.ts';
import { Histogram, mergeCounts, round } from './lib/stats.ts';
import { WorkerPool } from './lib/workerPool.ts';

const args = parseArgs({
  sessions: 200,
  perSession: 10,
  rate: 1000,
  seconds: 60,
  warmupSeconds: 5,
  workers: 2,
  /** Keep the production per-socket command budget (50 per 10 s), as a real deployment has. */
  productionLimits: true,
  redisUrl: '',
  /** Sentinel or Cluster instead (`host:port,…`), passed to the node as REDIS_SENTINELS / REDIS_CLUSTER_NODES. */
  redisSentinels: '',
  redisSentinelMaster: 'runde',
  redisClusterNodes: '',
  /** REDIS_MIN_REPLICAS and REDIS_REPLICA_TIMEOUT_MS of the node: acks wait for that many replicas (WAIT). */
  minReplicas: 0,
  replicaTimeoutMs: 500,
  /** Write a CPU profile of the server node during the measured window into this directory. */
  profileDir: '',
  limitSeconds: 1800,
  /** Extra Node flags for the server node, space-separated (e.g. `--max-semi-space-size=32`). */
  serverNodeArgs: '',
});

const MB = 1024 * 1024;

/** Runs `task` over `items`, `limit` at a time. */
async function pooled<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

runBench('capacity', (args.limitSeconds + args.seconds) * 1000, async () => {
  const redis = await startRedis({
    url: args.redisUrl || undefined,
    label: 'capacity',
    sentinels: args.redisSentinels,
    sentinelMaster: args.redisSentinelMaster,
    clusterNodes: args.redisClusterNodes,
  });
  const server = await startServerNode({
    label: 'runde',
    redisUrl: redis.url,
    keyPrefix: redis.prefix,
    productionSocketLimit: args.productionLimits,
    nodeArgs: args.serverNodeArgs.split(' ').filter(Boolean),
    env: {
      ...redis.env,
      REDIS_MIN_REPLICAS: String(args.minReplicas),
      REDIS_REPLICA_TIMEOUT_MS: String(args.replicaTimeoutMs),
    },
  });
  const pool = WorkerPool.start(args.workers);
  console.log(
    `capacity: ${args.sessions} sessions × ${args.perSession}, ${args.rate} commands/s for ${args.seconds} s (+${args.warmupSeconds} s warm-up), ${args.workers} client workers; load ${loadAverage()}`,
  );

  // Seats first (nobody connected yet, so joining broadcasts to nobody).
  const setupStart = monoNow();
  const groups: Array<LoadSession['group']> = [
    'collect',
    'collect',
    'collect',
    'vote',
    'vote',
    'vote',
    'vote',
    'vote',
    'discuss',
    'discuss',
  ];
  const sessions: Array<LoadSession & { facilitator: SeatInfo; participants: SeatInfo[] }> = [];
  await pooled(
    Array.from({ length: args.sessions }, (_, i) => i),
    8,
    async (i) => {
      const created = await createSession(server.url, `Capacity ${i + 1}`);
      const participants = await joinSeats(server.url, created.sessionId, args.perSession - 1, 4);
      sessions.push({
        sessionId: created.sessionId,
        group: groups[i % groups.length] ?? 'vote',
        facilitatorId: created.participantId,
        facilitator: created,
        participants,
        topicIds: [],
        discussTopicId: null,
      });
    },
  );
  // Facilitators set the sessions up, then everyone else connects.
  await pool.connect(
    server.url,
    sessions.map((s) => s.facilitator),
    { mirror: 'full', reconnection: false },
  );
  await pooled(sessions, 16, async (s) => {
    const f = s.facilitatorId;
    if (s.group === 'collect') return;
    for (let t = 0; t < 5; t += 1) await pool.sendOk(f, 'topic:add', { title: `Topic ${t + 1}` });
    await pool.sendOk(f, 'phase:change', { to: 'vote' });
    if (s.group === 'discuss') {
      await pool.sendOk(f, 'phase:change', { to: 'discuss' });
      await pool.sendOk(f, 'discussion:start', {});
    }
    const state = await storedState(redis.client, redis.prefix, s.sessionId);
    if (state?.kind !== 'lean-coffee') throw new Error(`no Lean Coffee ${s.sessionId} in the store`);
    s.topicIds = state.topics.map((t) => t.id);
    s.discussTopicId = state.topics.find((t) => t.status === 'discussing')?.id ?? null;
  });
  await pool.connect(
    server.url,
    sessions.flatMap((s) => s.participants),
    { mirror: 'full', reconnection: false },
  );
  const ids = sessions.map((s) => s.sessionId);
  await waitConverged(pool, redis.client, redis.prefix, ids, 300_000);
  console.log(
    `  ${args.sessions * args.perSession} clients connected and current; set-up took ${((monoNow() - setupStart) / 1000).toFixed(1)} s`,
  );

  const plan: LoadSession[] = sessions.map(({ sessionId, group, facilitatorId, topicIds, discussTopicId }) => ({
    sessionId,
    group,
    facilitatorId,
    topicIds,
    discussTopicId,
  }));
  const ratePerWorker = args.rate / args.workers;
  const runLoad = (seconds: number) =>
    Promise.all(
      pool.workers.map((w) =>
        w.call('load', { sessions: plan, ratePerSec: ratePerWorker, seconds }, seconds * 1000 + 60_000),
      ),
    );
  if (args.warmupSeconds > 0) {
    await runLoad(args.warmupSeconds);
    await sleep(500);
  }

  if (redis.owned && redis.single) await resetRedisLatency(redis.single);
  const before = {
    server: await server.usage(),
    calls: await commandCalls(redis.client),
    redisCpu: await redisCpuSeconds(redis.client),
    clientCpuMs: await pool.cpuMs(),
    machine: machineSample(),
    at: monoNow(),
  };
  let maxRss = before.server.rss;
  const sampler = setInterval(() => {
    server.usage().then(
      (u) => (maxRss = Math.max(maxRss, u.rss)),
      () => undefined,
    );
  }, 1_000);
  console.log(`  measuring for ${args.seconds} s …`);
  await server.rpc.call('probeStart', {});
  const answers: LoadResult[] = await server.profiled(
    args.profileDir ? `${args.profileDir}/capacity.cpuprofile` : undefined,
    () => runLoad(args.seconds),
  );
  const serverLoop = await server.rpc.call('probeStop', {});
  const redisTimes = redis.owned && redis.single ? await redisLatency(redis.single) : null;
  clearInterval(sampler);
  const after = {
    server: await server.usage(),
    calls: await commandCalls(redis.client),
    redisCpu: await redisCpuSeconds(redis.client),
    clientCpuMs: await pool.cpuMs(),
    machine: machineSample(),
    at: monoNow(),
  };
  const { gaps, disconnects } = await pool.status();
  // Every command reads and writes a session's whole state, so its size matters.
  const stateBytes = await Promise.all(
    ids.map(async (id) => Number(await redis.client.hStrLen(sessionKeys(redis.prefix, id)[0], 'state'))),
  );

  const ack = new Histogram();
  const errors: Record<string, number> = {};
  const byType: Record<string, number> = {};
  let sent = 0;
  let ok = 0;
  let skipped = 0;
  for (const a of answers) {
    ack.merge(a.ack);
    mergeCounts(errors, a.errors);
    mergeCounts(byType, a.byType);
    sent += a.sent;
    ok += a.ok;
    skipped += a.skipped;
  }
  const wallS = (after.at - before.at) / 1000;
  const loops: Array<{ process: string; loop: LoopReport }> = [
    { process: 'server', loop: serverLoop },
    ...answers.map((a, i) => ({ process: `clients-${i + 1}`, loop: a.loop })),
  ];
  const ackByGroup = new Map<string, Histogram>();
  for (const a of answers) {
    for (const [group, data] of Object.entries(a.ackByGroup)) {
      if (!ackByGroup.has(group)) ackByGroup.set(group, new Histogram());
      ackByGroup.get(group)?.merge(data);
    }
  }
  const slowest = answers
    .flatMap((a, i) => a.slowest.map((c) => ({ ...c, worker: i + 1 })))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  /** The longest stall of `loop` that overlaps the command's time in flight: a hint at who held it up. */
  const stallDuring = (loop: LoopReport | undefined, c: SlowCommand) =>
    Math.max(
      0,
      ...[...(loop?.stalls ?? []), ...(loop?.gcPauses ?? [])]
        .filter((s) => s.at < c.at + c.ms && s.at + s.ms > c.at)
        .map((s) => s.ms),
    );
  const offsetS = (at: number) => round((at - before.at) / 1000, 2);
  const delta = callDelta(before.calls, after.calls);
  const trips = roundTrips(delta);
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const summary = {
    sent,
    ok,
    skipped,
    commandsPerSecond: round(sent / wallS, 1),
    ack: ack.summary(),
    errors,
    errorCount,
    gaps,
    disconnects,
    serverCpu: round(cpuShare(before.server, after.server)),
    serverRssMb: {
      before: round(before.server.rss / MB, 1),
      max: round(maxRss / MB, 1),
      after: round(after.server.rss / MB, 1),
    },
    redisCpu: round((after.redisCpu - before.redisCpu) / wallS),
    clientCpu: round((after.clientCpuMs - before.clientCpuMs) / 1000 / wallS),
    /** The whole machine: cores busy (this run's processes and everyone else's), and CPU pressure. */
    machineLoad: machineLoad(before.machine, after.machine),
    stateBytes: {
      mean: Math.round(stateBytes.reduce((a, b) => a + b, 0) / Math.max(1, stateBytes.length)),
      max: Math.max(0, ...stateBytes),
    },
    redisRoundTripsPerCommand: round(trips / Math.max(1, sent)),
    redisCallsPerCommand: Object.fromEntries(
      Object.entries(delta)
        .sort(([, a], [, b]) => b - a)
        .map(([name, n]) => [name, round(n / Math.max(1, sent))]),
    ),
    byType,
    ackByGroup: Object.fromEntries([...ackByGroup].map(([group, h]) => [group, h.summary()])),
    redisLatency: redisTimes,
    eventLoops: Object.fromEntries(
      loops.map(({ process, loop }) => [
        process,
        {
          delay: loop.delay,
          gc: loop.gc,
          stalls: loop.stalls.map((s) => ({ atS: offsetS(s.at), ms: s.ms })),
          gcPauses: loop.gcPauses.map((p) => ({ atS: offsetS(p.at), ms: p.ms, kind: p.kind })),
        },
      ]),
    ),
    slowest: slowest.map((c) => ({
      ms: round(c.ms),
      type: c.type,
      session: c.sessionId,
      group: c.group,
      worker: c.worker,
      atS: offsetS(c.at),
    })),
  };

  printTable('Capacity: ack latency (ms) and errors', [
    {
      sessions: args.sessions,
      clients: args.sessions * args.perSession,
      'offered cmd/s': args.rate,
      'sent cmd/s': summary.commandsPerSecond,
      sent,
      ok,
      p50: summary.ack.p50,
      p95: summary.ack.p95,
      p99: summary.ack.p99,
      max: summary.ack.max,
      errors: errorCount,
      'skipped (all busy)': skipped,
      gaps,
      disconnects,
    },
  ]);
  printTable(
    "Ack latency (ms) by the sessions' phase",
    [...ackByGroup].map(([group, h]) => ({ group, ...h.summary() })),
  );
  printTable(
    'Errors by code',
    Object.entries(errors).map(([code, n]) => ({ code, count: n })),
  );
  printTable('Resources during the window (CPU as a share of one core)', [
    {
      'server CPU': summary.serverCpu,
      'server RSS before MB': summary.serverRssMb.before,
      'server RSS max MB': summary.serverRssMb.max,
      'server RSS after MB': summary.serverRssMb.after,
      'Redis CPU': summary.redisCpu,
      'client workers CPU': summary.clientCpu,
      'machine busy cores': summary.machineLoad.busyCores,
      'others (cores)': round(summary.machineLoad.busyCores - summary.serverCpu - summary.clientCpu - summary.redisCpu),
      'CPU pressure': summary.machineLoad.cpuPressure,
      'state KB mean': round(summary.stateBytes.mean / 1024, 1),
      'state KB max': round(summary.stateBytes.max / 1024, 1),
    },
  ]);
  printTable(
    'Event loops during the window (delay beyond due, ms; GC pauses, ms)',
    loops.map(({ process, loop }) => ({
      process,
      'delay p50': loop.delay.p50,
      'delay p99': loop.delay.p99,
      'delay max': loop.delay.max,
      GCs: loop.gc.count,
      'GC total': round(loop.gc.totalMs, 1),
      'GC max': loop.gc.maxMs,
      'GC by kind (count / max)': Object.entries(loop.gc.byKind)
        .map(([kind, k]) => `${kind} ${k.count}/${round(k.maxMs, 1)}`)
        .join(', '),
      'longest stalls (s into the window: ms)': loop.stalls
        .slice(0, 4)
        .map((st) => `${offsetS(st.at)}: ${round(st.ms, 1)}`)
        .join(', '),
    })),
  );
  printTable(
    'Slowest acks (with the longest stall of the server and of the timing worker while each was in flight)',
    slowest.map((c) => ({
      'ack ms': round(c.ms),
      'sent s into the window': offsetS(c.at),
      command: c.type,
      group: c.group,
      session: c.sessionId.slice(0, 8),
      worker: c.worker,
      'server stall ms': round(stallDuring(serverLoop, c), 1),
      'worker stall ms': round(stallDuring(answers[c.worker - 1]?.loop, c), 1),
    })),
  );
  printTable(
    'Redis commands per command sent (INFO commandstats; those run inside scripts included)',
    Object.entries(summary.redisCallsPerCommand).map(([name, perCommand]) => ({
      command: name,
      'per command': perCommand,
    })),
  );
  if (redisTimes) {
    const { evalsha, publish } = redisTimes.percentiles;
    console.log(
      `  inside Redis: EVALSHA p50/p99/p99.9 ${evalsha?.p50}/${evalsha?.p99}/${evalsha?.p999} ms, PUBLISH p99.9 ${publish?.p999} ms; slow log (≥ 1 ms): ${
        redisTimes.slowest.map((s) => `${s.command} ${s.ms} ms`).join(', ') || 'empty'
      }`,
    );
  }
  console.log(`  round trips per command (commands not issued from scripts): ${summary.redisRoundTripsPerCommand}`);
  printTable(
    'Mix',
    Object.entries(byType).map(([type, n]) => ({ command: type, count: n, share: round(n / sent) })),
  );
  console.log(`\nload average now ${loadAverage()} (the machine is shared: figures are noisy when it is high)`);
  printResultLine('capacity', { machine: machineInfo(), args, ...summary, loadAfter: loadAverage() });
  await server.stop();
});
