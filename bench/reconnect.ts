/**
 * Reconnect storm: 1,000 clients on a server node backed by Redis; the node is killed and started
 * again on the same port. How long until every client has reconnected (socket.io-client's own
 * reconnection with its default backoff) and synced to the current version, as the web app does
 * after each reconnect.
 *
 *   npx tsx bench/reconnect.ts --clients 1000 --perSession 100
 */
import { parseArgs } from './lib/args.ts';
import type { SeatInfo } from './lib/benchClient.ts';
import { monoNow, sleep } from './lib/clock.ts';
import { freePort } from '../scripts/lib/freePort.mjs';
import { runBench } from './lib/processes.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';
import { startRedis } from './lib/redisServer.ts';
import { startServerNode } from './lib/serverNode.ts';
import { createSession, joinSeats, waitConverged } from './lib/sessions.ts';
import { Histogram, round } from './lib/stats.ts';
import { WorkerPool } from './lib/workerPool.ts';

const args = parseArgs({
  clients: 1000,
  perSession: 100,
  /** SIGKILL: a crash (no goodbye). SIGTERM: a graceful stop, which marks everyone offline first. */
  signal: 'SIGKILL',
  /** Pause between the old node's exit and starting the new one. */
  downSeconds: 0,
  workers: 2,
  redisUrl: '',
  limitSeconds: 600,
});

runBench('reconnect', args.limitSeconds * 1000, async () => {
  if (args.signal !== 'SIGKILL' && args.signal !== 'SIGTERM') throw new Error('--signal is SIGKILL or SIGTERM');
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'reconnect' });
  const port = await freePort();
  const nodeOptions = { label: 'runde', redisUrl: redis.url, keyPrefix: redis.prefix, port };
  let server = await startServerNode(nodeOptions);
  const pool = WorkerPool.start(args.workers);
  console.log(
    `reconnect: ${args.clients} clients in sessions of ${args.perSession}, ${args.signal}; load ${loadAverage()}`,
  );

  const seats: SeatInfo[] = [];
  const ids: string[] = [];
  for (let left = args.clients; left > 0; left -= args.perSession) {
    const created = await createSession(server.url);
    ids.push(created.sessionId);
    seats.push(created, ...(await joinSeats(server.url, created.sessionId, Math.min(args.perSession, left) - 1)));
  }
  await pool.connect(server.url, seats, { mirror: 'version', reconnection: true });
  await waitConverged(pool, redis.client, redis.prefix, ids, 300_000);
  console.log(`  ${seats.length} clients connected and current`);

  await Promise.all(pool.workers.map((w) => w.call('recordHistory', {})));
  const stoppedAt = monoNow();
  if (args.signal === 'SIGKILL') await server.kill();
  else await server.stop();
  const exitedAt = monoNow();
  if (args.downSeconds > 0) await sleep(args.downSeconds * 1000);
  const startingAt = monoNow();
  server = await startServerNode(nodeOptions);
  const listeningAt = monoNow();
  const targets = Object.fromEntries(await waitConverged(pool, redis.client, redis.prefix, ids, 120_000));
  const times = (
    await Promise.all(pool.workers.map((w) => w.call('reconnectTimes', { since: stoppedAt, targets })))
  ).flat();
  const { disconnects, gaps } = await pool.status();

  const connected = new Histogram();
  const current = new Histogram();
  const attempts = new Histogram();
  let notBack = 0;
  for (const t of times) {
    attempts.add(t.attempts);
    if (t.connectedAt === null || t.currentAt === null) notBack += 1;
    else {
      connected.add(t.connectedAt - stoppedAt);
      current.add(t.currentAt - stoppedAt);
    }
  }
  const s = (ms: number) => round(ms / 1000, 2);
  const result = {
    clients: times.length,
    notBack,
    disconnects,
    gaps,
    oldNodeGoneS: s(exitedAt - stoppedAt),
    newNodeStartS: s(listeningAt - startingAt),
    newNodeListeningS: s(listeningAt - stoppedAt),
    allConnectedS: s(connected.max),
    allCurrentS: s(current.max),
    allCurrentAfterListeningS: s(current.max - (listeningAt - stoppedAt)),
    currentP50S: s(current.percentile(50)),
    currentP99S: s(current.percentile(99)),
    /** socket.io-client reconnection attempts per client: the backoff's part in the figures. */
    attempts: { p50: attempts.percentile(50), max: attempts.max },
  };
  printTable('Reconnect storm (seconds from the stop signal)', [
    {
      clients: result.clients,
      signal: args.signal,
      'node gone': result.oldNodeGoneS,
      'new node listening': result.newNodeListeningS,
      'all reconnected': result.allConnectedS,
      'all current': result.allCurrentS,
      'current p50': result.currentP50S,
      'current p99': result.currentP99S,
      'after listening': result.allCurrentAfterListeningS,
      'attempts p50/max': `${result.attempts.p50}/${result.attempts.max}`,
      'not back': notBack,
    },
  ]);
  console.log(`\nload average now ${loadAverage()}`);
  printResultLine('reconnect', { machine: machineInfo(), args, ...result });
  await server.stop();
});
