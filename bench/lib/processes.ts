import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** tsx as an ESM loader, so forked children run TypeScript like the server's own `tsx src/main.ts`. */
const tsxLoader = import.meta.resolve('tsx');

/** Absolute path of a file in `bench/lib`. */
export const libFile = (name: string) => fileURLToPath(new URL(name, import.meta.url));

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];
let exiting = false;

/**
 * Forks a TypeScript module as a child process with an IPC channel. Its output is passed through
 * with a label, and it is remembered so that {@link shutdown} kills it (by its own pid) whatever
 * way the benchmark ends.
 */
export function forkTs(
  file: string,
  options: { label: string; env?: Record<string, string>; nodeArgs?: string[]; quiet?: boolean },
): ChildProcess {
  const child = fork(file, [], {
    execArgv: [...(options.nodeArgs ?? []), '--import', tsxLoader],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const relay = (stream: NodeJS.ReadableStream | null, to: NodeJS.WriteStream) => {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (!options.quiet) for (const line of lines) to.write(`  [${options.label}] ${line}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  return child;
}

/** Waits for a child to exit; SIGKILL after `graceMs` if it does not. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Registers work to do on the way out (delete Redis keys, stop redis-server), newest first. */
export function onShutdown(fn: () => Promise<void> | void): void {
  cleanups.unshift(fn);
}

/** Runs the cleanups, kills every child still running, and exits with `code`. */
export async function shutdown(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    for (const fn of cleanups) {
      try {
        await fn();
      } catch (err) {
        console.error('cleanup failed:', err instanceof Error ? err.message : err);
      }
    }
    await Promise.all([...children].map((child) => stopChild(child, 'SIGKILL', 1_000)));
  }
  process.exit(code);
}

/**
 * Runs a benchmark's main function with a hard time limit: whatever happens (an exception, a
 * hang, Ctrl-C) the children are stopped, the cleanups run and the process exits.
 */
export function runBench(name: string, limitMs: number, main: () => Promise<void>): void {
  const timer = setTimeout(() => {
    console.error(`\n${name}: stopped after the time limit of ${Math.round(limitMs / 1000)} s`);
    void shutdown(2);
  }, limitMs);
  timer.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${name}: ${signal}, cleaning up`);
      void shutdown(130);
    });
  }
  main().then(
    () => shutdown(0),
    (err: unknown) => {
      console.error(`\n${name} failed:`, err instanceof Error ? (err.stack ?? err.message) : err);
      return shutdown(1);
    },
  );
}
