import { describe, expect, it } from 'vitest';
import { commandPayloadSchemas } from '../protocol/commands.ts';
import { leanCoffeeWalk } from './testing/leanCoffeeWalk.ts';
import { walkPermissions } from '../core/testing/permissionWalk.ts';

describe('Lean Coffee permissions', () => {
  it('has a predicate and a generator for every command the protocol knows', () => {
    expect(Object.keys(leanCoffeeWalk().commands).sort()).toEqual(Object.keys(commandPayloadSchemas).sort());
  });

  it('agree with decide for every command, over generated boards and actors', () => {
    const coverage = walkPermissions(leanCoffeeWalk());
    // Each command was tried both where the predicate allows it and where it does not.
    const thin = [...coverage].filter(([, seen]) => seen.yes === 0 || seen.no === 0);
    expect(thin).toEqual([]);
  }, 60_000);
});
