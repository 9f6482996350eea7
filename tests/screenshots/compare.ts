import { readdirSync, readFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { reasons } from './reasons.ts';
import { committedPng, SHOTS_DIR } from './shots.ts';

export interface Difference {
  name: string;
  size: string;
  /** Share of pixels that differ from the committed file, in percent; null when the sizes differ or it is new. */
  percent: number | null;
  reason: string;
}

/** Compares one file on disk with its committed version, pixel by pixel (pixelmatch's default threshold). */
export function compare(name: string): Difference {
  const now = PNG.sync.read(readFileSync(new URL(name, SHOTS_DIR)));
  const size = `${now.width}×${now.height}`;
  const reason = reasons[name] ?? '';
  const committed = committedPng(name);
  if (!committed) return { name, size, percent: null, reason: 'new file' };
  const before = PNG.sync.read(committed);
  if (before.width !== now.width || before.height !== now.height) {
    return { name, size, percent: null, reason: `size was ${before.width}×${before.height}` };
  }
  const differing = pixelmatch(before.data, now.data, null, now.width, now.height, { threshold: 0.1 });
  return { name, size, percent: (100 * differing) / (now.width * now.height), reason };
}

/** Prints one line per screenshot: name, size, differing pixels, and the known reason for a difference. */
export function printComparison(): Difference[] {
  const names = readdirSync(SHOTS_DIR)
    .filter((file) => file.endsWith('.png'))
    .sort();
  const rows = names.map(compare);
  for (const row of rows) {
    const percent = row.percent === null ? '   n/a' : `${row.percent.toFixed(2).padStart(6)} %`;
    console.log(`${row.name.padEnd(40)} ${row.size.padEnd(10)} ${percent}  ${row.reason}`);
  }
  const identical = rows.filter((row) => row.percent === 0).length;
  const small = rows.filter((row) => row.percent !== null && row.percent > 0 && row.percent < 1).length;
  console.log(
    `${rows.length} files: ${identical} identical, ${small} under 1 %, ${rows.length - identical - small} more`,
  );
  return rows;
}
