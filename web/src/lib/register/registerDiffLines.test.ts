import type { Register } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { adoptedDiffLines, pendingDiffLines } from './registerDiffLines.ts';

const register: Register = {
  roles: [
    {
      id: 'r1',
      name: 'Moderation',
      purpose: 'Gute Meetings',
      accountabilities: ['Leitet die Meetings', 'Lädt ein'],
      fillers: ['p1'],
      status: 'active',
      history: [],
    },
  ],
  rules: [{ id: 'u1', title: 'Ruhe', text: 'Freitags keine Meetings', status: 'active', history: [] }],
};

describe('pendingDiffLines', () => {
  it('shows only what an amendment changes, lists by item', () => {
    const [line] = pendingDiffLines(register, [
      {
        op: 'role:amend',
        roleId: 'r1',
        role: {
          name: 'Moderation',
          purpose: 'Gute Meetings',
          accountabilities: ['Leitet die Meetings', 'Schreibt mit'],
        },
      },
    ]);
    expect(line).toEqual({
      kind: 'changed',
      entry: 'role',
      name: 'Moderation',
      formerName: null,
      fields: [
        { field: 'accountabilities', added: ['Schreibt mit'], removed: ['Lädt ein'], kept: ['Leitet die Meetings'] },
      ],
    });
  });

  it('names a renamed entry by its new and its former name', () => {
    const [line] = pendingDiffLines(register, [
      { op: 'rule:amend', ruleId: 'u1', rule: { title: 'Stille', text: 'Freitags keine Meetings' } },
    ]);
    expect(line).toMatchObject({ kind: 'changed', name: 'Stille', formerName: 'Ruhe' });
    expect(line?.fields).toEqual([{ field: 'title', before: 'Ruhe', after: 'Stille' }]);
  });

  it('applies changes in order: a later change sees what an earlier one did', () => {
    const lines = pendingDiffLines(register, [
      { op: 'role:add', roleId: 'new', role: { name: 'Kasse', purpose: '', accountabilities: [] }, fillers: [] },
      { op: 'role:assign', roleId: 'new', fillers: ['p2'] },
      { op: 'role:assign', roleId: 'r1', fillers: ['p1', 'p2'] },
      { op: 'rule:remove', ruleId: 'u1' },
    ]);
    expect(lines.map((l) => [l.kind, l.name])).toEqual([
      ['added', 'Kasse'],
      ['assigned', 'Kasse'],
      ['assigned', 'Moderation'],
      ['removed', 'Ruhe'],
    ]);
    expect(lines[2]?.fields).toEqual([{ field: 'fillers', added: ['p2'], removed: [], kept: ['p1'] }]);
    // A removal shows everything that goes.
    expect(lines[3]?.fields.map((f) => f.field)).toEqual(['title', 'text']);
  });

  it('still draws a line for a change whose entry is gone', () => {
    expect(pendingDiffLines(register, [{ op: 'role:remove', roleId: 'nope' }])).toEqual([
      { kind: 'removed', entry: 'role', name: '', formerName: null, fields: expect.any(Array) },
    ]);
  });
});

describe('adoptedDiffLines', () => {
  it('takes the before of an adopted change from the entry history', () => {
    const after: Register = {
      ...register,
      roles: [
        {
          ...register.roles[0]!,
          purpose: 'Kurze Meetings',
          history: [
            {
              decisionId: 'd1',
              decisionNumber: 1,
              at: 0,
              op: 'role:amend',
              before: {
                name: 'Moderation',
                purpose: 'Gute Meetings',
                accountabilities: ['Leitet die Meetings', 'Lädt ein'],
              },
            },
          ],
        },
      ],
    };
    const [line] = adoptedDiffLines(after, {
      id: 'd1',
      changes: [
        {
          op: 'role:amend',
          roleId: 'r1',
          role: {
            name: 'Moderation',
            purpose: 'Kurze Meetings',
            accountabilities: ['Leitet die Meetings', 'Lädt ein'],
          },
        },
      ],
    });
    expect(line?.fields).toEqual([{ field: 'purpose', before: 'Gute Meetings', after: 'Kurze Meetings' }]);
  });
});
