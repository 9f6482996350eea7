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
  /** SIGTERM: the graceful path (writes a --cpu-prof profile). */
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
  /** Write a V8 CPU profile of the node into this directory when it stops gracefully. */
  profileDir?: string;
}

/** Forks `benchServer.ts` as its own Node process (with --expose-gc) and waits until it listens. */
export async function startServerNode(options: ServerNodeOptions): Promise<ServerNode> {
  const nodeArgs = ['--expose-gc'];
  if (options.profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`);
  const child = forkTs(libFile('benchServer.ts'), {
    label: options.label,
    nodeArgs,
    env: {
      PORT: String(options.port ?? 0),
      REDIS_URL: options.redisUrl ?? '',
      REDIS_KEY_PREFIX: options.keyPrefix,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      RUNDE_BENCH_SOCKET_LIMIT: options.productionSocketLimit ? 'default' : 'off',
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

/** CPU used between two usage samples, as a share of one core (1.0 = one core busy). */
export function cpuShare(before: ProcessUsage, after: ProcessUsage): number {
  const cpuMs = (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000;
  return cpuMs / Math.max(1, after.at - before.at);
}
