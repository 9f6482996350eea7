// `npm run test:flakes -- [--times N] [--load N] <test files…>`: runs each test file N times in a row (default 5)
// while N busy threads (default: one per core) keep the CPU loaded, as a shared CI machine does, and prints one
// line per file (`tests/e2e/offline.test.ts: 5/5 green`) and a last line `N passed, N failed` over all runs.
//
// A browser test that waits on time instead of on what the page does passes on an idle laptop and fails here;
// run this over every browser test file you touched before you land.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ROOT } from './lib/bootstrap.mjs';

function parseArgs(argv) {
  const options = { times: 5, load: availableParallelism(), files: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--times' || arg === '--load') {
      const value = Number(argv[i + 1]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number`);
      options[arg.slice(2)] = value;
      i += 1;
    } else {
      options.files.push(arg);
    }
  }
  if (options.times < 1) throw new Error('--times must be at least 1');
  return options;
}

/** One thread that spins until told to stop: the load a busy CI machine puts beside the tests. */
function startSpinner() {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let stop = false;
     parentPort.on('message', () => { stop = true; });
     const spin = () => { const until = Date.now() + 50; while (Date.now() < until); if (!stop) setImmediate(spin); };
     spin();`,
    { eval: true },
  );
  worker.unref();
  return worker;
}

/** Runs one file through the same test command the README gives; resolves to whether it passed. */
function runOnce(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/test.mjs', file], { cwd: ROOT, stdio: 'inherit' });
    child.once('exit', (code) => resolve(code === 0));
    child.once('error', () => resolve(false));
  });
}

async function main() {
  const { times, load, files } = parseArgs(process.argv.slice(2));
  if (files.length === 0) {
    console.error('name the test files to repeat, e.g. npm run test:flakes -- tests/e2e/offline.test.ts');
    return 2;
  }
  const spinners = Array.from({ length: load }, startSpinner);
  const results = [];
  try {
    for (const file of files) {
      let green = 0;
      for (let run = 1; run <= times; run += 1) {
        console.log(`\n=== ${file}: run ${run} of ${times} under ${load} busy threads ===`);
        if (await runOnce(file)) green += 1;
      }
      results.push({ file, green });
    }
  } finally {
    for (const spinner of spinners) spinner.postMessage('stop');
    await Promise.all(spinners.map((spinner) => spinner.terminate()));
  }
  console.log('');
  for (const { file, green } of results) console.log(`${file}: ${green}/${times} green`);
  const passed = results.reduce((sum, { green }) => sum + green, 0);
  const failed = results.length * times - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:flakes could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
