// The one redis-server launcher of the repository: `npm test` starts its private Redis with it when no REDIS_URL
// is given, the fault and health tests start, crash and restart their own, and the benchmarks start one without
// persistence. Plain JavaScript (typed by JSDoc, checked by `tsc -b`) so that `npm test` can use it before any
// TypeScript tooling is installed.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './freePort.mjs';

/**
 * @typedef {object} RedisServerOptions
 * @property {string} [binary] redis-server to run; defaults to the one on PATH.
 * @property {boolean} [appendonly] Append-only file on (for durability tests); off by default.
 * @property {'always' | 'everysec' | 'no'} [appendfsync] fsync policy when appendonly is on; defaults to
 *   `everysec` like docker-compose.yml.
 * @property {string} [dir] Data directory; defaults to a fresh temporary directory that `dispose` removes.
 * @property {string} [configFile] Configuration file, given before every other argument as redis-server requires
 *   (a sentinel needs one it may rewrite).
 * @property {string[]} [args] Further arguments after the launcher's own, e.g. `['--cluster-enabled', 'yes']` or
 *   `['--sentinel']`; a later argument overrides an earlier one.
 */

/**
 * @typedef {object} RedisServerHandle
 * @property {string} url `redis://127.0.0.1:<port>`
 * @property {number} port
 * @property {string} dir
 * @property {() => Promise<void>} stop Graceful shutdown (SIGTERM, SIGKILL after 5 s): Redis flushes its
 *   append-only file first.
 * @property {() => Promise<void>} kill9 Crash (SIGKILL): whatever was not yet fsynced is lost.
 * @property {() => Promise<void>} restart Starts again on the same port and directory (after stop or kill9)
 *   and waits until it answers.
 * @property {() => Promise<void>} dispose Stops the server and removes the directory if it was created here.
 * @property {() => void} killNow For exit paths where nothing can be awaited any more: SIGKILL, and the
 *   directory removed if it was created here.
 * @property {(signal: NodeJS.Signals) => void} signal Sends a signal to the running server, e.g. SIGSTOP and
 *   SIGCONT to freeze and thaw it; nothing when it does not run.
 */

const STARTUP_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;
/** Lines of the server's own output kept for the error message when it does not start. */
const OUTPUT_LINES_KEPT = 20;

/** Every server started here that may still run, so that none outlives the process that started it. */
const running = new Set();
process.once('exit', () => {
  for (const killNow of running) killNow();
});

/**
 * Full path of an executable found on PATH, or null.
 * @param {string} name
 * @returns {string | null}
 */
export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * Resolves true once a Redis at 127.0.0.1:port answers PING with PONG (a Redis still loading its data answers
 * with an error instead).
 * @param {number} port
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
function pingRedis(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    /** @param {boolean} ok */
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * Starts a redis-server of its own on a free port of 127.0.0.1, without snapshots, and waits until it answers.
 * The caller owns it alone: nothing else knows its port, so it may be flushed, stopped, crashed or restarted.
 * @param {RedisServerOptions} [options]
 * @returns {Promise<RedisServerHandle>}
 */
export async function startRedisServer(options = {}) {
  let lastError = 'did not start';
  // The port can be taken between probing and binding, so a first start tries a few.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const server = redisProcess(await freePort(), options);
    try {
      await server.launch();
      return server.handle;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      await server.handle.dispose();
    }
  }
  throw new Error(lastError);
}

/**
 * @param {number} port
 * @param {RedisServerOptions} options
 */
function redisProcess(port, options) {
  const binary = options.binary ?? 'redis-server';
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'runde-redis-'));
  const args = options.configFile === undefined ? [] : [options.configFile];
  args.push('--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, '--daemonize', 'no');
  args.push('--loglevel', 'warning', '--appendonly', options.appendonly ? 'yes' : 'no');
  if (options.appendonly) args.push('--appendfsync', options.appendfsync ?? 'everysec');
  args.push(...(options.args ?? []));

  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  /** @type {Promise<void>} */
  let exited = Promise.resolve();

  const isRunning = () => child !== null && child.exitCode === null && child.signalCode === null;
  const killNow = () => {
    if (isRunning()) child?.kill('SIGKILL');
    running.delete(killNow);
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  };

  const launch = async () => {
    const server = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Filled in by the event handlers; an object so the checks below see their updates.
    /** @type {{ gone: boolean; error: Error | null; output: string[] }} */
    const state = { gone: false, error: null, output: [] };
    /** @param {Buffer} chunk */
    const keep = (chunk) => {
      state.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      state.output.splice(0, Math.max(0, state.output.length - OUTPUT_LINES_KEPT));
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    exited = new Promise((resolve) => {
      /** @param {Error} [error] */
      const onGone = (error) => {
        state.gone = true;
        state.error ??= error ?? null;
        resolve();
      };
      server.once('error', onGone);
      server.once('exit', () => onGone());
    });
    child = server;
    running.add(killNow);
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (!state.gone && Date.now() < deadline) {
      if (await pingRedis(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    server.kill('SIGKILL');
    await exited;
    const reason = state.error
      ? `${state.error.message} (is redis-server installed? 'sudo apt-get install -y redis-server')`
      : state.output.slice(-3).join(' | ') || `no answer within ${STARTUP_TIMEOUT_MS / 1000} s`;
    throw new Error(`redis-server on port ${port} did not start: ${reason}`);
  };

  /** @param {NodeJS.Signals} signal */
  const terminate = async (signal) => {
    const current = child;
    if (!current || !isRunning()) return;
    current.kill(signal);
    const timer = setTimeout(() => current.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  /** @type {RedisServerHandle} */
  const handle = {
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
      killNow();
    },
    killNow,
    signal: (signal) => {
      if (isRunning()) child?.kill(signal);
    },
  };
  return { launch, handle };
}
