/**
 * Fan-out: one session of N participants; one participant votes; how long until every client
 * has applied it. The same measurement against a bare Socket.IO server gives the baseline.
 * Optionally a vote storm: everyone votes at once, and no client may miss an update; with the
 * baseline, the same storm (same seats, same moments, same payloads) against the bare server.
 *
 *   npx tsx bench/fanout.ts --sizes 100,500,1000,2000 --reps 100
 */
import type { SeatInfo } from './lib/benchClient.ts';
import { monoNow, sleep } from './lib/clock.ts';
import { numberList, parseArgs } from './lib/args.ts';
import {
  measureFanout,
  prepareVotingSession,
  waitConverged,
  waitAllOffline,
  type FanoutTarget,
} from './lib/fanoutRun.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import { runBench } from './lib/processes.ts';
import { startRedis } from './lib/redisServer.ts';
import { cpuShare, startBareNode, startServerNode, type BareNode } from './lib/serverNode.ts';
import { storedVersion } from './lib/sessions.ts';
import { Histogram, mergeCounts, round } from './lib/stats.ts';
import { stormSchedule, type StormVote } from './lib/stormSchedule.ts';
import { WorkerPool } from './lib/workerPool.ts';

const args = parseArgs({
  sizes: '100,500,1000,2000',
  reps: 100,
  warmup: 10,
  gapMs: 20,
  workers: 2,
  bare: true,
  /** Vote storm at this session size (0: the largest size; -1: no storm). */
  stormSize: 0,
  stormVotes: 3,
  stormSeconds: 60,
  /** How long a storm vote's ack is awaited: an overloaded node answers late, and those votes count too. */
  stormAckTimeoutSeconds: 300,
  /** Seeds the storm's schedule; the bare baseline's storm replays the same one. */
  stormSeed: 1,
  redisUrl: '',
  /** Write CPU profiles of the server node during each measurement into this directory. */
  profileDir: '',
  limitSeconds: 3600,
});

const even = (n: number) => n + (n % 2);
const profileFile = (name: string) => (args.profileDir ? `${args.profileDir}/${name}.cpuprofile` : undefined);

interface SizeResult {
  size: number;
  connectSeconds: number;
  runde: ReturnType<Histogram['summary']>;
  /** Per repetition, until the last of the N clients had applied it. */
  rundeAll: ReturnType<Histogram['summary']>;
  rundeAck: ReturnType<Histogram['summary']>;
  rundeMissing: number;
  bare: ReturnType<Histogram['summary']> | null;
  bareAll: ReturnType<Histogram['summary']> | null;
  ratioP99: number | null;
  frameBytes: number | null;
  serverCpu: number;
  storm?: StormResult;
}

/** One server's side of a storm. */
interface StormSide {
  votes: number;
  applied: ReturnType<Histogram['summary']>;
  ack: ReturnType<Histogram['summary']>;
  errors: Record<string, number>;
  missing: number;
  gaps: number;
  /** Sockets that dropped during the storm (they reconnect and catch up, like the web app), by reason. */
  disconnects: Record<string, number>;
  allCurrent: boolean;
  serverCpu: number;
  /** Both client workers together, as a share of one core: on 2 cores, they compete with the server. */
  clientCpu: number;
}

interface StormResult extends StormSide {
  size: number;
  seconds: number;
  /** The same schedule against the bare server (with `--bare`). */
  bare: StormSide | null;
  /** Runde / bare, per figure. */
  ratio: { p50: number; p95: number; p99: number; max: number; ackP99: number; serverCpu: number } | null;
}

