import { limits, type Register } from '@runde/shared/client';
import { registerChangeInputSchema, type RegisterChangeInput } from '@runde/shared/protocol';
import { describe, expect, it } from 'vitest';
import {
  cleanRegisterChanges,
  mayAddRegisterChange,
  newRegisterChange,
  opKey,
  registerChangeOps,
  registerChangesComplete,
} from './registerChanges.ts';

const register: Register = {
  roles: [
    {
      id: 'gone',
      name: 'Old',
      purpose: '',
      accountabilities: [],
      fillers: [],
      status: 'removed',
      history: [],
    },
    {
      id: 'r1',
      name: 'Moderation',
      purpose: 'Gute Meetings',
      accountabilities: ['Leitet die Meetings'],
      fillers: ['p1'],
      status: 'active',
      history: [],
    },
  ],
  rules: [{ id: 'u1', title: 'Ruhe', text: 'Freitags keine Meetings', status: 'active', history: [] }],
};

describe('newRegisterChange', () => {
  it('starts an amendment from the first active entry as it is, without sharing its arrays', () => {
    const change = newRegisterChange('role:amend', register);
    expect(change).toEqual({
      op: 'role:amend',
      roleId: 'r1',
      role: { name: 'Moderation', purpose: 'Gute Meetings', accountabilities: ['Leitet die Meetings'] },
    });
    if (change?.op !== 'role:amend') throw new Error('amend expected');
    change.role.accountabilities.push('x');
    expect(register.roles[1]!.accountabilities).toEqual(['Leitet die Meetings']);
  });

  it.each(['role:amend', 'role:assign', 'role:remove', 'rule:amend', 'rule:remove'] as const)(
    'has nothing to %s in an empty register',
    (op) => {
      expect(newRegisterChange(op, { roles: [], rules: [] })).toBeNull();
    },
  );

  it('never targets a removed entry', () => {
    expect(newRegisterChange('role:remove', register, 'gone')).toBeNull();
    expect(newRegisterChange('role:assign', register, 'r1')).toEqual({
      op: 'role:assign',
      roleId: 'r1',
      fillers: ['p1'],
    });
  });

  it('gives every op a message key without the namespace colon', () => {
    expect(registerChangeOps.map(opKey)).toEqual([
      'roleAdd',
      'roleAmend',
      'roleAssign',
      'roleRemove',
      'ruleAdd',
      'ruleAmend',
      'ruleRemove',
    ]);
  });
});

describe('cleanRegisterChanges', () => {
  it('drops blank accountabilities and trims, so the server schema accepts what the editor built', () => {
    const raw: RegisterChangeInput[] = [
      { op: 'role:add', role: { name: ' Kasse ', purpose: ' ', accountabilities: ['', ' Zahlt ', '  '] }, fillers: [] },
      { op: 'rule:add', rule: { title: ' T ', text: ' Text ' } },
    ];
    // The raw value fails the command's schema; the cleaned one passes it.
    expect(raw.every((change) => registerChangeInputSchema.safeParse(change).success)).toBe(false);
    const clean = cleanRegisterChanges(raw);
    expect(clean[0]).toEqual({
      op: 'role:add',
      role: { name: 'Kasse', purpose: '', accountabilities: ['Zahlt'] },
      fillers: [],
    });
    expect(clean.every((change) => registerChangeInputSchema.safeParse(change).success)).toBe(true);
  });

  it('says a role without a name or a rule without text is not complete', () => {
    expect(registerChangesComplete([newRegisterChange('role:add', register)!])).toBe(false);
    expect(registerChangesComplete([{ op: 'rule:amend', ruleId: 'u1', rule: { title: 'T', text: ' ' } }])).toBe(false);
    expect(registerChangesComplete([newRegisterChange('role:amend', register)!])).toBe(true);
  });

  it('bounds the changes of one proposal', () => {
    expect(mayAddRegisterChange(new Array(limits.registerChangesPerProposal - 1))).toBe(true);
    expect(mayAddRegisterChange(new Array(limits.registerChangesPerProposal))).toBe(false);
  });
});
