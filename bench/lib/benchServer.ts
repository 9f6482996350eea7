/**
 * A Runde server node for benchmarks: `server/src/main.ts` minus the web app, plus what a
 * benchmark needs. It is forked by `serverNode.ts` and answers admin calls over IPC (CPU and
 * memory figures, a forced GC). Like main.ts, with REDIS_URL it stores sessions in Redis and
 * joins the other nodes through the Socket.IO Redis Streams adapter.
 *
 * Environment: PORT, REDIS_URL (or REDIS_SENTINELS + REDIS_SENTINEL_MASTER, or REDIS_CLUSTER_NODES),
 * REDIS_MIN_REPLICAS, REDIS_KEY_PREFIX, LOG_LEVEL as main.ts; RUNDE_BENCH_SOCKET_LIMIT
 * `default` keeps the production per-seat command budget (otherwise unlimited); HTTP and
 * per-address limits are always lifted, since every benchmark seat is taken from 127.0.0.1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Session } from 'node:inspector/promises';
import { createApp, createLogger, MemorySessionStore, RedisSessionStore, type RateLimits } from '@runde/server';
// The production reading of the Redis variables, so the bench node takes the same environment as main.ts.
import { loadConfig } from '@runde/server';
// Not exported by the server package; imported by path so the benchmark runs the very same adapter set-up.
import { openClusterAdapter } from '../../server/src/cluster/redisAdapter.ts';
import { serveRpc } from './ipc.ts';
import { startLoopProbe, type LoopReport } from './loopProbe.ts';

const unlimited = { points: 1_000_000_000, durationSec: 1 };

async function start() {
  const env = process.env;
  const logger = createLogger((env.LOG_LEVEL as 'warn' | undefined) ?? 'warn');
  const { redis: target, replicaAck } = loadConfig(env);
  const keyPrefix = env.REDIS_KEY_PREFIX ?? 'runde-bench:';
  const retentionMs = 60 * 60 * 1000;
  const store = target
    ? new RedisSessionStore({ target, replicaAck, keyPrefix, retentionMs, logger })
    : new MemorySessionStore({ retentionMs });
  if (store instanceof RedisSessionStore) await store.ready();
  const cluster = target ? await openClusterAdapter({ target, keyPrefix, logger }) : undefined;
  const rateLimits: Partial<RateLimits> = {
    create: unlimited,
    failedLookup: unlimited,
    // Every benchmark phone comes from 127.0.0.1: one address standing for thousands of devices.
    address: unlimited,
    ...(env.RUNDE_BENCH_SOCKET_LIMIT === 'default' ? {} : { seat: unlimited, ping: unlimited, snapshot: unlimited }),
  };
  const server = createApp({ store, logger, config: { rateLimits }, adapter: cluster?.adapter });
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(Number(env.PORT ?? 0), '127.0.0.1', resolve);
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    await server.close();
    await cluster?.close();
    await store.close();
    // A normal exit, so that --cpu-prof writes its profile.
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  return { port, io: server.io };
}

const started = start();
started.catch((err: unknown) => {
  console.error('bench server failed to start:', err);
  process.exit(1);
});

export interface ProcessUsage {
  /** process.cpuUsage(), µs. */
  cpuUserUs: number;
  cpuSystemUs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Engine.IO connections open on this node. */
  connections: number;
  at: number;
}

async function usage(): Promise<ProcessUsage> {
  const { io } = await started;
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return {
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    heapTotal: mem.heapTotal,
    external: mem.external,
    arrayBuffers: mem.arrayBuffers,
    connections: io.engine.clientsCount,
    at: Date.now(),
  };
}

let profiler: Session | null = null;
let probe: { stop(): LoopReport } | null = null;

const handlers = {
  /** Starts V8's sampling CPU profiler in this process (for one measurement window). */
  profileStart: async (_: Record<string, never>) => {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 100 });
    await profiler.post('Profiler.start');
    // Where the allocations come from too: every scavenge is a pause, so bytes per command are latency.
    await profiler.post('HeapProfiler.enable');
    // Collected objects included: what matters is what was allocated, not what is still alive.
    await profiler.post('HeapProfiler.startSampling', {
      samplingInterval: 64 * 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  },
  /**
   * Stops the profilers and writes a `.cpuprofile` and a `.heapprofile` of sampled allocations
   * (open either in Chrome DevTools; the CPU one also in `bench/profileSummary.ts`).
   */
  profileStop: async ({ file }: { file: string }) => {
    if (!profiler) throw new Error('the profiler is not running');
    const { profile } = await profiler.post('Profiler.stop');
    const { profile: heap } = await profiler.post('HeapProfiler.stopSampling');
    profiler.disconnect();
    profiler = null;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(profile));
    const heapFile = file.replace(/\.cpuprofile$/, '') + '.heapprofile';
    await writeFile(heapFile, JSON.stringify(heap));
    return { file, heapFile };
  },
  /** Starts watching this node's event loop and GC (for one measurement window). */
  probeStart: (_: Record<string, never>) => {
    probe?.stop();
    probe = startLoopProbe();
  },
  /** Ends the window: the event-loop delay, GC pauses and longest stalls seen since `probeStart`. */
  probeStop: (_: Record<string, never>): LoopReport => {
    if (!probe) throw new Error('the probe is not running');
    const report = probe.stop();
    probe = null;
    return report;
  },
  ready: async (_: Record<string, never>) => ({ port: (await started).port }),
  usage: (_: Record<string, never>) => usage(),
  /** Full GCs with pauses between, so finalisers and freed pages settle; needs --expose-gc. */
  gc: async ({ rounds }: { rounds: number }) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('start the server with --expose-gc');
    for (let i = 0; i < rounds; i += 1) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return usage();
  },
};

export type ServerHandlers = typeof handlers;

serveRpc(handlers);