runBench('fanout', args.limitSeconds * 1000, async () => {
  const sizes = numberList(args.sizes);
  if (sizes.some((n) => n < 3)) throw new Error('sizes must be at least 3 (facilitator, voter, observer)');
  const reps = even(args.reps);
  const warmup = even(args.warmup);
  const stormSize = args.stormSize === 0 ? Math.max(...sizes) : args.stormSize;
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'fanout' });
  const server = await startServerNode({
    label: 'runde',
    redisUrl: redis.url,
    keyPrefix: redis.prefix,
  });
  const bare = args.bare ? await startBareNode() : null;
  const pool = WorkerPool.start(args.workers);
  console.log(
    `fanout: sizes ${sizes.join(', ')}, ${reps} repetitions (+${warmup} warm-up), ${args.workers} client workers, Redis ${redis.owned ? 'own' : 'shared'}; load ${loadAverage()}`,
  );
  const results: SizeResult[] = [];

  for (const size of sizes) {
    console.log(`\n— N = ${size}`);
    const prep = await prepareVotingSession({
      url: server.url,
      pool,
      redis: redis.client,
      prefix: redis.prefix,
      size,
      topics: 3,
    });
    const [voter, observer, ...others] = prep.participants as [SeatInfo, SeatInfo, ...SeatInfo[]];
    const connectStart = monoNow();
    // Runde's clients reconnect as the web app does: a socket dropped under load comes back and catches up.
    await pool.connect(server.url, [observer], { mirror: 'version', reconnection: true, captureFrames: true });
    await pool.connect(server.url, [voter, ...others], { mirror: 'version', reconnection: true });
    await waitConverged(pool, redis.client, redis.prefix, [prep.sessionId], 600_000);
    const connectSeconds = (monoNow() - connectStart) / 1000;
    console.log(`  ${size} clients connected and current in ${connectSeconds.toFixed(1)} s`);

    // One vote first, to see its delta frame as a client receives it (and to copy it for the baseline).
    const topicId = prep.topicIds[0] ?? '';
    const probe = await pool.sendOk(voter.participantId, 'vote:cast', { topicId });
    await pool.waitVersion(prep.sessionId, probe, 60_000);
    const frame = await pool
      .workerOf(observer.participantId)
      .call('frame', { participantId: observer.participantId, version: probe });
    await pool.waitVersion(prep.sessionId, await pool.sendOk(voter.participantId, 'vote:retract', { topicId }), 60_000);
    console.log(`  vote delta frame as received: ${frame?.bytes ?? '?'} bytes`);

    const targets: FanoutTarget[] = [
      {
        sessionId: prep.sessionId,
        voterId: voter.participantId,
        topicId,
        baseVersion: await storedVersion(redis.client, redis.prefix, prep.sessionId),
      },
    ];
    if (bare && frame) {
      const batch = JSON.parse(frame.text.slice(1)) as [string, { events: Array<{ event: unknown }> }];
      const { version } = await bare.rpc.call('setTemplate', { event: batch[1].events[0]?.event });
      const seats = Array.from({ length: size }, (_, i) => ({
        sessionId: 'BARE',
        participantId: `bare-${i}`,
        token: '',
      }));
      await pool.connect(bare.url, seats, { mirror: 'version', reconnection: false });
      targets.push({ sessionId: 'BARE', voterId: 'bare-1', topicId: 'none', baseVersion: version });
    }
    const cpuBefore = await server.usage();
    const [runde, bareResult] = await server.profiled(profileFile(`fanout-${size}`), () =>
      measureFanout({ pool, targets, reps, warmup, gapMs: args.gapMs }),
    );
    if (!runde) throw new Error('no Runde result');
    const serverCpu = cpuShare(cpuBefore, await server.usage());
    if (bare) await pool.closeSession('BARE');
    console.log(
      `  p99 Runde ${runde.applied.percentile(99)} ms, bare ${bareResult?.applied.percentile(99) ?? '–'} ms; all ${size} applied p99 Runde ${runde.allApplied.percentile(99)} ms`,
    );

    let storm: StormResult | undefined;
    let bareStormPlan: { schedule: StormVote[]; workerOfSlot: number[] } | undefined;
    if (size === stormSize) {
      // Slot k is the k-th seat; the bare storm puts its k-th client on the same worker and replays k's votes.
      const slots = [prep.facilitator, ...prep.participants];
      const schedule = stormSchedule({
        seed: args.stormSeed,
        slots: slots.length,
        votesPerPerson: args.stormVotes,
        seconds: args.stormSeconds,
        topics: prep.topicIds.length,
      });
      const workerOfSlot = slots.map((seat) => pool.workers.indexOf(pool.workerOf(seat.participantId)));
      storm = await voteStorm(prep.sessionId, prep.topicIds, slots, schedule);
      bareStormPlan = { schedule, workerOfSlot };
    }

    await pool.closeAll();
    // Everyone leaving queues a presence write each; let them land before measuring anything else.
    await waitAllOffline(redis.client, redis.prefix, prep.sessionId, 600_000);

    if (storm && bare && bareStormPlan) {
      // After Runde's clients have gone, so neither storm shares the machine with the other's sockets.
      const bareSide = await bareStorm(bare, prep.topicIds, bareStormPlan.schedule, bareStormPlan.workerOfSlot);
      storm.bare = bareSide;
      // Three significant digits: against a collapsed baseline the ratios are far below 0.01.
      const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(3)) : Number.NaN);
      storm.ratio = {
        p50: ratio(storm.applied.p50, bareSide.applied.p50),
        p95: ratio(storm.applied.p95, bareSide.applied.p95),
        p99: ratio(storm.applied.p99, bareSide.applied.p99),
        max: ratio(storm.applied.max, bareSide.applied.max),
        ackP99: ratio(storm.ack.p99, bareSide.ack.p99),
        serverCpu: ratio(storm.serverCpu, bareSide.serverCpu),
      };
      console.log(
        `  storm p99 Runde ${storm.applied.p99} ms, bare ${bareSide.applied.p99} ms: ratio ${storm.ratio.p99}`,
      );
    }

    const bareP99 = bareResult?.applied.percentile(99) ?? null;
    results.push({
      size,
      connectSeconds: round(connectSeconds, 1),
      runde: runde.applied.summary(),
      rundeAll: runde.allApplied.summary(),
      rundeAck: runde.ack.summary(),
      rundeMissing: runde.missing,
      bare: bareResult?.applied.summary() ?? null,
      bareAll: bareResult?.allApplied.summary() ?? null,
      ratioP99: bareP99 ? round(runde.applied.percentile(99) / bareP99) : null,
      frameBytes: frame?.bytes ?? null,
      serverCpu: round(serverCpu),
      storm,
    });
  }

  /**
   * Hands each worker the votes of the seats it holds (`slots[k]` casts the votes of slot k) and
   * waits for every ack, for as long as `--stormAckTimeoutSeconds`.
   */
  async function castStorm(slots: readonly SeatInfo[], topicIds: readonly string[], schedule: readonly StormVote[]) {
    const shares = pool.workers.map((): Array<[string, number, string]> => []);
    for (const vote of schedule) {
      const seat = slots[vote.slot];
      if (!seat) throw new Error(`no seat for slot ${vote.slot}`);
      shares[pool.workers.indexOf(pool.workerOf(seat.participantId))]?.push([
        seat.participantId,
        vote.delayMs,
        topicIds[vote.topicIndex] ?? '',
      ]);
    }
    const answers = await Promise.all(
      pool.workers.map((w, i) =>
        w.call(
          'storm',
          { schedule: shares[i] ?? [], ackTimeoutMs: args.stormAckTimeoutSeconds * 1000 },
          (args.stormSeconds + args.stormAckTimeoutSeconds) * 1000 + 60_000,
        ),
      ),
    );
    const errors: Record<string, number> = {};
    const ack = new Histogram();
    for (const a of answers) {
      mergeCounts(errors, a.errors);
      ack.merge(a.ack);
    }
    return { sent: answers.flatMap((a) => a.sent), errors, ack };
  }

  /** Starts measuring the client workers' CPU; the function returned gives their share of one core since. */
  async function clientCpuMeter(): Promise<() => Promise<number>> {
    const [cpuMs, at] = [await pool.cpuMs(), monoNow()];
    return async () => ((await pool.cpuMs()) - cpuMs) / Math.max(1, monoNow() - at);
  }

  /** Sockets dropped since `before` (a `status().disconnectReasons`), by reason. */
  async function droppedSince(before: Record<string, number>): Promise<Record<string, number>> {
    const { disconnectReasons } = await pool.status();
    return Object.fromEntries(
      Object.entries(disconnectReasons)
        .map(([reason, count]): [string, number] => [reason, count - (before[reason] ?? 0)])
        .filter(([, count]) => count > 0),
    );
  }

  async function voteStorm(
    sessionId: string,
    topicIds: string[],
    slots: readonly SeatInfo[],
    schedule: readonly StormVote[],
  ): Promise<StormResult> {
    const size = slots.length;
    console.log(`  vote storm: ${size} participants × ${args.stormVotes} votes within ${args.stormSeconds} s`);
    const base = await storedVersion(redis.client, redis.prefix, sessionId);
    await pool.track(sessionId, base, size * args.stormVotes + 5_000);
    const dropsBefore = (await pool.status()).disconnectReasons;
    const cpuBefore = await server.usage();
    const clientCpu = await clientCpuMeter();
    const { sent, errors, ack } = await server.profiled(profileFile(`storm-${size}`), () =>
      castStorm(slots, topicIds, schedule),
    );
    let allCurrent = true;
    try {
      await waitConverged(pool, redis.client, redis.prefix, [sessionId], args.stormAckTimeoutSeconds * 1000);
    } catch (err) {
      allCurrent = false;
      console.log(`  ${err instanceof Error ? err.message : err}`);
    }
    const serverCpu = cpuShare(cpuBefore, await server.usage());
    const clientShare = await clientCpu();
    const { hist, missing } = await pool.latencies(sessionId, sent);
    const { gaps } = await pool.status();
    const disconnects = await droppedSince(dropsBefore);
    console.log(
      `  storm p99 ${hist.percentile(99)} ms over ${hist.count} samples; missing ${missing}, gaps ${gaps}, dropped ${JSON.stringify(disconnects)}`,
    );
    return {
      size,
      votes: sent.length,
      seconds: args.stormSeconds,
      applied: hist.summary(),
      ack: ack.summary(),
      errors,
      missing,
      gaps,
      disconnects,
      allCurrent,
      serverCpu: round(serverCpu),
      clientCpu: round(clientShare),
      bare: null,
      ratio: null,
    };
  }

  /**
   * The same storm against the bare server: one client per Runde seat, on the same worker, casting
   * that seat's votes at the same moments with the same payload. The clients reconnect and catch up
   * (the bare server answers a sync with its version) as Runde's do.
   */
  async function bareStorm(
    node: BareNode,
    topicIds: string[],
    schedule: readonly StormVote[],
    workerOfSlot: readonly number[],
  ): Promise<StormSide> {
    const slots = workerOfSlot.map((_, k): SeatInfo => ({
      sessionId: 'BARE',
      participantId: `bare-storm-${k}`,
      token: '',
    }));
    await Promise.all(
      pool.workers.map((_, w) =>
        pool.connect(
          node.url,
          slots.filter((__, k) => workerOfSlot[k] === w),
          { mirror: 'version', reconnection: true },
          { onWorker: w },
        ),
      ),
    );
    console.log(`  bare storm: the same ${schedule.length} votes from ${slots.length} clients of the bare server`);
    const { version: base } = await node.rpc.call('version', {});
    await pool.track('BARE', base, schedule.length + 5_000);
    const dropsBefore = (await pool.status()).disconnectReasons;
    const cpuBefore = await node.rpc.call('usage', {});
    const clientCpu = await clientCpuMeter();
    const { sent, errors, ack } = await castStorm(slots, topicIds, schedule);
    let allCurrent = true;
    const { version: last } = await node.rpc.call('version', {});
    const deadline = monoNow() + args.stormAckTimeoutSeconds * 1000;
    for (;;) {
      const status = (await pool.status()).sessions.get('BARE');
      if (status && status.min >= last) break;
      if (monoNow() > deadline) {
        allCurrent = false;
        console.log(`  bare clients not all at version ${last} (lowest ${status?.min ?? '?'})`);
        break;
      }
      await sleep(100);
    }
    const serverCpu = cpuShare(cpuBefore, await node.rpc.call('usage', {}));
    const clientShare = await clientCpu();
    const { hist, missing } = await pool.latencies('BARE', sent);
    const { gaps } = await pool.status();
    const disconnects = await droppedSince(dropsBefore);
    await pool.closeSession('BARE');
    console.log(
      `  bare storm p99 ${hist.percentile(99)} ms over ${hist.count} samples; missing ${missing}, gaps ${gaps}, dropped ${JSON.stringify(disconnects)}`,
    );
    return {
      votes: sent.length,
      applied: hist.summary(),
      ack: ack.summary(),
      errors,
      missing,
      gaps,
      disconnects,
      allCurrent,
      serverCpu: round(serverCpu),
      clientCpu: round(clientShare),
    };
  }

  printTable(
    'Vote → applied (ms): percentiles over repetitions × clients; all-N: per repetition, until the last client had it',
    results.map((r) => ({
      N: r.size,
      'Runde p50': r.runde.p50,
      'Runde p95': r.runde.p95,
      'Runde p99': r.runde.p99,
      'Runde max': r.runde.max,
      'bare p50': r.bare?.p50 ?? null,
      'bare p99': r.bare?.p99 ?? null,
      'p99 ratio': r.ratioP99,
      'all-N p50': r.rundeAll.p50,
      'all-N p99': r.rundeAll.p99,
      'bare all-N p99': r.bareAll?.p99 ?? null,
      'ack p99': r.rundeAck.p99,
      'frame B': r.frameBytes,
      'server CPU': r.serverCpu,
      'connect s': r.connectSeconds,
    })),
  );
  const storms = results.flatMap((r) => (r.storm ? [r.storm] : []));
  if (storms.length > 0) {
    const side = (s: StormResult, server: string, x: StormSide) => ({
      N: s.size,
      server,
      votes: x.votes,
      seconds: s.seconds,
      p50: x.applied.p50,
      p95: x.applied.p95,
      p99: x.applied.p99,
      max: x.applied.max,
      'ack p99': x.ack.p99,
      errors: Object.values(x.errors).reduce((a, b) => a + b, 0),
      missing: x.missing,
      gaps: x.gaps,
      dropped: Object.values(x.disconnects).reduce((a, b) => a + b, 0),
      'all current': x.allCurrent,
      'server CPU': x.serverCpu,
      'client CPU': x.clientCpu,
    });
    printTable(
      'Vote storm: every participant votes (send → applied by every client, ms); bare: the same schedule against a bare Socket.IO server',
      storms.flatMap((s) => [
        side(s, 'Runde', s),
        ...(s.bare ? [side(s, 'bare', s.bare)] : []),
        ...(s.ratio
          ? [
              {
                N: s.size,
                server: 'Runde / bare',
                p50: s.ratio.p50,
                p95: s.ratio.p95,
                p99: s.ratio.p99,
                max: s.ratio.max,
                'ack p99': s.ratio.ackP99,
                'server CPU': s.ratio.serverCpu,
              },
            ]
          : []),
      ]),
    );
  }
  console.log(`\nload average now ${loadAverage()} (the machine is shared: figures are noisy when it is high)`);
  printResultLine('fanout', {
    machine: machineInfo(),
    args: { ...args, reps, warmup },
    results,
    loadAfter: loadAverage(),
  });
  await server.stop();
});
