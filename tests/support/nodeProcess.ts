import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/freePort.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * tsx as an ESM loader of this very process. Not the tsx CLI: that runs the script in a child
 * process of its own, so a SIGKILL would hit the wrapper and leave the real server running.
 */
function tsxLoader(): string {
  const packageDir = join(root, 'server', 'node_modules', 'tsx');
  const { exports } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const loader = exports['.'];
  if (typeof loader !== 'string') throw new Error('tsx has no ESM loader entry');
  return pathToFileURL(join(packageDir, loader)).href;
}

/** A release built by scripts/buildRelease.mjs, and the Node binary to run it with. */
export interface ReleaseToRun {
  dir: string;
  node: string;
}

export interface NodeProcess {
  url: string;
  port: number;
  process: ChildProcess;
  /** What the process wrote, for a failing test's message. */
  output(): string;
  /** SIGTERM and wait; the graceful path. */
  stop(): Promise<void>;
  /** SIGKILL and wait: a node that dies mid-work, with no goodbye to anyone. */
  kill(): Promise<void>;
}

/**
 * A real server node: `server/src/main.ts` in its own Node process, as in production, on a free
 * port of 127.0.0.1, using the given Redis and key prefix (so it joins the other nodes there), or
 * with `store: 'memory'` the embedded store, as `npm start` without `REDIS_URL`. With `release`,
 * the built `server/dist/main.js` of that release instead, with NODE_ENV=production as the image sets it.
 */
export async function startNodeProcess(
  options: (
    | { redisUrl: string; keyPrefix: string }
    | { store: 'memory' }
    /** Redis Sentinel or Cluster: the deployment's variables (REDIS_SENTINELS …) go in `env`. */
    | { store: 'redis-env'; keyPrefix: string }
  ) & {
    port?: number;
    release?: ReleaseToRun;
    /** More environment variables (METRICS_TOKEN, LOG_LEVEL …). */
    env?: Record<string, string>;
  },
): Promise<NodeProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...options.env,
  };
  if ('redisUrl' in options) {
    env.REDIS_URL = options.redisUrl;
    env.REDIS_KEY_PREFIX = options.keyPrefix;
  } else if (options.store === 'redis-env') {
    delete env.REDIS_URL;
    env.REDIS_KEY_PREFIX = options.keyPrefix;
  } else {
    delete env.REDIS_URL;
    delete env.REDIS_KEY_PREFIX;
  }
  const { release } = options;
  if (release) env.NODE_ENV = 'production';
  const child = release
    ? spawn(release.node, ['server/dist/main.js'], { cwd: release.dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['--import', tsxLoader(), 'server/src/main.ts'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  // Generous: a loaded CI machine may take a while to compile the server with tsx.
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server node exited early:\n${output}`);
    // Ready, not just alive: the node has its store and takes connections.
    const healthy = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server node did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
  };
}
