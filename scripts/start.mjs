// `npm start`: installs dependencies and builds the web app when needed, then runs the server.
// Without REDIS_URL the server keeps sessions in memory; set REDIS_URL to keep them across restarts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureInstalled, ensureWebBuild, signalNumber } from './lib/bootstrap.mjs';

/** The tsx CLI of the server package, run with this Node so no shell shim is involved. */
function tsxCli() {
  const packageDir = join(ROOT, 'server', 'node_modules', 'tsx');
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return join(packageDir, typeof bin === 'string' ? bin : bin.tsx);
}

async function main() {
  await ensureInstalled();
  await ensureWebBuild();

  // A process group of its own, so a Ctrl-C reaches the server once (through us) rather than twice.
  const server = spawn(process.execPath, [tsxCli(), 'server/src/main.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    detached: process.platform !== 'win32',
  });
  const forward = (signal) => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  // tsx relays only SIGINT and SIGTERM to the app; a closed terminal should still shut it down cleanly.
  process.on('SIGHUP', () => forward('SIGTERM'));
  process.once('exit', () => forward('SIGTERM'));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
