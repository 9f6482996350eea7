import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commandPayloadSchemasOfAllKinds } from '../kinds.ts';
import {
  claimFacilitatorRequestSchema,
  createSessionRequestSchema,
  createTeamSpaceRequestSchema,
  joinSessionRequestSchema,
} from './http.ts';
import { commandMetaSchema, handshakeAuthSchema, syncRequestSchema } from './socketEvents.ts';
import { cleanUserText, looksEmpty, nameKey } from './textCleaning.ts';
import { displayNameSchema, topicDescriptionSchema } from './schemas.ts';
import { userTextSchemas } from './userText.ts';

/** Every schema a client's input meets: socket commands, handshake and sync, HTTP bodies. */
const inbound: Record<string, z.ZodType> = {
  ...commandPayloadSchemasOfAllKinds,
  handshake: handshakeAuthSchema,
  sync: syncRequestSchema,
  commandMeta: commandMetaSchema,
  'POST /api/sessions': createSessionRequestSchema,
  'POST /api/spaces': createTeamSpaceRequestSchema,
  'POST /api/sessions/:code/participants': joinSessionRequestSchema,
  'POST /api/sessions/:code/facilitator': claimFacilitatorRequestSchema,
};

interface StringLeaf {
  path: string;
  schema: z.ZodType;
  kind: 'userText' | 'patterned' | 'raw';
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  pattern?: unknown;
  checks?: Array<{ _zod: { def: { pattern?: unknown } } }>;
}

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** Strings whose every accepted value matches an anchored pattern: ids, codes, secrets, dates. */
function patterned(def: Def): boolean {
  return def.pattern instanceof RegExp || !!def.checks?.some((c) => c._zod.def.pattern instanceof RegExp);
}

/** Walks a schema down to its string leaves. A shape it does not know fails the test, so new ones get looked at. */
function stringLeaves(schema: z.ZodType, path: string): StringLeaf[] {
  if (userTextSchemas.has(schema)) return [{ path, schema, kind: 'userText' }];
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [{ path, schema, kind: patterned(def) ? 'patterned' : 'raw' }];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => stringLeaves(value, `${path}.${key}`));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return stringLeaves(def.innerType!, path);
    case 'array':
      return stringLeaves(def.element!, `${path}[]`);
    case 'record':
      return [...stringLeaves(def.keyType!, `${path}{key}`), ...stringLeaves(def.valueType!, `${path}{}`)];
    case 'union':
      return (def.options ?? []).flatMap((option, i) => stringLeaves(option, `${path}|${i}`));
    case 'pipe':
      return stringLeaves(def.in!, path);
    case 'enum':
    case 'literal':
    case 'number':
    case 'int':
    case 'boolean':
      return [];
    default:
      throw new Error(`${path}: unexpected schema type ${def.type}`);
  }
}

const leaves = Object.entries(inbound).flatMap(([name, schema]) => stringLeaves(schema, name));

/** What must never survive into stored user text. */
const FORBIDDEN = /(?!\n)[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

const hostile = [
  'Ana\u0000',
  '\u001b[31mAna',
  '\u202eanA',
  'A\u2066n\u2069a\u200f',
  'Ana\r# Heading',
  'Ana\u2028\u2029\u0085\v\f',
  '\u0080Ana\u009f',
];

describe('every string a client sends', () => {
  it('finds the strings of every inbound schema', () => {
    expect(leaves.length).toBeGreaterThan(40);
  });

  it.each(leaves.map((leaf) => [leaf.path, leaf] as const))(
    '%s is built with the user-text helper or bound to a pattern',
    (_path, leaf) => {
      expect(leaf.kind).not.toBe('raw');
    },
  );

  it.each(leaves.map((leaf) => [leaf.path, leaf] as const))(
    '%s never keeps a control, bidi or odd line-break character',
    (_path, leaf) => {
      for (const text of hostile) {
        const parsed = leaf.schema.safeParse(text);
        if (parsed.success) expect(parsed.data).not.toMatch(FORBIDDEN);
      }
    },
  );
});

describe('cleanUserText', () => {
  it.each([
    { raw: ' Ana\u0000 ', lines: 'single', clean: 'Ana' },
    { raw: '\u202eAna\u202c', lines: 'single', clean: 'Ana' },
    { raw: 'A\r\nB\rC\u2028D\u0085E\vF\fG', lines: 'single', clean: 'A B C D E F G' },
    { raw: 'A\r\nB\rC\u2028D\u2029E', lines: 'multi', clean: 'A\nB\nC\nD\nE' },
    { raw: 'Zoe\u0308', lines: 'single', clean: 'Zoë' },
    { raw: 'a\tb', lines: 'single', clean: 'a b' },
    { raw: '👩‍👩‍👧 Team', lines: 'single', clean: '👩‍👩‍👧 Team' },
  ] as const)('$raw ($lines) → $clean', ({ raw, lines, clean }) => {
    expect(cleanUserText(raw, lines)).toBe(clean);
  });

  it('leaves nothing forbidden in any text, single- or multi-line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('single', 'multi'), (raw, lines) => {
        const clean = cleanUserText(raw, lines);
        expect(clean).not.toMatch(FORBIDDEN);
        if (lines === 'single') expect(clean).not.toContain('\n');
        expect(clean).toBe(clean.normalize('NFC'));
      }),
    );
  });
});

describe('names', () => {
  it.each(['', '   ', '\u200b', '\u200b\u200d\u2060', '\u0301\u0301', '\u3164', '\u2800', '\u00ad', '\u202e\u0000'])(
    'refuses a name that shows nothing (%j)',
    (name) => {
      expect(displayNameSchema.safeParse(name).success).toBe(false);
      expect(looksEmpty(cleanUserText(name, 'single'))).toBe(true);
    },
  );

  it('keeps a name stored in NFC without control or bidi characters', () => {
    expect(displayNameSchema.parse('\u202eZoe\u0308\u0000')).toBe('Zoë');
  });

  it.each([
    ['Ana', 'ana'],
    ['Ana', ' ANA '],
    ['Ana', 'Ana\u200b'],
    ['Ana Lena', 'Ana  Lena'],
    ['Straße', 'STRASSE'],
    ['Ana', 'Ａｎａ'],
    ['Zoë', 'Zoe\u0308'],
  ])('%j and %j are one name', (a, b) => {
    expect(nameKey(cleanUserText(a, 'single'))).toBe(nameKey(cleanUserText(b, 'single')));
  });

  it.each([
    ['Ana', 'Anna'],
    ['Jan', 'Jana'],
  ])('%j and %j are different names', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('keeps the line breaks of multi-line fields as \\n', () => {
    expect(topicDescriptionSchema.parse('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });
});
