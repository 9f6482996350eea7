/**
 * Summarises a V8 `.cpuprofile` (from a benchmark run with `--profileDir`): where the server's
 * CPU time went, by function (self time) and by package or source file.
 *
 *   npx tsx bench/profileSummary.ts /tmp/prof/CPU.*.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const argv = process.argv.slice(2);
const topIndex = argv.indexOf('--top');
const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 25;
const files = argv.filter((_, i) => topIndex < 0 || (i !== topIndex && i !== topIndex + 1));

/** `node_modules/.pnpm/x@1/node_modules/socket.io/dist/a.js` → `socket.io`; our files by path. */
function owner(url: string): string {
  if (!url) return '(native / V8)';
  const parts = url.split('node_modules/');
  const last = parts.at(-1) ?? url;
  if (parts.length > 1)
    return last.startsWith('@') ? last.split('/').slice(0, 2).join('/') : (last.split('/')[0] ?? last);
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\/.*?\/(shared|server|bench)\//, '$1/');
}

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Self time per node from the samples and their time deltas (µs).
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const id = samples[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = `${frame.functionName || '(anonymous)'}  ${owner(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const o = owner(frame.url);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / Math.max(1, total)).toFixed(1).padStart(5)} %`;
  const idle = [...byFunction.entries()].filter(([n]) => n.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
  console.log(`\n${file}\n  ${(total / 1e6).toFixed(1)} s sampled, ${pct(total - idle)} busy`);
  console.log('\n  by package / file (self time)');
  for (const [name, us] of [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${pct(us)}  ${name}`);
  }
  console.log('\n  by function (self time)');
  for (const [name, us] of [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${pct(us)}  ${name}`);
  }
}
