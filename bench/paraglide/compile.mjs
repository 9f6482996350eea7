// Spike for issue 14 item 8: compiles the converted catalogs with paraglide-js the way Runde would run it (locale
// in localStorage under Runde's key, else the browser's preference, else German).
//
//   node paraglide/compile.mjs <project.inlang> <outdir> [--static-locale de]
//
// paraglide-js is not a dependency of Runde: add it to web for the measurement (see docs/i18n.md) and remove it again.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [project, outdir] = process.argv.slice(2);
if (!project || !outdir) throw new Error('usage: node paraglide/compile.mjs <project.inlang> <outdir>');
const { compile } = await import(pathToFileURL(resolve('../web/node_modules/@inlang/paraglide-js/dist/index.js')).href);
const started = performance.now();
await compile({
  project: resolve(project),
  outdir: resolve(outdir),
  strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
  localStorageKey: 'runde:language',
});
console.log(`compiled in ${Math.round(performance.now() - started)} ms`);
// The inlang SDK keeps handles open for half a minute after compiling; a build plugin would not notice.
process.exit(0);
