/**
 * What the metrics cost a node: the instrumentation each command pays (one ack observation, one
 * commit count, a fan-out timing with its two clock reads), and one scrape with every command
 * type, error code and the process metrics present. Compare with a command's ack time (about a
 * millisecond, a Redis round trip or two; see docs/performance.md).
 *
 *   npx tsx bench/metricsCost.ts --iterations 1000000 --scrapes 200
 */
import { performance } from 'node:perf_hooks';
import { kindCommandTypes, ErrorCode } from '@runde/shared';
import { createAppMetrics } from '@runde/server';
import { parseArgs } from './lib/args.ts';
import { loadAverage, machineInfo, printResultLine, printTable } from './lib/report.ts';

const args = parseArgs({ iterations: 1_000_000, scrapes: 200 });

const metrics = createAppMetrics({
  connectedSockets: () => 2000,
  liveSessions: () => 200,
  processMetrics: true,
  redis: true,
});

const types = kindCommandTypes;
const perCommand = () => {
  const start = performance.now();
  for (let i = 0; i < args.iterations; i += 1) {
    const type = types[i % types.length] ?? 'topic:add';
    const fanOutStarted = performance.now();
    metrics.observeFanOut((performance.now() - fanOutStarted) / 1000);
    metrics.observeAck(type, 0.0012);
    metrics.countCommit('lean-coffee');
  }
  return ((performance.now() - start) * 1e6) / args.iterations;
};
// Warm up, then measure.
args.iterations = Math.max(10_000, args.iterations);
perCommand();
const nsPerCommand = perCommand();

for (const code of Object.values(ErrorCode)) metrics.countError(code);
metrics.observeStorePing(0.0003);
let bytes = 0;
await metrics.scrape();
const scrapeStart = performance.now();
for (let i = 0; i < args.scrapes; i += 1) bytes = (await metrics.scrape()).length;
const msPerScrape = (performance.now() - scrapeStart) / args.scrapes;
metrics.close();

printTable('metrics cost', [
  { what: 'instrumentation per command (ack + commit + fan-out timing)', value: Math.round(nsPerCommand), unit: 'ns' },
  { what: `one scrape (${types.length} command types, process metrics)`, value: +msPerScrape.toFixed(2), unit: 'ms' },
  { what: 'scrape size', value: Math.round(bytes / 1024), unit: 'KB' },
]);
console.log(`load average now ${loadAverage()} (the machine is shared: figures are noisy when it is high)`);
printResultLine('metricsCost', {
  machine: machineInfo(),
  nsPerCommand: Math.round(nsPerCommand),
  msPerScrape: +msPerScrape.toFixed(2),
  scrapeBytes: bytes,
});
