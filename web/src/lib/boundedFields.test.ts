import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12, item 11: the topic field stopped taking input at 140 characters and nothing said why.
 * The class is any field with a `maxlength`: each must be described by a character count (see
 * `CharacterCount.svelte`), so a person sees the limit coming and a screen reader says it. This
 * test reads the sources: every element with `maxlength` names, in its `aria-describedby`, the id
 * of a `<CharacterCount>` of the same file.
 */
const webSrc = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The opening tags of a Svelte file (attributes may hold `{…}` with `>` inside, e.g. arrows). */
function openingTags(source: string): string[] {
  const tags: string[] = [];
  for (let start = source.indexOf('<'); start >= 0; start = source.indexOf('<', start + 1)) {
    if (!/[a-zA-Z]/.test(source.charAt(start + 1))) continue;
    let depth = 0;
    let end = start + 1;
    for (; end < source.length; end += 1) {
      const char = source.charAt(end);
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      else if (char === '>' && depth === 0) break;
    }
    tags.push(source.slice(start, end + 1));
  }
  return tags;
}

/** An attribute's text as written (`"…"`, `{…}` with nested braces, or a shorthand `{name}`), or undefined. */
function attribute(tag: string, name: string): string | undefined {
  if (new RegExp(`\\s\\{${name}\\}`).test(tag)) return name;
  const at = new RegExp(`\\s${name}=(["{])`).exec(tag);
  if (!at) return undefined;
  const start = at.index + at[0].length - 1;
  if (at[1] === '"') return tag.slice(start, tag.indexOf('"', start + 1) + 1);
  let depth = 0;
  for (let end = start; end < tag.length; end += 1) {
    if (tag.charAt(end) === '{') depth += 1;
    else if (tag.charAt(end) === '}' && --depth === 0) return tag.slice(start, end + 1);
  }
  return undefined;
}

/** The ids a count's `id` attribute can take, as a pattern over the describedby text. */
const idPattern = (id: string) =>
  id
    .replace(/^"|"$/g, '')
    .replace(/^\{`|`\}$/g, '')
    .replace(/^\{|\}$/g, '');

const files = walk(webSrc).filter((path) => path.endsWith('.svelte'));

describe('every bounded text field shows its limit', () => {
  const fields = files.flatMap((path) => {
    const source = readFileSync(path, 'utf8');
    const tags = openingTags(source);
    const counts = tags.filter((tag) => tag.startsWith('<CharacterCount')).map((tag) => attribute(tag, 'id') ?? '');
    return tags
      .filter((tag) => /^<(input|textarea)\b/.test(tag) && attribute(tag, 'maxlength') !== undefined)
      .map((tag) => ({ file: relative(webSrc, path), tag, counts }));
  });

  it('finds the bounded fields', () => {
    // Topic, tension, closing round, names, outcomes, proposal, objections…: far more than a handful.
    expect(fields.length).toBeGreaterThan(15);
  });

  it.each(fields.map((field) => [`${field.file}: ${field.tag.replace(/\s+/g, ' ').slice(0, 60)}`, field]))(
    '%s is described by a character count',
    (_, { tag, counts }) => {
      const describedBy = attribute(tag, 'aria-describedby') ?? '';
      const described = counts.some((id) => id !== '' && describedBy.includes(idPattern(id)));
      expect(
        described,
        `aria-describedby=${describedBy || '(none)'}; counts in the file: ${counts.join(', ') || '(none)'}`,
      ).toBe(true);
    },
  );
});
