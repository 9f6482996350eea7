/**
 * Runs every benchmark once at a small size (a smoke run that still prints real figures), one
 * after the other, each in its own process. For the full sizes run each script on its own; see
 * docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

const runs: Array<[string, string[]]> = [
  ['fanout.ts', ['--sizes', '50,200', '--reps', '40', '--stormSeconds', '5']],
  ['capacity.ts', ['--sessions', '20', '--rate', '100', '--seconds', '10', '--warmupSeconds', '2']],
  ['memory.ts', ['--participants', '200']],
  ['reconnect.ts', ['--clients', '200', '--perSession', '50']],
  ['twoNodes.ts', ['--clients', '200', '--reps', '40']],
  ['hall.ts', ['--tables', '20', '--smallTables', '5', '--seconds', '5', '--smallSeconds', '5', '--bareSeconds', '5']],
];

let failed = 0;
for (const [script, args] of runs) {
  console.log(`\n=== ${script} ${args.join(' ')}`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, `${here}${script}`, ...args], { stdio: 'inherit' });
    child.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    failed += 1;
    console.error(`=== ${script} failed (exit ${code})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
