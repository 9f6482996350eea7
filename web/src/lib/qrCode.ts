import { encode } from 'uqr';

export interface QrSvg {
  /** Modules per side, quiet zone included: the `viewBox` is `0 0 size size`. */
  size: number;
  /** One path for all dark modules, a horizontal run per subpath: one DOM node however big the code. */
  path: string;
}

/**
 * The QR code for `text` as an SVG path. Error correction "M" keeps the code coarse enough to be
 * read from the back of a room yet survives a glare spot on the projection; the quiet zone of four
 * modules is what scanners expect around the code.
 */
export function qrSvg(text: string): QrSvg {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x]) x += 1;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, path };
}
