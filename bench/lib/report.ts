import { cpus, loadavg, totalmem } from 'node:os';

/** Prints rows as an aligned text table; numbers right-aligned, NaN as "–". */
export function printTable(title: string, rows: Array<Record<string, string | number | boolean | null>>): void {
  console.log(`\n${title}`);
  if (rows.length === 0) {
    console.log('  (no rows)');
    return;
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | boolean | null | undefined) =>
    v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '–' : String(v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[], numeric: boolean[]) =>
    '  ' + values.map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ');
  console.log(
    line(
      columns,
      columns.map(() => false),
    ),
  );
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) {
    console.log(
      line(
        columns.map((c) => cell(row[c])),
        columns.map((c) => typeof row[c] === 'number'),
      ),
    );
  }
}

/** The one machine-readable line a benchmark prints last: a JSON object starting with `{"bench":`. */
export function printResultLine(bench: string, result: object): void {
  console.log(JSON.stringify({ bench, at: new Date().toISOString(), ...result }));
}

/** What the figures were measured on, printed with every result. */
export function machineInfo() {
  return {
    node: process.version,
    cpus: osCpus(),
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    platform: `${process.platform} ${process.arch}`,
  };
}

function osCpus(): string {
  const list = cpus();
  return `${list.length} × ${list[0]?.model.trim() ?? 'unknown'}`;
}

/** The 1-minute load average: a hint of how busy the (shared) machine was around the run. */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
