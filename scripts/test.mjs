// `npm test`: sets up what the tests need (dependencies, web build, Redis, Chromium), runs vitest once over all
// projects and ends with one line `N passed, N failed[, N skipped]` counting every test of every project.
//
//   node scripts/test.mjs                     all projects
//   node scripts/test.mjs --project unit      one project (unit | integration | e2e); other arguments go to vitest
//
// With REDIS_URL the tests use that Redis under a unique key prefix and delete only their own keys; without it a
// private redis-server is started on a free port and stopped afterwards.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  ROOT,
  activeChildren,
  ensureInstalled,
  ensureSvelteKitSync,
  ensureWebBuild,
  say,
  signalNumber,
} from './lib/bootstrap.mjs';
import { findOnPath, startRedisServer } from './lib/redisServer.mjs';

const PROJECTS = ['unit', 'integration', 'e2e'];
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const PROMISED_NODE_MAJOR = 24;

/** Splits our own `--project` options from the arguments passed through to vitest. */
function parseArgs(argv) {
  const projects = [];
  const passThrough = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--project') {
      projects.push(argv[i + 1] ?? '');
      i += 1;
    } else if (arg.startsWith('--project=')) {
      projects.push(arg.slice('--project='.length));
    } else {
      passThrough.push(arg);
    }
  }
  // `npm test --project unit` hands us `--project` as npm config (npm_config_project=true) plus a bare `unit`;
  // `npm test --project=unit` hands us npm_config_project=unit.
  const fromNpm = process.env.npm_config_project;
  if (projects.length === 0 && fromNpm) {
    if (fromNpm !== 'true') projects.push(...fromNpm.split(','));
    else if (PROJECTS.includes(passThrough[0] ?? '')) projects.push(/** @type {string} */ (passThrough.shift()));
  }
  return { projects, passThrough };
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Counts tests from vitest's JSON report. A file that failed as a whole (could not be loaded or collected, or a
 * hook failed) without a failing test counts as one failure, so a broken file can never make the run green.
 */
function summarize(reportPath) {
  if (!existsSync(reportPath)) return null;
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const files = report.testResults ?? [];
  const counts = { passed: 0, failed: 0, skipped: 0, files: files.length };
  for (const file of files) {
    let failedInFile = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') failedInFile += 1;
      else counts.skipped += 1;
    }
    if (file.status === 'failed' && failedInFile === 0) failedInFile = 1;
    counts.failed += failedInFile;
  }
  return counts;
}

/** REDIS_URL may carry a password; logs show the rest. */
function withoutPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(REDIS_URL is not a valid URL)';
  }
}

function countLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

async function main() {
  // Vitest and every server a test starts run on this same binary, so this line says what the tests ran on.
  const major = Number(process.versions.node.split('.')[0]);
  say(
    `Node ${process.version}${major < PROMISED_NODE_MAJOR ? ` (Runde promises Node ${PROMISED_NODE_MAJOR}; .ci/run uses it)` : ''}`,
  );
  const { projects, passThrough } = parseArgs(process.argv.slice(2));
  const unknown = projects.filter((project) => !PROJECTS.includes(project));
  if (unknown.length > 0) {
    console.error(`unknown test project '${unknown.join(', ')}': use one of ${PROJECTS.join(', ')}`);
    return 2;
  }
  const withE2e = projects.length === 0 || projects.includes('e2e');
  // Browser tests drive the built app, and the security-header test reads its pages' headers.
  const needsWebBuild = withE2e || projects.includes('integration');

  // Check the machine first, so a missing tool costs one line and no install or build time.
  const redisUrl = process.env.REDIS_URL;
  const redisServer = redisUrl ? null : findOnPath('redis-server');
  if (!redisUrl && !redisServer) {
    console.error("redis-server not found: install it with 'sudo apt-get install -y redis-server' or set REDIS_URL");
    return 1;
  }
  const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (withE2e && !isExecutable(chromiumPath)) {
    console.error(
      `Chromium not found at ${chromiumPath}: install it with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH`,
    );
    return 1;
  }

  await ensureInstalled();
  if (needsWebBuild) await ensureWebBuild();
  else await ensureSvelteKitSync();

  const workDir = mkdtempSync(join(tmpdir(), 'runde-test-'));
  let redis = null;
  const cleanUpNow = () => {
    redis?.killNow();
    rmSync(workDir, { recursive: true, force: true });
  };
  process.once('exit', cleanUpNow);
  let interruptedBy = null;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      interruptedBy = signal;
      if (activeChildren.size === 0) {
        cleanUpNow();
        process.exit(128 + signalNumber(signal));
      }
      // vitest gets the signal too and winds down; the code after it has exited cleans up.
      for (const child of activeChildren) child.kill(signal);
    });
  }

  try {
    if (redisServer) redis = await startRedisServer({ binary: redisServer });
    const keyPrefix = `runde-test-${Date.now()}-${randomBytes(4).toString('hex')}:`;
    const env = {
      ...process.env,
      REDIS_URL: redis ? redis.url : /** @type {string} */ (redisUrl),
      RUNDE_TEST_KEY_PREFIX: keyPrefix,
      CHROMIUM_PATH: chromiumPath,
    };
    say(
      `Redis ${redis ? `${redis.url} (started for this run)` : withoutPassword(env.REDIS_URL)}, key prefix ${keyPrefix}`,
    );

    const reportPath = join(workDir, 'vitest-report.json');
    const vitestArgs = [
      join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportPath}`,
      ...projects.flatMap((project) => ['--project', project]),
      ...passThrough,
    ];
    const exitCode = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, vitestArgs, { cwd: ROOT, stdio: 'inherit', env });
      activeChildren.add(child);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        activeChildren.delete(child);
        resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
      });
    });

    let counts = null;
    try {
      counts = summarize(reportPath);
    } catch (error) {
      say(`could not read vitest's report: ${error instanceof Error ? error.message : String(error)}`);
    }
    const reported = counts !== null;
    counts ??= { passed: 0, failed: 0, skipped: 0, files: 0 };
    if (exitCode !== 0 && counts.failed === 0 && !interruptedBy) {
      // e.g. no test files matched, an unhandled error outside any test, or vitest itself crashed
      const why = !reported
        ? `vitest exited with code ${exitCode} and wrote no report`
        : counts.files === 0
          ? 'no test files were found'
          : `vitest exited with code ${exitCode} without a failing test`;
      say(`${why}; counting that as one failure`);
      counts.failed = 1;
    }
    if (interruptedBy) {
      say(`interrupted by ${interruptedBy}; the counts cover only what finished`);
      counts.failed = Math.max(counts.failed, 1);
    }
    if (redis) await redis.dispose();
    console.log(countLine(counts));
    if (interruptedBy) return 128 + signalNumber(interruptedBy);
    return counts.failed > 0 || exitCode !== 0 ? 1 : 0;
  } finally {
    if (redis) await redis.dispose();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm test could not run the tests: ${error instanceof Error ? error.message : String(error)}`);
    // Keep the contract that the last line is the count, so CI logs read the same in every outcome.
    console.log(countLine({ passed: 0, failed: 1, skipped: 0 }));
    process.exit(1);
  },
);
