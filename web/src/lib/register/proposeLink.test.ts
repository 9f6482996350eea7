import type { Register } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { proposeQuery, proposedChange } from './proposeLink.ts';

const register: Register = {
  roles: [
    { id: 'r1', name: 'Kasse', purpose: '', accountabilities: [], fillers: ['p1'], status: 'active', history: [] },
    { id: 'r0', name: 'Alt', purpose: '', accountabilities: [], fillers: [], status: 'removed', history: [] },
  ],
  rules: [],
};

const read = (query: string) => proposedChange(new URLSearchParams(query), register);

describe('propose links', () => {
  it('round-trips a change to an entry, prefilled from the register', () => {
    expect(proposeQuery('role:amend', 'r1')).toBe('?propose=role%3Aamend&entry=r1');
    expect(read(proposeQuery('role:amend', 'r1'))).toEqual({
      op: 'role:amend',
      roleId: 'r1',
      role: { name: 'Kasse', purpose: '', accountabilities: [] },
    });
    expect(read(proposeQuery('role:remove', 'r1'))).toEqual({ op: 'role:remove', roleId: 'r1' });
    expect(read(proposeQuery('rule:add'))).toEqual({ op: 'rule:add', rule: { title: '', text: '' } });
  });

  it.each([
    '',
    '?propose=role:explode&entry=r1',
    '?propose=role:amend',
    '?propose=role:amend&entry=r0',
    '?propose=rule:remove&entry=r1',
  ])('opens nothing for %j', (query) => {
    expect(read(query)).toBeNull();
  });
});
