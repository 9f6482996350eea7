/** The hall benchmark's tables: the figures of every window, next to their targets. */
import { printTable } from './report.ts';
import { round } from './stats.ts';
import type { WindowResult } from './hallWindow.ts';

export interface HallTargets {
  voteP99Ms: number;
  stalenessP99Ms: number;
}

export function printHallReport(
  windows: readonly WindowResult[],
  ratio: Record<string, number> | null,
  targets: HallTargets,
): void {
  const met = (value: number, target: number) => (Number.isNaN(value) ? '–' : value <= target ? 'yes' : 'no');
  printTable(
    `Table vote → every other phone at the table (ms; target p99 ≤ ${targets.voteP99Ms} ms)`,
    windows.map((w) => ({
      window: w.label,
      server: w.server,
      phones: w.phones,
      votes: w.votes,
      p50: w.allOthers.p50,
      p95: w.allOthers.p95,
      p99: w.allOthers.p99,
      max: w.allOthers.max,
      target: `≤ ${targets.voteP99Ms}`,
      met: met(w.allOthers.p99, targets.voteP99Ms),
      'per phone p50': w.perPhone.p50,
      'per phone p99': w.perPhone.p99,
      'ack p99': w.ack.p99,
      errors: Object.values(w.errors).reduce((a, b) => a + b, 0),
      missing: w.missing,
    })),
  );
  printTable(
    `Organiser overview staleness: table commit acked → organiser holds that version (ms; target p99 ≤ ${targets.stalenessP99Ms} ms)`,
    windows
      .filter((w) => w.staleness)
      .map((w) => ({
        window: w.label,
        commits: w.staleness?.count ?? 0,
        p50: w.staleness?.p50 ?? null,
        p99: w.staleness?.p99 ?? null,
        max: w.staleness?.max ?? null,
        target: `≤ ${targets.stalenessP99Ms}`,
        met: met(w.staleness?.p99 ?? Number.NaN, targets.stalenessP99Ms),
        'never covered': w.staleness?.missing ?? 0,
        'pushes/s': w.overviewPushesPerSecond,
        'organiser B/min': w.organiserBytesPerMinute,
      })),
  );
  printTable(
    'Server node during each window (CPU as a share of one core)',
    windows.map((w) => ({
      window: w.label,
      server: w.server,
      'server CPU': w.serverCpu,
      'RSS before MB': w.serverRssMb.before,
      'RSS max MB': w.serverRssMb.max,
      'RSS after MB': w.serverRssMb.after,
      'loop delay p99 ms': w.serverLoop?.p99 ?? null,
      'loop delay max ms': w.serverLoop?.max ?? null,
      'client workers CPU': w.clientCpu,
      'machine busy cores': w.machine.busyCores,
      'CPU pressure': w.machine.cpuPressure,
    })),
  );
  printTable(
    "Slowest votes of each Runde window (until every other phone had it), with the node's longest stall or GC pause meanwhile",
    windows
      .filter((w) => w.server === 'Runde')
      .flatMap((w) =>
        w.slowest.map((v) => ({
          window: w.label,
          ms: v.ms,
          's into the window': v.atS,
          'ack ms': v.ackMs,
          'node stall ms': v.serverStallMs,
        })),
      ),
  );
  const big = windows[0];
  const few = windows[1];
  printTable(
    'Bytes per phone per minute of voting (raw bytes received on its connection; the same votes per table and second in every window)',
    windows.map((w) => ({
      window: w.label,
      server: w.server,
      tables: w.tables,
      phones: w.phones,
      p50: w.bytesPerPhoneMinute.p50,
      mean: w.bytesPerPhoneMinute.mean,
      min: w.bytesPerPhoneMinute.min,
      max: w.bytesPerPhoneMinute.max,
      'per table vote p50': w.bytesPerTableVote.p50,
    })),
  );
  if (big && few) {
    console.log(
      `  per phone, ${big.tables} tables / ${few.tables} tables: ${round(big.bytesPerPhoneMinute.mean / few.bytesPerPhoneMinute.mean)} × per minute, ${round(big.bytesPerTableVote.mean / few.bytesPerTableVote.mean)} × per table vote (means)`,
    );
  }
  if (ratio) {
    printTable('Runde / bare Socket.IO, same votes to rooms of 8 (vote → every other phone)', [ratio]);
  }
}
