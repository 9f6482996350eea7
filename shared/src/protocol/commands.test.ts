import { describe, expect, it } from 'vitest';
import { commandPayloadSchemas, isCommandType } from './commands.ts';
import { normalizeJoinCode } from './limits.ts';
import { joinCodeSchema } from './schemas.ts';

describe('command schemas', () => {
  it.each([
    {
      type: 'topic:add',
      payload: { title: '  Pairing  ' },
      expected: { title: 'Pairing', description: '' },
    },
    {
      type: 'vote:cast',
      payload: { topicId: 't_1' },
      expected: { topicId: 't_1' },
    },
    { type: 'phase:change', payload: { to: 'vote' }, expected: { to: 'vote' } },
    {
      type: 'settings:update',
      payload: { settings: { votesPerPerson: 2 } },
      expected: { settings: { votesPerPerson: 2 } },
    },
  ] as const)('accepts a valid $type and normalises it', ({ type, payload, expected }) => {
    expect(commandPayloadSchemas[type].parse(payload)).toEqual(expected);
  });

  it.each([
    { name: 'wrong type', type: 'vote:cast', payload: { topicId: 42 } },
    { name: 'missing field', type: 'topic:add', payload: {} },
    { name: 'blank title', type: 'topic:add', payload: { title: '   ' } },
    {
      name: '100 KB string',
      type: 'topic:add',
      payload: { title: 'x'.repeat(100_000) },
    },
    {
      name: 'unknown key',
      type: 'vote:cast',
      payload: { topicId: 't1', admin: true },
    },
    {
      name: '__proto__ key',
      type: 'vote:cast',
      payload: JSON.parse('{"topicId":"t1","__proto__":{"role":"x"}}'),
    },
    {
      name: 'nested unknown key',
      type: 'settings:update',
      payload: { settings: { votesPerPerson: 2, evil: 1 } },
    },
    { name: 'array', type: 'vote:cast', payload: ['t1'] },
    { name: 'null', type: 'vote:cast', payload: null },
    {
      name: 'bad id characters',
      type: 'vote:cast',
      payload: { topicId: '../../etc' },
    },
    { name: 'unknown phase', type: 'phase:change', payload: { to: 'party' } },
    {
      name: 'budget too high',
      type: 'settings:update',
      payload: { settings: { votesPerPerson: 1000 } },
    },
    {
      name: 'fractional budget',
      type: 'settings:update',
      payload: { settings: { votesPerPerson: 2.5 } },
    },
  ] as const)('rejects $name', ({ type, payload }) => {
    expect(commandPayloadSchemas[type].safeParse(payload).success).toBe(false);
  });

  it.each([
    ['vote:cast', true],
    ['session:sync', false],
    ['__proto__', false],
    ['toString', false],
  ] as const)('isCommandType(%s) is %s', (name, expected) => {
    expect(isCommandType(name)).toBe(expected);
  });
});

describe('join codes', () => {
  it.each([
    ['abc-234', 'ABC234', true],
    [' xyz 789 ', 'XYZ789', true],
    ['ABC10O', 'ABC10O', false],
    ['ABCDEFG', 'ABCDEFG', false],
  ])('%s normalises to %s (valid: %s)', (input, normalised, valid) => {
    expect(normalizeJoinCode(input)).toBe(normalised);
    expect(joinCodeSchema.safeParse(normalised).success).toBe(valid);
  });
});
