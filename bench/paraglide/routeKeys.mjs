// Spike for issue 14 item 8: which message keys a route's downloaded chunks name, read from the built app and from
// `pnpm bench:web --assets` output (saved to a file): static key strings, and every key a template prefix such as
// `phases.${phase}` can reach. Prints the count and writes the paraglide ids to <out.json> for messageBytes.mjs.
//
//   node paraglide/routeKeys.mjs <bench-output.txt> "lean-coffee de board" <catalog-keys.json> <out.json>
//
// catalog-keys.json: every key of the catalog, e.g. from convert.ts's messages/de.json (ids with `__`).
import { readFileSync, writeFileSync } from 'node:fs';

const [benchFile, section, catalogFile, outFile] = process.argv.slice(2);
const keys = Object.keys(JSON.parse(readFileSync(catalogFile, 'utf8')))
  .filter((id) => id !== '$schema')
  .map((id) => id.replaceAll('__', '.'));
const text = readFileSync(benchFile, 'utf8');
const block = text.slice(text.indexOf(`${section}: gzip kB, file`)).split('\n\n')[0];
const files = [...block.matchAll(/(\/_app\/\S+\.js)/g)].map((match) => match[1]);
const used = new Set();
const prefixes = new Set();
for (const file of files) {
  const code = readFileSync(`../web/build/client${file}`, 'utf8');
  for (const match of code.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)["'`]/g)) {
    if (keys.includes(match[1])) used.add(match[1]);
  }
  for (const match of code.matchAll(/`([a-z][A-Za-z]*\.[A-Za-z_.]*)\$\{/g)) prefixes.add(match[1]);
}
for (const prefix of prefixes) {
  for (const key of keys) if (key.startsWith(prefix) && !key.slice(prefix.length).includes('.')) used.add(key);
}
console.log(JSON.stringify({ section, files: files.length, keys: used.size, prefixes: [...prefixes] }));
writeFileSync(outFile, JSON.stringify([...used].map((key) => key.replaceAll('.', '__'))));
