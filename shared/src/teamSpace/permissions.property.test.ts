import { describe, expect, it } from 'vitest';
import { loopCommandPayloadSchemas } from '../protocol/loopCommands.ts';
import { walkPermissions } from '../core/testing/permissionWalk.ts';
import { teamSpaceWalk } from './testing/teamSpaceWalk.ts';

describe('team space permissions', () => {
  it('has a predicate and a generator for every command the protocol knows', () => {
    expect(Object.keys(teamSpaceWalk().commands).sort()).toEqual(Object.keys(loopCommandPayloadSchemas).sort());
  });

  it('agree with decideLoop for every command, over generated spaces, meetings and actors', () => {
    const coverage = walkPermissions(teamSpaceWalk());
    // Each command was tried both where the predicate allows it and where it does not.
    const thin = [...coverage].filter(([, seen]) => seen.yes === 0 || seen.no === 0);
    expect(thin).toEqual([]);
  }, 60_000);
});
