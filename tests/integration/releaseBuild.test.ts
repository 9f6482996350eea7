import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOIN_CODE_ALPHABET } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeProcess, type NodeProcess, type ReleaseToRun } from '../support/nodeProcess.ts';
import { node24Binary, PROMISED_NODE_MAJOR } from '../support/node24.ts';
import { deleteTestKeys } from '../support/serverHarness.ts';
import { createSessionOverHttp } from '../support/serverClients.ts';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';

// What the Docker image runs: scripts/buildRelease.mjs (its build stage runs the same script), started on Node 24
// without tsx, as the runtime stage does. No Docker engine runs in CI, so the script's output is what is tried.
const root = fileURLToPath(new URL('../..', import.meta.url));
// The web build alone takes a minute or more on a busy 2-core machine; a fresh one is reused.
const BUILD_TIMEOUT_MS = 600_000;
const prefix = uniquePrefix('release');

let outDir = '';
let release: ReleaseToRun;
const nodes: NodeProcess[] = [];

/** Runs the release build with this process's Node and returns its output, failing with it on a non-zero exit. */
function buildRelease(into: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'buildRelease.mjs'), into], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`buildRelease exited with ${code}:\n${output}`)),
    );
  });
}

/** Paths under `dir` (relative) of directories with one of the given names, pnpm's .pnpm store included. */
function directoriesNamed(dir: string, names: string[]): string[] {
  const found: string[] = [];
  const visit = (path: string, relativePath: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const child = relativePath ? `${relativePath}/${entry.name}` : entry.name;
      if (names.includes(entry.name)) found.push(child);
      visit(join(path, entry.name), child);
    }
  };
  visit(dir, '');
  return found;
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'runde-release-'));
  const [, node] = await Promise.all([buildRelease(outDir), node24Binary()]);
  release = { dir: outDir, node };
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  await deleteTestKeys(prefix);
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the release build', () => {
  it('holds the bundled server, the web app and production dependencies, nothing else', () => {
    expect(readdirSync(outDir).sort()).toEqual(['node_modules', 'package.json', 'server', 'web']);
    expect(readdirSync(join(outDir, 'server', 'dist')).sort()).toEqual(['main.js', 'main.js.map']);
    expect(existsSync(join(outDir, 'web', 'build', 'handler.js'))).toBe(true);
    // Our tests, bench and docs are kept out by the listing above; dependencies' own test folders (zod ships some) may stay.
    expect(directoriesNamed(join(outDir, 'node_modules'), ['tsx', 'vitest', 'typescript', 'playwright-core'])).toEqual(
      [],
    );
  });

  it('runs on a Node 24 binary', async () => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
      const child = spawn(release.node, ['-p', 'process.versions.node'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('exit', () => resolve({ stdout: out }));
    });
    expect(Number(stdout.trim().split('.')[0])).toBe(PROMISED_NODE_MAJOR);
  });

  describe.each([
    { store: 'the embedded store (no REDIS_URL)', options: { store: 'memory' as const } },
    { store: 'Redis', options: { redisUrl: testRedisUrl(), keyPrefix: prefix } },
  ])('started with $store', ({ options }) => {
    let node: NodeProcess;

    beforeAll(async () => {
      node = await startNodeProcess({ ...options, release });
      nodes.push(node);
    }, 60_000);

    it('answers /healthz', async () => {
      const response = await fetch(`${node.url}/healthz`);
      expect(response.status, node.output()).toBe(200);
    });

    it('serves the start page and the scripts it loads', async () => {
      const response = await fetch(`${node.url}/`, { headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toMatch(/<html lang="de">/);
      expect(html).toMatch(/<title>Runde<\/title>/);
      const entry = html.match(/import\("\.\/(_app\/immutable\/entry\/start\.[\w-]+\.js)"\)/)?.[1];
      expect(entry, html).toBeDefined();
      const script = await fetch(`${node.url}/${entry}`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
    });

    it('creates a session over HTTP', async () => {
      const created = await createSessionOverHttp(node.url, { title: 'Release', facilitatorName: 'Ana' });
      expect(created.sessionId).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
      const summary = await fetch(`${node.url}/api/sessions/${created.sessionId}`);
      expect(summary.status).toBe(200);
    });
  });
});
