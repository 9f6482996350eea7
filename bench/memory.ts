/**
 * Memory: how much the server node's RSS grows per connected, idle participant. The node runs in
 * its own process with --expose-gc; full GCs are forced over IPC before each reading, after the
 * idle clients' rate-limit entries have expired. Seats are taken through a second node sharing
 * the Redis, stopped before the measured node starts, so the measured heap never held the set-up's
 * garbage. A few clients are connected before the baseline so that one-off costs (code, lazily
 * built tables) are not charged to the participants.
 *
 *   npx tsx bench/memory.ts --participants 1000 --perSession 10
 */
import { parseArgs } from './lib/args.ts';
import type { SeatInfo } from './lib/benchClient.ts';
import { sleep } from './lib/clock.ts';
import { waitAllOffline } from './lib/fanoutRun.ts';
import { runBench } from './lib/processes.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import { startRedis } from './lib/redisServer.ts';
import { startServerNode } from './lib/serverNode.ts';
import type { ProcessUsage } from './lib/benchServer.ts';
import { createSession, joinSeats, waitConverged } from './lib/sessions.ts';
import { round } from './lib/stats.ts';
import { WorkerPool } from './lib/workerPool.ts';

const args = parseArgs({
  participants: 1000,
  perSession: 10,
  /** Clients connected before the baseline reading. */
  warmupClients: 20,
  /** How long the clients sit idle before the reading (the per-socket rate-limit window is 10 s). */
  idleSeconds: 12,
  workers: 2,
  redisUrl: '',
  limitSeconds: 900,
});

const KB = 1024;

async function seatSessions(url: string, clients: number, perSession: number) {
  const seats: SeatInfo[] = [];
  const ids: string[] = [];
  for (let left = clients; left > 0; left -= perSession) {
    const size = Math.min(perSession, left);
    const created = await createSession(url);
    ids.push(created.sessionId);
    seats.push(created, ...(await joinSeats(url, created.sessionId, size - 1, 8)));
  }
  return { seats, ids };
}

runBench('memory', args.limitSeconds * 1000, async () => {
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'memory' });
  const pool = WorkerPool.start(args.workers);
  console.log(
    `memory: ${args.participants} idle participants in sessions of ${args.perSession}; load ${loadAverage()}`,
  );

  const setup = await startServerNode({ label: 'setup', redisUrl: redis.url, keyPrefix: redis.prefix });
  const warm = await seatSessions(setup.url, args.warmupClients, args.perSession);
  const measured = await seatSessions(setup.url, args.participants, args.perSession);
  await setup.stop();
  const server = await startServerNode({ label: 'runde', redisUrl: redis.url, keyPrefix: redis.prefix });
  await pool.connect(server.url, warm.seats, { mirror: 'version', reconnection: false });
  await waitConverged(pool, redis.client, redis.prefix, warm.ids, 60_000);
  await sleep(args.idleSeconds * 1000);
  const baseline = await server.gc(5);

  // Two steps: the first half grows the heap past whatever the node's start left behind (V8 gives
  // pages back lazily, so a reading right after start can sit above a later one); the growth from
  // the first half to all of them is the marginal cost of a participant.
  const half = Math.floor(measured.seats.length / 2);
  const idle = async (seats: SeatInfo[]) => {
    await pool.connect(server.url, seats, { mirror: 'version', reconnection: false });
    await waitConverged(pool, redis.client, redis.prefix, [...new Set(seats.map((s) => s.sessionId))], 300_000);
    await sleep(args.idleSeconds * 1000);
    return server.gc(5);
  };
  const halfway = await idle(measured.seats.slice(0, half));
  const connected = await idle(measured.seats.slice(half));
  console.log(`  ${measured.seats.length} clients connected and idle`);

  await pool.closeAll();
  for (const id of [...warm.ids, ...measured.ids]) await waitAllOffline(redis.client, redis.prefix, id, 120_000);
  await sleep(args.idleSeconds * 1000);
  const released = await server.gc(5);

  const n = measured.seats.length;
  const per = (from: ProcessUsage, to: ProcessUsage, count: number) =>
    Object.fromEntries(
      (['rss', 'heapUsed', 'external', 'arrayBuffers'] as const).map((f) => [
        f,
        round((to[f] - from[f]) / count / KB, 1),
      ]),
    );
  const perParticipantKb = per(halfway, connected, n - half);
  const fromBaselineKb = per(baseline, connected, n);
  const rows = [
    { reading: 'baseline (warm-up clients only)', ...mb(baseline) },
    { reading: `${half} more connected, idle`, ...mb(halfway) },
    { reading: `${n} more connected, idle`, ...mb(connected) },
    { reading: 'all disconnected again', ...mb(released) },
  ];
  printTable('Server node memory after forced GC (MB)', rows);
  printTable('Growth per connected idle participant (KB)', [
    { between: `${half} and ${n} connected`, ...perParticipantKb },
    { between: `baseline and ${n} connected`, ...fromBaselineKb },
  ]);
  console.log(`\nload average now ${loadAverage()}`);
  printResultLine('memory', {
    machine: machineInfo(),
    args,
    participants: n,
    perParticipantKb,
    fromBaselineKb,
    baselineMb: mb(baseline),
    halfwayMb: mb(halfway),
    connectedMb: mb(connected),
    releasedMb: mb(released),
  });
  await server.stop();
});

function mb(u: ProcessUsage) {
  const m = (v: number) => round(v / KB / KB, 1);
  return {
    rss: m(u.rss),
    heapUsed: m(u.heapUsed),
    heapTotal: m(u.heapTotal),
    external: m(u.external),
    arrayBuffers: m(u.arrayBuffers),
    connections: u.connections,
  };
}
