import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm test` sets both variables; the fallbacks keep a direct `vitest` run working against a local Redis.
const runPrefix = process.env.RUNDE_TEST_KEY_PREFIX ?? `runde-test-${Date.now()}-${randomHex(4)}:`;

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** The Redis the tests share: REDIS_URL from `npm test`, or a local default. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * A key prefix no other test or run uses: `<run prefix><label>-<random>:`. Give it to the store under test and
 * delete its keys afterwards with {@link deleteKeys}; the shared Redis is never flushed.
 */
export function uniquePrefix(label: string): string {
  return `${runPrefix}${label}-${randomHex(4)}:`;
}

/** The two commands {@link deleteKeys} needs, so any node-redis client (with or without scripts) fits. */
export interface KeyDeletingClient {
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
  unlink(keys: string[]): Promise<number>;
}

/** Deletes every key starting with `prefix` (SCAN MATCH + UNLINK) and returns how many were deleted. */
export async function deleteKeys(client: KeyDeletingClient, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let deleted = 0;
  for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 500 })) {
    if (keys.length > 0) deleted += await client.unlink(keys);
  }
  return deleted;
}

export interface RedisServerOptions {
  /** Append-only file on (for durability tests); off by default. */
  appendonly?: boolean;
  /** fsync policy when appendonly is on; defaults to `everysec` like docker-compose.yml. */
  appendfsync?: 'always' | 'everysec' | 'no';
  /** Data directory; defaults to a fresh temporary directory that {@link RedisServerHandle.dispose} removes. */
  dir?: string;
}

export interface RedisServerHandle {
  url: string;
  port: number;
  dir: string;
  /** Graceful shutdown (SIGTERM): Redis flushes its append-only file first. */
  stop(): Promise<void>;
  /** Crash (SIGKILL): whatever was not yet fsynced is lost. */
  kill9(): Promise<void>;
  /** Starts again on the same port and directory (after stop or kill9) and waits until it answers. */
  restart(): Promise<void>;
  /** Stops the server and removes the directory if it was created here. */
  dispose(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts an extra redis-server of its own on a free port, separate from the shared test Redis, for tests that
 * stop, crash or restart Redis.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'runde-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, '--daemonize', 'no'];
  args.push('--appendonly', options.appendonly ? 'yes' : 'no');
  if (options.appendonly) args.push('--appendfsync', options.appendfsync ?? 'everysec');

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = async (): Promise<void> => {
    const server = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    // Filled in by the event handlers; an object so the checks below see their updates.
    const state = { gone: false, error: null as Error | null, stderr: '' };
    server.stderr?.on('data', (chunk: Buffer) => (state.stderr += chunk.toString('utf8')));
    exited = new Promise((resolve) => {
      const onGone = (error?: Error) => {
        state.gone = true;
        state.error ??= error ?? null;
        running.delete(server);
        resolve();
      };
      server.once('error', onGone);
      server.once('exit', () => onGone());
    });
    running.add(server);
    child = server;
    const deadline = Date.now() + 10_000;
    while (!state.gone && Date.now() < deadline) {
      if (await answersPing(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    server.kill('SIGKILL');
    await exited;
    const reason = state.error
      ? `${state.error.message} (is redis-server installed? 'sudo apt-get install -y redis-server')`
      : state.stderr.trim() || 'no answer within 10 s';
    throw new Error(`redis-server on port ${port} did not start: ${reason}`);
  };

  const terminate = async (signal: NodeJS.Signals): Promise<void> => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    current.kill(signal);
    await exited;
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: () => terminate('SIGTERM'),
    kill9: () => terminate('SIGKILL'),
    restart: async () => {
      await terminate('SIGTERM');
      await launch();
    },
    dispose: async () => {
      await terminate('SIGTERM');
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True once Redis answers PING with PONG (a Redis still loading its data answers with an error instead). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}
