/**
 * Hall: one event of 250 tables × 8 phones (2,000 phones) on one server node. Every table is a
 * Lean Coffee of its own in the vote phase; phones vote at random moments (0.4 votes/s per table by
 * default, about 3 dots per phone a minute), and an organiser's laptop follows the hall overview.
 * Reported per window:
 *   - table vote → every other phone at that table (p50/p95/p99/max), against the target p99 ≤ 25 ms;
 *   - overview staleness: a table commit's ack → the organiser holds a summary of that version or
 *     later, against the target p99 ≤ 1 s;
 *   - the server node's CPU (share of one core) and RSS;
 *   - bytes per phone per minute (raw bytes on each phone's TCP connection), with 250 tables and
 *     then with 50 of them (the others' phones gone), at the same rate per table: a phone's traffic
 *     should not depend on how many tables the hall has;
 *   - the same 250 × 8 votes against a bare Socket.IO server relaying each vote to a room of 8.
 *
 *   flock /tmp/bench.lock npx -y pnpm@10 bench:hall -- --tables 250 --perTable 8 --seconds 20
 */
import type { SeatInfo } from './lib/benchClient.ts';
import { monoNow, sleep } from './lib/clock.ts';
import { parseArgs } from './lib/args.ts';
import { HallOverviewWatch } from './lib/hallOverview.ts';
import { printHallReport } from './lib/hallReport.ts';
import { createHall, seatHall, waitTablesReady, type BenchTable } from './lib/hallSetup.ts';
import { runHallWindow, type HallWindowContext, type WindowResult } from './lib/hallWindow.ts';
import { runBench } from './lib/processes.ts';
import { startRedis } from './lib/redisServer.ts';
import { loadAverage, machineInfo, printResultLine } from './lib/report.ts';
import { startBareNode, startServerNode } from './lib/serverNode.ts';
import { storedOnline, storedVersion, waitConverged } from './lib/sessions.ts';
import { round } from './lib/stats.ts';
import { WorkerPool } from './lib/workerPool.ts';

const args = parseArgs({
  tables: 250,
  perTable: 8,
  /** The second window: only this many tables keep their phones. */
  smallTables: 50,
  topics: 3,
  votesPerTablePerSecond: 0.4,
  seconds: 20,
  smallSeconds: 20,
  bareSeconds: 15,
  warmupSeconds: 3,
  workers: 2,
  bare: true,
  seed: 1,
  /** Keep the production per-seat command budget (50 per 10 s), as a real deployment has. */
  productionLimits: true,
  redisUrl: '',
  /** The whole run, set-up included; seating 2,000 phones takes 15–50 s on the shared 2-core machine. */
  limitSeconds: 180,
});

const TARGET_VOTE_P99_MS = 25;
const TARGET_STALENESS_P99_MS = 1_000;
/** Dots per phone (the bench sessions' `votesPerPerson`); the bare server has no such rule. */
const DOTS = 3;
const UNLIMITED_DOTS = 1_000_000;

/** Runs `task` over `items`, `limit` at a time. */
async function pooled<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

const seconds = (since: number) => ((monoNow() - since) / 1000).toFixed(1);

