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
import type { HallSentVote, HallVote } from './lib/hallOps.ts';
import { HallOverviewWatch } from './lib/hallOverview.ts';
import { hallVoteSchedule } from './lib/hallSchedule.ts';
import { createHall, seatHall, waitTablesReady, type BenchTable } from './lib/hallSetup.ts';
import { keepLargest, type LoopReport } from './lib/loopProbe.ts';
import { machineLoad, machineSample } from './lib/machineLoad.ts';
import { runBench } from './lib/processes.ts';
import { startRedis } from './lib/redisServer.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import { cpuShare, startBareNode, startServerNode, type CpuSample } from './lib/serverNode.ts';
import { storedOnline, storedVersion, waitConverged } from './lib/sessions.ts';
import { Histogram, mergeCounts, round, type LatencySummary } from './lib/stats.ts';
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
const MB = 1024 * 1024;
/** Dots per phone (the bench sessions' `votesPerPerson`); the bare server has no such rule. */
const DOTS = 3;
const UNLIMITED_DOTS = 1_000_000;

interface WindowResult {
  label: string;
  server: 'Runde' | 'bare';
  tables: number;
  phones: number;
  seconds: number;
  votes: number;
  errors: Record<string, number>;
  byType: Record<string, number>;
  /** Per vote, until the last other phone at its table had it. */
  allOthers: LatencySummary;
  /** Per (vote × other phone). */
  perPhone: LatencySummary;
  ack: LatencySummary;
  missing: number;
  incompleteVotes: number;
  staleness: (LatencySummary & { missing: number }) | null;
  overviewPushesPerSecond: number | null;
  organiserBytesPerMinute: number | null;
  /** Per phone, bytes received over the window per minute of voting. */
  bytesPerPhoneMinute: { p50: number; mean: number; max: number; min: number };
  /** Per phone, bytes received divided by the votes committed at its table (the sender's own included). */
  bytesPerTableVote: { p50: number; mean: number };
  serverCpu: number;
  serverRssMb: { before: number; max: number; after: number };
  clientCpu: number;
  machine: { busyCores: number; cpuPressure: number };
  serverLoop: LoopReport['delay'] | null;
  /**
   * The slowest votes (until every other phone had them), each with the node's longest stall or GC
   * pause while it was on its way: a tail the node did not cause shows no stall there.
   */
  slowest: Array<{ ms: number; atS: number; ackMs: number; serverStallMs: number }>;
}

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

  /** One measured window: the schedule's votes at `windowTables`, against `target`. */
  async function runWindow(options: {
    label: string;
    server: WindowResult['server'];
    windowTables: readonly BenchTable[];
    seconds: number;
    seed: number;
    dots: number;
    usage: () => Promise<CpuSample & { rss: number }>;
    overview: HallOverviewWatch | null;
    probe: boolean;
  }): Promise<{ result: WindowResult; sent: HallSentVote[] }> {
    const { windowTables } = options;
    const phones = windowTables.reduce((n, t) => n + t.phones.length, 0);
    const schedule = hallVoteSchedule({
      seed: options.seed,
      tables: windowTables.length,
      perTable: args.perTable,
      votesPerTablePerSecond: args.votesPerTablePerSecond,
      seconds: options.seconds,
      topics: args.topics,
    });
    const shares = pool.workers.map((): HallVote[] => []);
    for (const vote of schedule) {
      const table = windowTables[vote.table];
      const phone = table?.phones[vote.phone];
      if (!table || !phone) throw new Error(`no phone ${vote.phone} at table ${vote.table}`);
      const topicId = topics.get(table.sessionId)?.[vote.topicIndex] ?? 'none';
      shares[pool.workers.indexOf(pool.workerOf(phone.participantId))]?.push([
        phone.participantId,
        vote.delayMs,
        topicId,
      ]);
    }
    const capacity = Math.ceil(args.votesPerTablePerSecond * options.seconds) * 4 + 1_000;
    await Promise.all(pool.workers.map((w) => w.call('hallTrack', { capacity })));
    const bytesOf = async () => {
      const answers = await Promise.all(pool.workers.map((w) => w.call('hallBytes', {})));
      return {
        at: monoNow(),
        bytes: new Map(answers.flat().map(([, participantId, bytes]) => [participantId, bytes])),
      };
    };
    const bytesBefore = await bytesOf();
    const overviewBefore = options.overview?.counters();
    const before = { usage: await options.usage(), clientCpuMs: await pool.cpuMs(), machine: machineSample() };
    let maxRss = before.usage.rss;
    const sampler = setInterval(() => {
      options.usage().then(
        (u) => (maxRss = Math.max(maxRss, u.rss)),
        () => undefined,
      );
    }, 1_000);
    if (options.probe) await server.rpc.call('probeStart', {});
    const answers = await Promise.all(
      pool.workers.map((w, i) =>
        w.call(
          'hallVotes',
          { votes: shares[i] ?? [], dots: options.dots, ackTimeoutMs: 30_000 },
          options.seconds * 1000 + 60_000,
        ),
      ),
    );
    const serverLoop = options.probe ? await server.rpc.call('probeStop', {}) : null;
    clearInterval(sampler);
    const after = { usage: await options.usage(), clientCpuMs: await pool.cpuMs(), machine: machineSample() };
    // The last votes' pushes and summaries are on their way: a moment for them before reading arrivals.
    await sleep(1_500);
    const bytesAfter = await bytesOf();
    const overviewAfter = options.overview?.counters();

    const sent = answers.flatMap((a) => a.sent);
    const errors: Record<string, number> = {};
    const byType: Record<string, number> = {};
    const ack = new Histogram();
    for (const a of answers) {
      mergeCounts(errors, a.errors);
      mergeCounts(byType, a.byType);
      ack.merge(a.ack);
    }
    const asked = sent.map(([sessionId, version, sentAt, , senderId]): [string, number, number, string] => [
      sessionId,
      version,
      sentAt,
      senderId,
    ]);
    const applied = await Promise.all(pool.workers.map((w) => w.call('hallApplied', { sent: asked }, 120_000)));
    const perPhone = new Histogram();
    const incomplete = new Set<number>();
    let missing = 0;
    for (const a of applied) {
      perPhone.merge(a.perPhone);
      missing += a.missing;
      for (const i of a.incomplete) incomplete.add(i);
    }
    const allOthers = new Histogram();
    const slowest: Array<{ ms: number; i: number }> = [];
    for (let i = 0; i < asked.length; i += 1) {
      if (incomplete.has(i)) continue;
      const last = Math.max(...applied.map((a) => a.lastArrival[i] ?? -1));
      if (last < 0) continue;
      allOthers.add(last);
      keepLargest(slowest, { ms: last, i }, 8);
    }
    const windowStart = Math.min(...sent.map(([, , sentAt]) => sentAt));
    /** The node's longest stall or GC pause overlapping [at, at + ms]. */
    const stallDuring = (at: number, ms: number) =>
      Math.max(
        0,
        ...[...(serverLoop?.stalls ?? []), ...(serverLoop?.gcPauses ?? [])]
          .filter((st) => st.at < at + ms && st.at + st.ms > at)
          .map((st) => st.ms),
      );
    const staleness = options.overview?.staleness(
      sent.map(([sessionId, version, , ackAt]) => [sessionId, version, ackAt]),
    );

    // Per minute of the schedule: the votes fall within it; the moments around it add only pings (3 B per 25 s).
    const minutes = options.seconds / 60;
    const votesAt = new Map<string, number>();
    for (const [sessionId] of sent) votesAt.set(sessionId, (votesAt.get(sessionId) ?? 0) + 1);
    const received = windowTables.flatMap((t) =>
      t.phones.map((p) => ({
        bytes: (bytesAfter.bytes.get(p.participantId) ?? 0) - (bytesBefore.bytes.get(p.participantId) ?? 0),
        votes: votesAt.get(t.sessionId) ?? 0,
      })),
    );
    const perPhoneMinute = received.map((r) => r.bytes / minutes).sort((a, b) => a - b);
    const perVote = received.map((r) => r.bytes / Math.max(1, r.votes)).sort((a, b) => a - b);
    const median = (sorted: number[]) => Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
    const mean = (list: number[]) => Math.round(list.reduce((a, b) => a + b, 0) / Math.max(1, list.length));
    const wallMs = Math.max(1, after.usage.at - before.usage.at);
    const result: WindowResult = {
      label: options.label,
      server: options.server,
      tables: windowTables.length,
      phones,
      seconds: options.seconds,
      votes: sent.length,
      errors,
      byType,
      allOthers: allOthers.summary(),
      perPhone: perPhone.summary(),
      ack: ack.summary(),
      missing,
      incompleteVotes: incomplete.size,
      staleness: staleness ? { ...staleness.hist.summary(), missing: staleness.missing } : null,
      overviewPushesPerSecond:
        overviewBefore && overviewAfter
          ? round(((overviewAfter.pushes - overviewBefore.pushes) * 1000) / (overviewAfter.at - overviewBefore.at))
          : null,
      organiserBytesPerMinute:
        overviewBefore && overviewAfter
          ? Math.round(((overviewAfter.bytes - overviewBefore.bytes) * 60_000) / (overviewAfter.at - overviewBefore.at))
          : null,
      bytesPerPhoneMinute: {
        p50: median(perPhoneMinute),
        mean: mean(perPhoneMinute),
        max: Math.round(perPhoneMinute.at(-1) ?? Number.NaN),
        min: Math.round(perPhoneMinute[0] ?? Number.NaN),
      },
      bytesPerTableVote: { p50: median(perVote), mean: mean(perVote) },
      serverCpu: round(cpuShare(before.usage, after.usage)),
      serverRssMb: {
        before: round(before.usage.rss / MB, 1),
        max: round(Math.max(maxRss, after.usage.rss) / MB, 1),
        after: round(after.usage.rss / MB, 1),
      },
      clientCpu: round((after.clientCpuMs - before.clientCpuMs) / wallMs),
      machine: machineLoad(before.machine, after.machine),
      serverLoop: serverLoop?.delay ?? null,
      slowest: slowest.flatMap(({ ms, i }) => {
        const vote = sent[i];
        if (!vote) return [];
        const [, , sentAt, ackAt] = vote;
        return [
          {
            ms: round(ms),
            atS: round((sentAt - windowStart) / 1000),
            ackMs: round(ackAt - sentAt),
            serverStallMs: round(stallDuring(sentAt, ms), 1),
          },
        ];
      }),
    };
    console.log(
      `  ${options.label}: ${result.votes} votes, all others p99 ${result.allOthers.p99} ms` +
        (result.staleness ? `, overview staleness p99 ${result.staleness.p99} ms` : '') +
        `, ${result.bytesPerPhoneMinute.p50} B/min per phone (p50), server CPU ${result.serverCpu}`,
    );
    return { result, sent };
  }

  const rundeUsage = async () => {
    const u = await server.usage();
    return { cpuUserUs: u.cpuUserUs, cpuSystemUs: u.cpuSystemUs, at: u.at, rss: u.rss };
  };
  const windows: WindowResult[] = [];
  if (args.warmupSeconds > 0) {
    await runWindow({
      label: 'warm-up',
      server: 'Runde',
      windowTables: tables,
      seconds: args.warmupSeconds,
      seed: args.seed + 100,
      dots: DOTS,
      usage: rundeUsage,
      overview: organiser,
      probe: false,
    });
  }
  const all = await runWindow({
    label: `${tables.length} tables`,
    server: 'Runde',
    windowTables: tables,
    seconds: args.seconds,
    seed: args.seed,
    dots: DOTS,
    usage: rundeUsage,
    overview: organiser,
    probe: true,
  });
  windows.push(all.result);

  // The same hall with only the first tables' phones still there: same rate per table, fewer tables.
  const small = tables.slice(0, args.smallTables);
  const gone = tables.slice(args.smallTables);
  await Promise.all(gone.map((t) => pool.closeSession(t.sessionId)));
  const stuckOnline = await waitTablesOffline(gone, 30_000);
  windows.push(
    (
      await runWindow({
        label: `${small.length} tables`,
        server: 'Runde',
        windowTables: small,
        seconds: args.smallSeconds,
        seed: args.seed + 1,
        dots: DOTS,
        usage: rundeUsage,
        overview: organiser,
        probe: true,
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
    const bareResult = await runWindow({
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
      probe: false,
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
      bytesPerPhone: r(runde.bytesPerPhoneMinute.p50, base.bytesPerPhoneMinute.p50),
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

  const met = (value: number, target: number) => (Number.isNaN(value) ? '–' : value <= target ? 'yes' : 'no');
  printTable(
    `Table vote → every other phone at the table (ms; target p99 ≤ ${TARGET_VOTE_P99_MS} ms)`,
    windows.map((w) => ({
      window: w.label,
      server: w.server,
      phones: w.phones,
      votes: w.votes,
      p50: w.allOthers.p50,
      p95: w.allOthers.p95,
      p99: w.allOthers.p99,
      max: w.allOthers.max,
      target: `≤ ${TARGET_VOTE_P99_MS}`,
      met: met(w.allOthers.p99, TARGET_VOTE_P99_MS),
      'per phone p50': w.perPhone.p50,
      'per phone p99': w.perPhone.p99,
      'ack p99': w.ack.p99,
      errors: Object.values(w.errors).reduce((a, b) => a + b, 0),
      missing: w.missing,
    })),
  );
  printTable(
    `Organiser overview staleness: table commit acked → organiser holds that version (ms; target p99 ≤ ${TARGET_STALENESS_P99_MS} ms)`,
    windows
      .filter((w) => w.staleness)
      .map((w) => ({
        window: w.label,
        commits: w.staleness?.count ?? 0,
        p50: w.staleness?.p50 ?? null,
        p99: w.staleness?.p99 ?? null,
        max: w.staleness?.max ?? null,
        target: `≤ ${TARGET_STALENESS_P99_MS}`,
        met: met(w.staleness?.p99 ?? Number.NaN, TARGET_STALENESS_P99_MS),
        'never covered': w.staleness?.missing ?? 0,
        'pushes/s': w.overviewPushesPerSecond,
        'organiser B/min': w.organiserBytesPerMinute,
      })),
  );
  printTable(
    'Server node during each window (CPU as a share of one core)',
    windows.map((w) => ({
      window: w.label,
      server: w.server,
      'server CPU': w.serverCpu,
      'RSS before MB': w.serverRssMb.before,
      'RSS max MB': w.serverRssMb.max,
      'RSS after MB': w.serverRssMb.after,
      'loop delay p99 ms': w.serverLoop?.p99 ?? null,
      'loop delay max ms': w.serverLoop?.max ?? null,
      'client workers CPU': w.clientCpu,
      'machine busy cores': w.machine.busyCores,
      'CPU pressure': w.machine.cpuPressure,
    })),
  );
  printTable(
    "Slowest votes of each Runde window (until every other phone had it), with the node's longest stall or GC pause meanwhile",
    windows
      .filter((w) => w.server === 'Runde')
      .flatMap((w) =>
        w.slowest.map((v) => ({
          window: w.label,
          ms: v.ms,
          's into the window': v.atS,
          'ack ms': v.ackMs,
          'node stall ms': v.serverStallMs,
        })),
      ),
  );
  const big = windows[0];
  const few = windows[1];
  printTable(
    'Bytes per phone per minute of voting (raw bytes received on its connection; the same votes per table and second in every window)',
    windows.map((w) => ({
      window: w.label,
      server: w.server,
      tables: w.tables,
      phones: w.phones,
      p50: w.bytesPerPhoneMinute.p50,
      mean: w.bytesPerPhoneMinute.mean,
      min: w.bytesPerPhoneMinute.min,
      max: w.bytesPerPhoneMinute.max,
      'per table vote p50': w.bytesPerTableVote.p50,
    })),
  );
  if (big && few) {
    console.log(
      `  per phone, ${big.tables} tables / ${few.tables} tables: ${round(big.bytesPerPhoneMinute.mean / few.bytesPerPhoneMinute.mean)} × per minute, ${round(big.bytesPerTableVote.mean / few.bytesPerTableVote.mean)} × per table vote (means)`,
    );
  }
  if (ratio) {
    printTable('Runde / bare Socket.IO, same votes to rooms of 8 (vote → every other phone)', [ratio]);
  }
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
