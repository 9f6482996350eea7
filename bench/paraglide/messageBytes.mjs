// Spike for issue 14 item 8: what a set of compiled paraglide messages costs a phone, gzipped, without the runtime.
//
//   node paraglide/messageBytes.mjs <outdir> [keys.json]   (keys.json: message ids, e.g. ["join__heading"];
//                                                           without it: every message)
// Bundles `import { ids } from '<outdir>/messages/_index.js'` with esbuild (minified, tree-shaken, the runtime
// included and then subtracted), as Vite would put them into a route's chunks.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const outdir = resolve(process.argv[2] ?? '');
const ids = readdirSync(`${outdir}/messages`)
  .filter((file) => file.endsWith('.js') && file !== '_index.js')
  .map((file) => {
    const text = readFileSync(`${outdir}/messages/${file}`, 'utf8');
    const found = /export \{ (\w+)(?: as "?([^"\s]+)"?)? \}/.exec(text) ?? /export const (\w+) =/.exec(text);
    return found ? (found[2] ?? found[1]) : undefined;
  })
  .filter((id) => id !== undefined);
const wanted = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], 'utf8')) : ids;

async function gzipped(list) {
  const imports = list.map((id, i) => `${JSON.stringify(id)} as x${i}`).join(', ');
  const entry = `import { overwriteGetLocale } from './runtime.js'; overwriteGetLocale(() => globalThis.l);
import { ${imports} } from './messages/_index.js'; globalThis.x = [${list.map((_, i) => `x${i}`).join(',')}];`;
  const result = await build({
    stdin: { contents: entry, resolveDir: outdir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const runtime = await gzipped([]);
console.log(
  JSON.stringify({ messages: wanted.length, runtimeGzip: runtime, messagesGzip: (await gzipped(wanted)) - runtime }),
);
