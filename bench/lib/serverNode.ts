import type { ChildProcess } from 'node:child_process';
import type { BareHandlers } from './bareServer.ts';
import type { ProcessUsage, ServerHandlers } from './benchServer.ts';
import { RpcChannel } from './ipc.ts';
import { forkTs, libFile, stopChild } from './processes.ts';

export interface ServerNode {
  label: string;
  url: string;
  port: number;
  child: ChildProcess;
  rpc: RpcChannel<ServerHandlers>;
  usage(): Promise<ProcessUsage>;
  /** Forces full GCs and returns the usage afterwards. */
  gc(rounds?: number): Promise<ProcessUsage>;
  /**
   * Profiles the node's CPU while `during` runs, when `file` is set (the `--profile` option of the
   * benchmarks); just runs it otherwise.
   */
  profiled<T>(file: string | undefined, during: () => Promise<T>): Promise<T>;
  /** SIGTERM: the graceful path. */
  stop(): Promise<void>;
  /** SIGKILL: a node that dies mid-work. */
  kill(): Promise<void>;
}

export interface ServerNodeOptions {
  label: string;
  /** Without it, sessions live in the node's memory and it cannot be clustered. */
  redisUrl?: string;
  keyPrefix: string;
  port?: number;
  /** Keep the production per-socket command budget (default: unlimited). */
  productionSocketLimit?: boolean;
  /** More V8/Node flags for the node (the GC settings under test, say). */
  nodeArgs?: string[];
  /**
   * Further production variables (see the server's `loadConfig`), over the ones above: e.g.
   * REDIS_SENTINELS or REDIS_CLUSTER_NODES with REDIS_URL empty, REDIS_MIN_REPLICAS.
   */
  env?: Record<string, string>;
}

/** Forks `benchServer.ts` as its own Node process (with --expose-gc) and waits until it listens. */
export async function startServerNode(options: ServerNodeOptions): Promise<ServerNode> {
  const child = forkTs(libFile('benchServer.ts'), {
    label: options.label,
    nodeArgs: ['--expose-gc', ...(options.nodeArgs ?? [])],
    env: {
      PORT: String(options.port ?? 0),
      REDIS_URL: options.redisUrl ?? '',
      REDIS_KEY_PREFIX: options.keyPrefix,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      RUNDE_BENCH_SOCKET_LIMIT: options.productionSocketLimit ? 'default' : 'off',
      ...options.env,
    },
  });
  const rpc = new RpcChannel<ServerHandlers>(child, options.label);
  const { port } = await rpc.call('ready', {}, 30_000);
  return {
    label: options.label,
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    rpc,
    usage: () => rpc.call('usage', {}),
    gc: (rounds = 3) => rpc.call('gc', { rounds }, 30_000),
    async profiled(file, during) {
      if (!file) return during();
      await rpc.call('profileStart', {});
      try {
        return await during();
      } finally {
        await rpc.call('profileStop', { file }, 60_000);
        console.log(`  CPU profile of ${options.label}: ${file}`);
      }
    },
    stop: () => stopChild(child, 'SIGTERM', 15_000),
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

export interface BareNode {
  url: string;
  rpc: RpcChannel<BareHandlers>;
  stop(): Promise<void>;
}

export async function startBareNode(): Promise<BareNode> {
  const child = forkTs(libFile('bareServer.ts'), { label: 'bare' });
  const rpc = new RpcChannel<BareHandlers>(child, 'bare');
  const { port } = await rpc.call('ready', {}, 30_000);
  return { url: `http://127.0.0.1:${port}`, rpc, stop: () => stopChild(child, 'SIGTERM') };
}

/** What {@link cpuShare} needs of a usage sample; the bare baseline reports only this much. */
export type CpuSample = Pick<ProcessUsage, 'cpuUserUs' | 'cpuSystemUs' | 'at'>;

/** CPU used between two usage samples, as a share of one core (1.0 = one core busy). */
export function cpuShare(before: CpuSample, after: CpuSample): number {
  const cpuMs = (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000;
  return cpuMs / Math.max(1, after.at - before.at);
}
