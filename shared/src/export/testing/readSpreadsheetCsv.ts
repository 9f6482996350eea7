/**
 * Reads a CSV file the way a spreadsheet program opened by double-click does (RFC 4180): a UTF-8
 * BOM marks the encoding and is dropped, the locale's list separator splits cells (`;` in German
 * Excel, `,` in English), double quotes enclose cells that hold separators, quotes or line breaks,
 * and `""` inside them is one quote. Tests read the exports back with it, as their readers would.
 */
export function readSpreadsheetCsv(file: string, separator: ';' | ','): string[][] {
  const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