runBench('hall', args.limitSeconds * 1000, async () => {
  const started = monoNow();
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'hall' });
  const server = await startServerNode({
    label: 'runde',
    redisUrl: redis.url,
    keyPrefix: redis.prefix,
    productionSocketLimit: args.productionLimits,
  });
  const bare = args.bare ? await startBareNode() : null;
  const pool = WorkerPool.start(args.workers);
  const phonesAll = args.tables * args.perTable;
  console.log(
    `hall: ${args.tables} tables × ${args.perTable} phones (${phonesAll}) on one node, ${args.votesPerTablePerSecond} votes/s per table; windows ${args.seconds} s (all tables), ${args.smallSeconds} s (${args.smallTables} tables)${bare ? `, ${args.bareSeconds} s bare` : ''}; ${args.workers} client workers; load ${loadAverage()}`,
  );

  // Seats first (nobody connected yet, so joining broadcasts to nobody but the hall's organiser).
  const hall = await createHall(server.url, args.tables);
  const tables = await seatHall(server.url, hall.sessionId, args.tables, args.perTable);
  const seatSeconds = Number(seconds(started));
  console.log(`  ${phonesAll} phones seated at ${tables.length} tables in ${seatSeconds} s`);
  const organiser = new HallOverviewWatch(server.url, hall);
  await organiser.open(30_000);

  const first = tables[0]?.phones[0];
  if (!first) throw new Error('no phone at table 1');
  const connectStart = monoNow();
  // One phone keeps the raw `session:events` packets, to hand the bare server the very vote event Runde sends.
  await pool.connect(server.url, [first], {
    mirror: 'version',
    reconnection: true,
    countBytes: true,
    captureFrames: true,
  });
  await pool.connect(
    server.url,
    tables.flatMap((t) => t.phones).filter((p) => p !== first),
    { mirror: 'version', reconnection: true, countBytes: true },
    { concurrency: 100 },
  );
  const connectSeconds = Number(seconds(connectStart));
  console.log(`  ${phonesAll} phones connected in ${connectSeconds} s`);

  // Each table's first phone proposes the topics (a table starts collecting); then the organiser calls the vote.
  await pooled(tables, 16, async (t) => {
    const proposer = t.phones[0];
    if (!proposer) throw new Error(`no phone at table ${t.number}`);
    for (let i = 0; i < args.topics; i += 1) {
      await pool.sendOk(proposer.participantId, 'topic:add', { title: `Topic ${i + 1} of table ${t.number}` });
    }
  });
  const phase = await organiser.client.send('hall:phase', { to: 'vote' });
  if (!phase.ack.ok) throw new Error(`hall:phase refused: ${phase.ack.error.code} (${phase.ack.error.message})`);
  const topics = await waitTablesReady(redis.client, redis.prefix, tables, 'vote', args.topics, 60_000);
  await waitConverged(
    pool,
    redis.client,
    redis.prefix,
    tables.map((t) => t.sessionId),
    120_000,
  );
  const setupSeconds = Number(seconds(started));
  console.log(`  every table voting and every phone current; set-up took ${setupSeconds} s`);

  const windowContext: HallWindowContext = {
    pool,
    topics,
    perTable: args.perTable,
    topicsPerTable: args.topics,
    votesPerTablePerSecond: args.votesPerTablePerSecond,
  };
  const serverLoop = {
    start: () => server.rpc.call('probeStart', {}),
    stop: () => server.rpc.call('probeStop', {}),
  };
  const rundeUsage = async () => {
    const u = await server.usage();
    return { cpuUserUs: u.cpuUserUs, cpuSystemUs: u.cpuSystemUs, at: u.at, rss: u.rss };
  };
  const windows: WindowResult[] = [];
  if (args.warmupSeconds > 0) {
    await runHallWindow(windowContext, {
      label: 'warm-up',
      server: 'Runde',
      windowTables: tables,
      seconds: args.warmupSeconds,
      seed: args.seed + 100,
      dots: DOTS,
      usage: rundeUsage,
      overview: organiser,
      loop: null,
    });
  }
  const all = await runHallWindow(windowContext, {
    label: `${tables.length} tables`,
    server: 'Runde',
    windowTables: tables,
    seconds: args.seconds,
    seed: args.seed,
    dots: DOTS,
    usage: rundeUsage,
    overview: organiser,
    loop: serverLoop,
  });
  windows.push(all.result);

  // The same hall with only the first tables' phones still there: same rate per table, fewer tables.
  const small = tables.slice(0, args.smallTables);
  const gone = tables.slice(args.smallTables);
  await Promise.all(gone.map((t) => pool.closeSession(t.sessionId)));
  const stuckOnline = await waitTablesOffline(gone, 30_000);
  windows.push(
    (
      await runHallWindow(windowContext, {
        label: `${small.length} tables`,
        server: 'Runde',
        windowTables: small,
        seconds: args.smallSeconds,
        seed: args.seed + 1,
        dots: DOTS,
        usage: rundeUsage,
        overview: organiser,
        loop: serverLoop,
      })
    ).result,
  );

  // The vote event as a phone received it, for the bare server to send (the same bytes per vote).
  let template: unknown = null;
  for (const [sessionId, version, , , senderId] of all.sent) {
    if (sessionId !== first.sessionId || senderId === first.participantId) continue;
    const frame = await pool
      .workerOf(first.participantId)
      .call('frame', { participantId: first.participantId, version });
    if (!frame) continue;
    const batch = JSON.parse(frame.text.slice(1)) as [string, { events: Array<{ event: unknown }> }];
    template = batch[1].events[0]?.event ?? null;
    if (template) break;
  }
  await pool.closeAll();
  const stuckOnlineSmall = await waitTablesOffline(small, 30_000);

  let ratio: Record<string, number> | null = null;
  if (bare) {
    if (!template) throw new Error('no vote frame captured at table 1 for the bare baseline');
    await bare.rpc.call('setTemplate', { event: template });
    const bareTables: BenchTable[] = tables.map((t) => ({
      number: t.number,
      sessionId: `BARE-${t.number}`,
      phones: t.phones.map((_, k): SeatInfo => ({
        sessionId: `BARE-${t.number}`,
        participantId: `bare-${t.number}-${k}`,
        token: '',
      })),
    }));
    const bareConnect = monoNow();
    await pool.connect(
      bare.url,
      bareTables.flatMap((t) => t.phones),
      { mirror: 'version', reconnection: true, countBytes: true },
      { concurrency: 100 },
    );
    console.log(`  ${phonesAll} bare clients connected in ${seconds(bareConnect)} s`);
    const bareResult = await runHallWindow(windowContext, {
      label: `bare, ${bareTables.length} rooms`,
      server: 'bare',
      windowTables: bareTables,
      seconds: args.bareSeconds,
      seed: args.seed,
      dots: UNLIMITED_DOTS,
      usage: async () => {
        const u = await bare.rpc.call('usage', {});
        return { cpuUserUs: u.cpuUserUs, cpuSystemUs: u.cpuSystemUs, at: u.at, rss: u.rss };
      },
      overview: null,
      loop: null,
    });
    windows.push(bareResult.result);
    await pool.closeAll();
    const r = (a: number, b: number) => (b > 0 ? round(a / b) : Number.NaN);
    const runde = all.result;
    const base = bareResult.result;
    ratio = {
      p50: r(runde.allOthers.p50, base.allOthers.p50),
      p95: r(runde.allOthers.p95, base.allOthers.p95),
      p99: r(runde.allOthers.p99, base.allOthers.p99),
      max: r(runde.allOthers.max, base.allOthers.max),
      serverCpu: r(runde.serverCpu, base.serverCpu),
      bytesPerTableVote: r(runde.bytesPerTableVote.mean, base.bytesPerTableVote.mean),
    };
  }

  /**
   * Until the store shows nobody online at these tables (every leaving phone's presence write
   * landed), or their versions stood still for 2 s (a presence write the store refused under load is
   * not retried: that table keeps showing phones online). Returns how many tables still do.
   */
  async function waitTablesOffline(list: readonly BenchTable[], timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let lastVersions = '';
    let stillSince = Date.now();
    for (;;) {
      const online = await Promise.all(list.map((t) => storedOnline(redis.client, redis.prefix, t.sessionId)));
      const stuck = online.filter((n) => n !== 0).length;
      if (stuck === 0) return 0;
      const versions = (
        await Promise.all(list.map((t) => storedVersion(redis.client, redis.prefix, t.sessionId)))
      ).join();
      if (versions !== lastVersions) {
        lastVersions = versions;
        stillSince = Date.now();
      }
      if (Date.now() - stillSince > 2_000 || Date.now() > deadline) {
        console.log(`  ${stuck} of ${list.length} tables still show phones online after their phones left`);
        return stuck;
      }
      await sleep(250);
    }
  }

  printHallReport(windows, ratio, { voteP99Ms: TARGET_VOTE_P99_MS, stalenessP99Ms: TARGET_STALENESS_P99_MS });
  console.log(
    `\nwhole run ${seconds(started)} s; load average now ${loadAverage()} (the machine is shared: figures are noisy when it is high)`,
  );
  printResultLine('hall', {
    machine: machineInfo(),
    args,
    targets: { voteP99Ms: TARGET_VOTE_P99_MS, stalenessP99Ms: TARGET_STALENESS_P99_MS },
    setup: { seatSeconds, connectSeconds, setupSeconds, wholeRunSeconds: Number(seconds(started)) },
    windows,
    ratio,
    overview: { pushes: organiser.pushes, full: organiser.fullPushes },
    tablesStillOnlineAfterLeaving: stuckOnline + stuckOnlineSmall,
    loadAfter: loadAverage(),
  });
  organiser.client.close();
  await server.stop();
  await bare?.stop();
});
