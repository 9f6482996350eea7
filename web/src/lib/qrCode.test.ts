import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrSvg } from './qrCode.ts';

/** Reads the runs back out of the path: every dark module once, nothing else. */
function darkModules(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(width); i += 1) cells.add(`${Number(x) + i},${y}`);
  }
  return cells;
}

describe('qrSvg', () => {
  it.each(['https://runde.example/j/ABC234', 'http://192.168.1.20:3000/j/XYZ789'])(
    'draws exactly the dark modules of %s',
    (text) => {
      const { data, size } = encode(text, { ecc: 'M', border: 4 });
      const expected = new Set(data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`${x},${y}`] : []))));
      const svg = qrSvg(text);
      expect(svg.size).toBe(size);
      expect(darkModules(svg.path)).toEqual(expected);
    },
  );

  it('leaves a quiet zone of four modules', () => {
    const { size, path } = qrSvg('https://runde.example/j/ABC234');
    const cells = [...darkModules(path)].map((cell) => cell.split(',').map(Number));
    expect(Math.min(...cells.flat())).toBe(4);
    expect(Math.max(...cells.flat())).toBe(size - 5);
  });
});
