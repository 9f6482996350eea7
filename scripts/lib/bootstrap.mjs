// Shared set-up for `npm start` and `npm test`: both must work on a fresh clone with only Node and npm,
// so they install dependencies and build the web app themselves when either is missing or stale.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const isWindows = process.platform === 'win32';
// Written after a successful install: pnpm leaves node_modules untouched when nothing changed, so its own files
// can stay older than a lockfile that was merely touched (e.g. by a fresh checkout).
const INSTALL_STAMP = join(ROOT, 'node_modules', '.runde-install-stamp');
const LOCKFILE = join(ROOT, 'pnpm-lock.yaml');
const WEB_BUILD = join(ROOT, 'web', 'build');
// Everything that ends up in the web bundle; the web app imports the shared package, so its sources count too.
const WEB_INPUTS = [
  'web/src',
  'web/static',
  'web/package.json',
  'web/svelte.config.js',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'shared/src',
  'shared/package.json',
  'pnpm-lock.yaml',
];
const SKIPPED_DIRS = new Set(['node_modules', '.svelte-kit', 'build']);

/** Prints one line prefixed with the script name, so set-up output is told apart from the app's or vitest's. */
export function say(message) {
  console.log(`[runde] ${message}`);
}

/** Children started through `run`, so a signal handler can pass a signal on to whatever is running. */
export const activeChildren = new Set();

/**
 * Runs a command with inherited stdio and resolves with its exit code (128 + n when killed by a signal).
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<number>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows, ...options });
    activeChildren.add(child);
    child.once('error', (error) => {
      activeChildren.delete(child);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      activeChildren.delete(child);
      resolvePromise(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
  });
}

/** @param {NodeJS.Signals} signal */
export function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[signal] ?? 1;
}

/**
 * Runs pnpm: the one that launched us when started through pnpm, otherwise pnpm 10 through npx
 * (no global pnpm or corepack is assumed).
 * @param {string[]} args
 */
export function runPnpm(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && execPath.endsWith('.cjs')) {
    return run(process.execPath, [execPath, ...args]);
  }
  return run(isWindows ? 'npx.cmd' : 'npx', ['-y', 'pnpm@10', ...args]);
}

/**
 * Newest modification time (ms) of the given files and directories (recursively), or 0 when none exist.
 * @param {string[]} paths relative to the repository root
 * @param {{ sourcesOnly?: boolean }} [options] skip dependencies, build outputs and test files
 */
export function newestMtime(paths, { sourcesOnly = false } = {}) {
  let newest = 0;
  const visit = (path) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (sourcesOnly && entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
      if (sourcesOnly && entry.isFile() && entry.name.endsWith('.test.ts')) continue;
      visit(join(path, entry.name));
    }
  };
  for (const path of paths) visit(resolve(ROOT, path));
  return newest;
}

function installIsStale() {
  if (!existsSync(join(ROOT, 'node_modules'))) return 'node_modules is missing';
  const installedAt = Math.max(
    newestMtime(['node_modules/.modules.yaml', 'node_modules/.pnpm/lock.yaml']),
    newestMtime([INSTALL_STAMP]),
  );
  if (installedAt < newestMtime(['pnpm-lock.yaml'])) return 'node_modules is older than pnpm-lock.yaml';
  return null;
}

/** Installs dependencies with the frozen lockfile when node_modules is missing or older than pnpm-lock.yaml. */
export async function ensureInstalled() {
  if (!existsSync(LOCKFILE)) throw new Error('pnpm-lock.yaml is missing; run this from a Runde checkout');
  const reason = installIsStale();
  if (!reason) return;
  say(`${reason}: installing dependencies with pnpm 10`);
  // Without a TTY pnpm would otherwise abort instead of replacing a node_modules made with other settings.
  const code = await runPnpm(['install', '--frozen-lockfile', '--config.confirmModulesPurge=false']);
  if (code !== 0) {
    throw new Error(`dependency install failed (exit code ${code})`);
  }
  writeFileSync(INSTALL_STAMP, `${new Date().toISOString()}\n`);
}

/**
 * Writes SvelteKit's generated files (web/.svelte-kit) when a fresh clone has none: the web app's
 * tsconfig extends them, so even its unit tests cannot load without. A build writes them too.
 */
export async function ensureSvelteKitSync() {
  if (existsSync(join(ROOT, 'web/.svelte-kit/tsconfig.json'))) return;
  say('generating SvelteKit types (web/.svelte-kit is missing)');
  const code = await runPnpm(['--filter', '@runde/web', 'exec', 'svelte-kit', 'sync']);
  if (code !== 0) throw new Error(`svelte-kit sync failed (exit code ${code})`);
}

/** Builds the web app into web/build when the build is missing or older than its sources. */
export async function ensureWebBuild() {
  const builtAt = newestMtime([WEB_BUILD]);
  if (builtAt > 0 && builtAt >= newestMtime(WEB_INPUTS, { sourcesOnly: true })) return;
  say(builtAt === 0 ? 'building the web app (web/build is missing)' : 'rebuilding the web app (sources changed)');
  const code = await runPnpm(['--filter', '@runde/web', 'build']);
  if (code !== 0) throw new Error(`web build failed (exit code ${code})`);
  if (!existsSync(WEB_BUILD)) throw new Error('web build finished but web/build was not created');
}
