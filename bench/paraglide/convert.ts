// Spike for issue 14 item 8: turns Runde's i18next catalogs into the inlang message format, so paraglide-js can
// compile them and the phone's JavaScript can be measured with compile-time messages instead of i18next.
//
//   pnpm --filter @runde/bench exec tsx paraglide/convert.ts <outdir>
//

// Writes <outdir>/messages/{de,en}.json and <outdir>/project.inlang/settings.json. `{{x}}` becomes the input `{x}`;
// `key_one` / `key_other` become one message `key` with a plural selector on `count`. Dots in keys stay (the
// message-format plugin reads them as a flat id); the compiler turns each id into an export of `messages.js`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { catalogs } from '../../web/src/lib/i18n/catalog.ts';
import { languages } from '../../web/src/lib/i18n/languages.ts';

type Tree = { [key: string]: string | Tree };
type Variant = {
  declarations: string[];
  selectors: string[];
  match: Record<string, string>;
};

const outdir = resolve(process.argv[2] ?? 'paraglide-out');
const pluginPath = resolve('../web/node_modules/@inlang/plugin-message-format/dist/index.js');

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/** `{{name}}` → `{name}`; a literal brace would need escaping, and the catalogs have none (checked below). */
function pattern(text: string): string {
  if (/(?<!\{)\{(?!\{)|(?<!\})\}(?!\})/.test(text.replaceAll(/\{\{\w+\}\}/g, ''))) {
    throw new Error(`literal brace in ${JSON.stringify(text)}`);
  }
  return text.replaceAll(/\{\{(\w+)\}\}/g, '{$1}');
}

/** Paraglide ids must be JavaScript identifiers for `m.id()`: dots become `__` (reversible, none of our keys has `__`). */
export const idOf = (key: string) => key.replaceAll('.', '__');

for (const language of languages) {
  const out: Record<string, string | Variant[]> = { $schema: 'https://inlang.com/schema/inlang-message-format' };
  const plurals = new Map<string, Record<string, string>>();
  for (const [key, text] of leaves(catalogs[language])) {
    const plural = /^(.*)_(one|other)$/.exec(key);
    if (plural) {
      const [, base = '', form = ''] = plural;
      plurals.set(base, { ...plurals.get(base), [form]: pattern(text) });
    } else {
      out[idOf(key)] = pattern(text);
    }
  }
  for (const [base, forms] of plurals) {
    const inputs = new Set(Object.values(forms).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
    inputs.delete('count');
    out[idOf(base)] = [
      {
        declarations: [
          'input count',
          ...[...inputs].map((name) => `input ${name}`),
          'local countPlural = count: plural',
        ],
        selectors: ['countPlural'],
        match: Object.fromEntries(Object.entries(forms).map(([form, text]) => [`countPlural=${form}`, text])),
      },
    ];
  }
  mkdirSync(join(outdir, 'messages'), { recursive: true });
  writeFileSync(join(outdir, 'messages', `${language}.json`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${language}: ${Object.keys(out).length - 1} messages (${plurals.size} with plural variants)`);
}

const project = join(outdir, 'project.inlang');
mkdirSync(project, { recursive: true });
writeFileSync(
  join(project, 'settings.json'),
  `${JSON.stringify(
    {
      $schema: 'https://inlang.com/schema/project-settings',
      baseLocale: 'de',
      locales: [...languages],
      // A local copy of the plugin: the build fetches nothing from a CDN.
      modules: [relative(outdir, pluginPath)],
      'plugin.inlang.messageFormat': { pathPattern: './messages/{locale}.json' },
    },
    null,
    2,
  )}\n`,
);
