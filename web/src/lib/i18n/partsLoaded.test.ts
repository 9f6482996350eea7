import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogs } from './catalog.ts';
import type { LazyPart } from './i18n.svelte.ts';

/**
 * Issue 12, defect 8: the site footer rendered `accessibility.footerLink`, a key of a part that only
 * the accessibility page loads, so the start page, /join and /j/CODE showed the raw key. This test
 * reads the sources: for every route it follows the imports from the route's page and layouts and
 * checks that each message key a reached file names belongs to the core texts or to a part that
 * is loaded before that file renders (`i18n.need` in the route's loads, or next to the dynamic
 * import that brings the file in).
 */
const lazyParts: readonly LazyPart[] = [
  'loop',
  'space',
  'register',
  'meeting',
  'governance',
  'minutes',
  'export',
  'accessibility',
  'privacy',
  'start',
  'settings',
  'share',
  'backup',
  'facilitate',
  'projector',
  'summary',
  'hall',
  'seats',
  'signIn',
];

const webSrc = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const routesDir = join(webSrc, 'routes');

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`.replace(/_(one|other)$/, '')] : keysOf(value, `${prefix}${key}.`),
  );
const messageKeys = keysOf(catalogs.de);

/** Whether a string in the code is a message key, or the fixed start of one built from a template. */
function isMessageKey(text: string): boolean {
  const templated = text.indexOf('${');
  if (templated < 0) return messageKeys.includes(text);
  const start = text.slice(0, templated);
  return messageKeys.some((key) => key.startsWith(start));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = new Map(
  walk(webSrc)
    .filter((path) => /\.(svelte|ts)$/.test(path) && !path.endsWith('.test.ts'))
    .map((path) => [path, readFileSync(path, 'utf8')]),
);

/** The parts named in `need(...)` calls within `text`. */
function neededParts(text: string): Set<LazyPart> {
  const parts = new Set<LazyPart>();
  for (const call of text.matchAll(/\bneed\(([^)]*)\)/g)) {
    for (const name of (call[1] ?? '').matchAll(/'(\w+)'/g)) {
      if ((lazyParts as readonly string[]).includes(name[1] ?? '')) parts.add(name[1] as LazyPart);
    }
  }
  return parts;
}

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('$lib/')) base = join(webSrc, 'lib', specifier.slice('$lib/'.length));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return undefined;
  return [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')].find((path) => sources.has(path));
}

interface Edge {
  readonly to: string;
  /** Parts loaded together with this (dynamic) import. */
  readonly with: ReadonlySet<LazyPart>;
}

/** Static imports, and dynamic ones with the parts awaited in the same `Promise.all`. */
function importsOf(path: string): Edge[] {
  const text = sources.get(path) ?? '';
  const edges: Edge[] = [];
  const grouped = /Promise\.all\(\s*\[([\s\S]*?)\]\s*\)/g;
  const ungrouped = text.replace(grouped, '');
  for (const match of ungrouped.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)) {
    const to = resolveImport(path, match[1] ?? match[2] ?? '');
    if (to) edges.push({ to, with: new Set() });
  }
  for (const group of text.matchAll(grouped)) {
    const body = group[1] ?? '';
    const parts = neededParts(body);
    for (const match of body.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) {
      const to = resolveImport(path, match[1] ?? '');
      if (to) edges.push({ to, with: parts });
    }
  }
  return edges;
}

/** The lazy parts a file's own code names in a message key (`'space.title'`, `` `meeting.${x}` ``). */
function partsUsedBy(path: string): Map<LazyPart, string> {
  const used = new Map<LazyPart, string>();
  // The catalogs and their loader name the parts themselves; they render nothing.
  if (path.startsWith(join(webSrc, 'lib', 'i18n'))) return used;
  const text = sources.get(path) ?? '';
  for (const match of text.matchAll(/['"`]([a-z][a-zA-Z]*)\.([a-zA-Z]+[\w.${}]*)/g)) {
    const part = match[1] as LazyPart;
    const key = `${match[1]}.${match[2]}`;
    if (lazyParts.includes(part) && !used.has(part) && isMessageKey(key)) used.set(part, key);
  }
  return used;
}

/** Each route: the files that render it (page, layouts, their loads) and the parts its loads await. */
function routes(): { name: string; roots: string[]; parts: Set<LazyPart> }[] {
  return [...sources.keys()]
    .filter((path) => path.startsWith(routesDir) && path.endsWith('+page.svelte'))
    .map((page) => {
      const roots: string[] = [];
      const parts = new Set<LazyPart>();
      for (let dir = dirname(page); dir.startsWith(routesDir); dir = dirname(dir)) {
        const files = dir === dirname(page) ? ['+page.svelte', '+page.ts'] : [];
        for (const name of [...files, '+layout.svelte', '+layout.ts']) {
          const path = join(dir, name);
          if (!sources.has(path)) continue;
          roots.push(path);
          // A load's awaited `need` holds back the route's first render.
          if (name.endsWith('.ts')) for (const part of neededParts(sources.get(path) ?? '')) parts.add(part);
        }
      }
      return { name: relative(routesDir, dirname(page)) || '/', roots, parts };
    });
}

/** Every file a route can render, with the parts surely loaded by the time it renders. */
function reach(roots: string[], parts: ReadonlySet<LazyPart>): Map<string, Set<LazyPart>> {
  const seen = new Map<string, Set<LazyPart>>();
  const stack = roots.map((path) => ({ path, parts: new Set(parts) }));
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const known = seen.get(next.path);
    // A file reached by two ways is only sure of the parts loaded on both.
    const merged = known ? new Set([...known].filter((part) => next.parts.has(part))) : next.parts;
    if (known && merged.size === known.size) continue;
    seen.set(next.path, merged);
    for (const edge of importsOf(next.path)) stack.push({ path: edge.to, parts: new Set([...merged, ...edge.with]) });
  }
  return seen;
}

describe('message parts', () => {
  it.each(routes())('route $name only renders keys of parts it has loaded', ({ roots, parts }) => {
    const missing: string[] = [];
    for (const [path, loaded] of reach(roots, parts)) {
      for (const [part, example] of partsUsedBy(path)) {
        if (!loaded.has(part)) missing.push(`${relative(webSrc, path)} uses ${example} (part "${part}" not loaded)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
