// A throw-away redis-server for `npm test` when no REDIS_URL is given: free port, temp dir, no persistence.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Full path of an executable found on PATH, or null.
 * @param {string} name
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

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves true when a Redis at host:port answers PING within the timeout.
 * @param {number} port
 * @param {string} [host]
 */
export function pingRedis(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    let reply = '';
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
 * Starts redis-server on a free port in a temporary directory and waits until it answers.
 * @param {string} binary path of redis-server
 * @returns {Promise<{ url: string; port: number; stop: () => Promise<void>; killNow: () => void }>}
 */
export async function startEphemeralRedis(binary) {
  let lastError = 'did not start';
  // The port can be taken between probing and binding, so try a few.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'runde-test-redis-'));
    const logFile = join(dir, 'redis.log');
    const args = ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1'];
    args.push('--dir', dir, '--logfile', logFile, '--daemonize', 'no');
    const child = spawn(binary, args, { stdio: 'ignore' });
    let exited = false;
    const exitedPromise = new Promise((resolve) => {
      child.once('exit', () => {
        exited = true;
        resolve();
      });
      child.once('error', (error) => {
        lastError = error.message;
        exited = true;
        resolve();
      });
    });
    const stop = async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exitedPromise;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    };
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline) {
      if (await pingRedis(port)) {
        // For exit paths where nothing can be awaited any more.
        const killNow = () => {
          if (!exited) child.kill('SIGKILL');
          rmSync(dir, { recursive: true, force: true });
        };
        return { url: `redis://127.0.0.1:${port}`, port, stop, killNow };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    try {
      lastError = readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' | ') || lastError;
    } catch {
      // no log written
    }
    await stop();
  }
  throw new Error(`redis-server could not be started: ${lastError}`);
}
