// `npm run dev`: the server under `tsx watch` on port 3000 and the Vite dev server for the web app, which proxies
// /api, /healthz and /socket.io to it (web/vite.config.ts). Open the URL Vite prints. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureInstalled, signalNumber } from './lib/bootstrap.mjs';

function binOf(packageDir, name) {
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return join(packageDir, typeof bin === 'string' ? bin : bin[name]);
}

async function main() {
  await ensureInstalled();
  const tsx = binOf(join(ROOT, 'server', 'node_modules', 'tsx'), 'tsx');
  const vite = binOf(join(ROOT, 'web', 'node_modules', 'vite'), 'vite');
  const children = [
    spawn(process.execPath, [tsx, 'watch', 'server/src/main.ts'], { cwd: ROOT, stdio: 'inherit', detached: true }),
    spawn(process.execPath, [vite, 'dev'], { cwd: join(ROOT, 'web'), stdio: 'inherit', detached: true }),
  ];
  // Own process groups, so a Ctrl-C reaches each child once, through us.
  let stopping = false;
  const stopAll = (signal) => {
    stopping = true;
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    }
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGHUP', () => stopAll('SIGTERM'));
  process.once('exit', () => stopAll('SIGTERM'));

  const exits = children.map(
    (child) =>
      new Promise((resolve) => {
        child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
      }),
  );
  // When one side stops (crash or Ctrl-C), stop the other too.
  const first = await Promise.race(exits);
  if (!stopping) stopAll('SIGTERM');
  await Promise.all(exits);
  return first;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
