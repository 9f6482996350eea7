// Spike for issue 14 item 8: rewrites `t('a.b', vars)` into paraglide's `m.a__b(vars)` and counts what a codemod
// cannot do mechanically (keys built at run time, keys passed around as values).
//
//   pnpm --filter @runde/bench exec tsx paraglide/codemod.ts [--write file…]   (no files: count over web/src)
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const webSrc = resolve('../web/src');
const write = process.argv.includes('--write');
const files = process.argv.slice(2).filter((arg) => arg !== '--write');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'paraglide' || name === 'i18n' ? [] : walk(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const idOf = (key: string) => key.replaceAll('.', '__');
const staticCall = /\bt\(\s*'([\w.]+)'\s*(\)|,\s*)/g;
const templateCall = /\bt\(\s*`/g;
const valueCall = /\bt\(\s*(?!['`\s])/g;
const errorCall = /\bi18n\.error\(/g;

const totals = { files: 0, static: 0, template: 0, value: 0, error: 0 };
for (const path of files.length > 0 ? files.map((file) => resolve(file)) : walk(webSrc)) {
  const text = readFileSync(path, 'utf8');
  const counts = {
    static: [...text.matchAll(staticCall)].length,
    template: [...text.matchAll(templateCall)].length,
    value: [...text.matchAll(valueCall)].length,
    error: [...text.matchAll(errorCall)].length,
  };
  if (counts.static + counts.template + counts.value + counts.error === 0) continue;
  totals.files += 1;
  totals.static += counts.static;
  totals.template += counts.template;
  totals.value += counts.value;
  totals.error += counts.error;
  if (write) {
    const next = text
      .replaceAll(staticCall, (_all, key: string, end: string) => `m.${idOf(key)}(${end === ')' ? ')' : ''}`)
      .replaceAll(errorCall, 'errorText(');
    writeFileSync(path, next);
  }
}
console.log(JSON.stringify(totals));
