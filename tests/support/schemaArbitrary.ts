import fc from 'fast-check';
import { z, type ZodType } from 'zod';

/** The part of JSON Schema that zod's `toJSONSchema` writes for our protocol schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

/** Generated collections stay short: the point is the shape of each value, not its bulk. */
const MAX_GENERATED_ITEMS = 4;
const INT32 = 2 ** 31 - 1;

/**
 * Strings a person could type that are still inside the schema's length: right-to-left overrides,
 * zero-width and combining marks, NUL and escape, lone surrogates, emoji, and plain text.
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '\u202EevilFacilitator',
    '\u200B\u200C\u200D\uFEFF',
    'a\u0000b',
    '\u001B[31mred',
    '\uD800',
    '\uDFFF\uD800',
    'e\u0301\u0301\u0301',
    '👩‍👩‍👧‍👦',
    '=cmd|"/c calc"!A1',
    '<script>alert(1)</script>',
    '\r# heading',
    '__proto__',
    ' ',
  ),
);

function stringFor(schema: JsonSchema, idPool: readonly string[]): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.pattern !== undefined) {
    const matching = fc.stringMatching(new RegExp(schema.pattern), { size: 'small' }).filter(fits);
    // Ids that exist in the session, so that valid commands reach the rules and sometimes apply.
    const known = idPool.filter((id) => fits(id) && new RegExp(schema.pattern ?? '').test(id));
    return known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, matching) : matching;
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, 40) }),
    hostileText.filter(fits),
    fc.constant('x'.repeat(max)),
  );
}

/**
 * An arbitrary for the values a zod schema accepts as input. `z.toJSONSchema`, not the schema's own
 * method: the settings parts are zod/mini objects (the browser's forms share them), which only the
 * function knows how to write.
 */
export function arbitraryForSchema(schema: ZodType, idPool: readonly string[] = []): fc.Arbitrary<unknown> {
  return arbitraryFor(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, idPool);
}

/**
 * An arbitrary for values a JSON Schema accepts, built from the schema itself so that every
 * command's generator follows its zod schema (via `toJSONSchema`) without being written by hand.
 * It throws on a construct it does not know, so a new kind of schema is noticed, not skipped.
 */
export function arbitraryFor(schema: JsonSchema, idPool: readonly string[] = []): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, idPool)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type) => arbitraryFor({ ...schema, type }, idPool)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -INT32, -INT32),
        max: Math.min(schema.maximum ?? INT32, INT32),
      });
    case 'string':
      return stringFor(schema, idPool);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS));
      return fc.array(arbitraryFor(schema.items ?? {}, idPool), { minLength, maxLength });
    }
    case 'object':
      return objectFor(schema, idPool);
    case undefined:
      // A schema with neither a type nor an enum names nothing to generate from.
      break;
  }
  throw new Error(`No arbitrary for JSON Schema ${JSON.stringify(schema)}`);
}

function objectFor(schema: JsonSchema, idPool: readonly string[]): fc.Arbitrary<unknown> {
  const { properties = {}, required = [], propertyNames, additionalProperties } = schema;
  if (propertyNames && typeof additionalProperties === 'object') {
    return fc.dictionary(arbitraryFor(propertyNames, idPool).map(String), arbitraryFor(additionalProperties, idPool), {
      maxKeys: MAX_GENERATED_ITEMS,
    });
  }
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, arbitraryFor(s, idPool)]));
  return fc.record(model, { requiredKeys: required });
}

/** Values no schema of ours accepts where they land: wrong types, odd numbers, deep or wide shapes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileText,
  fc.constantFrom(
    null,
    true,
    0,
    -0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    [],
    {},
    'x'.repeat(20_000),
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    { constructor: { prototype: { polluted: true } } },
    { $gt: '' },
    { _placeholder: true, num: 0 },
  ),
  fc.integer({ min: 1, max: 40 }).map((depth) => nestedArrays(depth)),
  fc
    .integer({ min: 100, max: 3_000 })
    .map((keys) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]))),
);

function nestedArrays(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}
