/**
 * One measured window of the hall benchmark: the client workers cast a seeded schedule of votes at
 * the window's tables, then the run reads when every other phone at each table had each vote, how
 * stale the organiser's overview was, the node's CPU, RSS and event loop, and the bytes each phone
 * received. The same window runs against Runde and against the bare Socket.IO server.
 */
import { monoNow, sleep } from './clock.ts';
import type { HallSentVote, HallVote } from './hallOps.ts';
import type { HallOverviewWatch } from './hallOverview.ts';
import { hallVoteSchedule } from './hallSchedule.ts';
import type { BenchTable } from './hallSetup.ts';
import { keepLargest, type LoopReport } from './loopProbe.ts';
import { machineLoad, machineSample } from './machineLoad.ts';
import { cpuShare, type CpuSample } from './serverNode.ts';
import { Histogram, mergeCounts, round, type LatencySummary } from './stats.ts';
import type { WorkerPool } from './workerPool.ts';

const MB = 1024 * 1024;

export interface WindowResult {
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

/** What every window of a run shares: the clients, the tables' topics and the vote rate. */
export interface HallWindowContext {
  pool: WorkerPool;
  /** Per table session, its topic ids (the schedule picks one by index). */
  topics: ReadonlyMap<string, readonly string[]>;
  perTable: number;
  topicsPerTable: number;
  votesPerTablePerSecond: number;
}

export interface HallWindowOptions {
  label: string;
  server: WindowResult['server'];
  windowTables: readonly BenchTable[];
  seconds: number;
  seed: number;
  /** Dots a phone holds before its next vote retracts its oldest. */
  dots: number;
  usage: () => Promise<CpuSample & { rss: number }>;
  overview: HallOverviewWatch | null;
  /** The node's event-loop probe over the window (the bare server has none). */
  loop: { start(): Promise<unknown>; stop(): Promise<LoopReport> } | null;
}

/** One measured window: the schedule's votes at `windowTables`, and what the phones, the organiser and the node saw. */
export async function runHallWindow(
  context: HallWindowContext,
  options: HallWindowOptions,
): Promise<{ result: WindowResult; sent: HallSentVote[] }> {
  const { pool, topics } = context;
  const { windowTables } = options;
  const phones = windowTables.reduce((n, t) => n + t.phones.length, 0);
  const schedule = hallVoteSchedule({
    seed: options.seed,
    tables: windowTables.length,
    perTable: context.perTable,
    votesPerTablePerSecond: context.votesPerTablePerSecond,
    seconds: options.seconds,
    topics: context.topicsPerTable,
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
  const capacity = Math.ceil(context.votesPerTablePerSecond * options.seconds) * 4 + 1_000;
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
  await options.loop?.start();
  const answers = await Promise.all(
    pool.workers.map((w, i) =>
      w.call(
        'hallVotes',
        { votes: shares[i] ?? [], dots: options.dots, ackTimeoutMs: 30_000 },
        options.seconds * 1000 + 60_000,
      ),
    ),
  );
  const serverLoop = (await options.loop?.stop()) ?? null;
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
