import { describe, expect, it } from 'vitest';
import { limits } from '../protocol/limits.ts';
import { applyLoop } from './apply.ts';
import { teamSpace } from './testing/fixtures.ts';
import type { RegisterChangeInput } from '../protocol/betweenMeetingsCommands.ts';
import { applyRegisterChanges, registerChangesApplicable, withRegisterIds } from './register.ts';
import { registerDiff } from './registerDiff.ts';
import {
  activeRoles,
  activeRules,
  registerChangesSince,
  registerEntryHistory,
  rolesFilledBy,
} from './registerSelectors.ts';
import { emptyRegister, type Register, type RegisterChange, type RoleContent } from './registerTypes.ts';

const ids = () => {
  let n = 0;
  return (kind: string) => `${kind}-${++n}`;
};

const host: RoleContent = { name: 'Gastgeber:in', purpose: 'Gäste fühlen sich willkommen', accountabilities: ['Tee'] };
const adopt = (register: Register, decisionNumber: number, at: number, changes: RegisterChange[]) =>
  applyRegisterChanges(register, { decisionId: `d${decisionNumber}`, decisionNumber, at, changes });

/** A register with one role (`role-1`, filled by p2) and one rule (`rule-2`), adopted by decision 1 at t=100. */
function seeded(): Register {
  const changes = withRegisterIds(
    [
      { op: 'role:add', role: host, fillers: ['p2', 'p2'] },
      { op: 'rule:add', rule: { title: 'Ausgaben', text: 'Ab 500 € fragen wir.' } },
    ],
    ids(),
  );
  return adopt(emptyRegister(), 1, 100, changes);
}

describe('withRegisterIds', () => {
  it('gives added entries ids from newId and keeps the ids members name', () => {
    const inputs: RegisterChangeInput[] = [
      { op: 'role:add', role: host, fillers: ['p2', 'p3', 'p2'] },
      { op: 'rule:amend', ruleId: 'r9', rule: { title: 'T', text: 'X' } },
      { op: 'rule:add', rule: { title: 'T', text: 'X' } },
      { op: 'role:assign', roleId: 'r1', fillers: ['p4', 'p4'] },
    ];
    expect(withRegisterIds(inputs, ids())).toEqual([
      { op: 'role:add', roleId: 'role-1', role: host, fillers: ['p2', 'p3'] },
      { op: 'rule:amend', ruleId: 'r9', rule: { title: 'T', text: 'X' } },
      { op: 'rule:add', ruleId: 'rule-2', rule: { title: 'T', text: 'X' } },
      { op: 'role:assign', roleId: 'r1', fillers: ['p4'] },
    ]);
  });
});

describe('applyRegisterChanges', () => {
  it('adds entries with a history line naming the decision', () => {
    const register = seeded();
    expect(register.roles).toEqual([
      {
        id: 'role-1',
        ...host,
        fillers: ['p2'],
        status: 'active',
        history: [
          {
            decisionId: 'd1',
            decisionNumber: 1,
            at: 100,
            op: 'role:add',
            before: null,
            fillersBefore: [],
            fillersAfter: ['p2'],
          },
        ],
      },
    ]);
    expect(register.rules[0]).toMatchObject({
      id: 'rule-2',
      status: 'active',
      history: [{ op: 'rule:add', before: null }],
    });
  });

  it('keeps what an entry was before each change, and who filled a role', () => {
    let register = seeded();
    register = adopt(register, 2, 200, [
      { op: 'role:amend', roleId: 'role-1', role: { ...host, purpose: 'Alle fühlen sich willkommen' } },
      { op: 'role:assign', roleId: 'role-1', fillers: ['p3', 'p4'] },
      { op: 'rule:remove', ruleId: 'rule-2' },
    ]);
    register = adopt(register, 3, 300, [{ op: 'role:remove', roleId: 'role-1' }]);
    const role = register.roles[0];
    expect(role?.status).toBe('removed');
    expect(role?.fillers).toEqual([]);
    // Every line names its decision and op; only the newest keeps what the role was before, and
    // who filled it (older ones are said by their decision's changes).
    expect(
      role?.history.map((h) => [
        h.decisionNumber,
        h.op,
        h.before && 'name' in h.before ? h.before.name : null,
        h.fillersBefore,
        h.fillersAfter,
      ]),
    ).toEqual([
      [1, 'role:add', null, undefined, undefined],
      [2, 'role:amend', null, undefined, undefined],
      [2, 'role:assign', null, undefined, undefined],
      [3, 'role:remove', 'Gastgeber:in', ['p3', 'p4'], []],
    ]);
    expect(role?.history.at(-1)?.before).toEqual({ ...host, purpose: 'Alle fühlen sich willkommen' });
    expect(register.rules[0]).toMatchObject({
      status: 'removed',
      history: [{ op: 'rule:add' }, { op: 'rule:remove', before: { title: 'Ausgaben' } }],
    });
    expect(activeRoles(register)).toEqual([]);
    expect(activeRules(register)).toEqual([]);
  });

  it('keeps the content before only on the newest line, so a long history stays small', () => {
    let register = seeded();
    const long = { ...host, purpose: 'x'.repeat(limits.registerRolePurpose) };
    for (let n = 2; n <= 6; n += 1) {
      register = adopt(register, n, n * 100, [
        { op: 'role:amend', roleId: 'role-1', role: { ...long, name: `Host ${n}` } },
        { op: 'role:assign', roleId: 'role-1', fillers: [`p${n}`] },
      ]);
    }
    const history = register.roles[0]?.history ?? [];
    expect(history.map((h) => [h.decisionNumber, h.op])).toEqual([
      [1, 'role:add'],
      ...[2, 3, 4, 5, 6].flatMap((n) => [
        [n, 'role:amend'],
        [n, 'role:assign'],
      ]),
    ]);
    expect(
      history.slice(0, -limits.registerHistoryWithBefore).every((h) => h.before === null && !h.fillersBefore),
    ).toBe(true);
    expect(history.at(-1)).toMatchObject({ before: { name: 'Host 6' }, fillersBefore: ['p5'], fillersAfter: ['p6'] });
    // Each older line costs its ids and numbers, not a copy of the role.
    const older = JSON.stringify(history.slice(0, -1));
    expect(older.length).toBeLessThan(history.length * 120);
    expect(older).not.toContain('xxxx');
  });

  it('keeps the newest history lines of an entry', () => {
    let register = seeded();
    for (let n = 2; n <= limits.registerHistoryPerEntry + 5; n += 1) {
      register = adopt(register, n, n * 100, [{ op: 'role:assign', roleId: 'role-1', fillers: [`p${n}`] }]);
    }
    const history = register.roles[0]?.history ?? [];
    expect(history).toHaveLength(limits.registerHistoryPerEntry);
    expect(history.at(-1)?.decisionNumber).toBe(limits.registerHistoryPerEntry + 5);
    expect(history[0]?.decisionNumber).toBe(6);
  });

  it('changes nothing for a change that does not fit (a damaged log), and is pure', () => {
    const register = seeded();
    const frozen = structuredClone(register);
    const next = adopt(register, 2, 200, [
      { op: 'role:amend', roleId: 'nope', role: host },
      { op: 'rule:add', ruleId: 'rule-2', rule: { title: 'Doppelt', text: 'x' } },
    ]);
    expect(next).toEqual(register);
    expect(register).toEqual(frozen);
  });
});

describe('registerChangesApplicable', () => {
  const role = (name: string): RegisterChange => ({
    op: 'role:add',
    roleId: `id-${name}`,
    role: { ...host, name },
    fillers: [],
  });

  it.each<[string, RegisterChange[], ReturnType<typeof registerChangesApplicable>]>([
    ['nothing', [], { ok: true }],
    ['amend of an active role', [{ op: 'role:amend', roleId: 'role-1', role: host }], { ok: true }],
    [
      'amend of a missing role',
      [{ op: 'role:amend', roleId: 'x', role: host }],
      { ok: false, reason: 'missing-entry', changeIndex: 0 },
    ],
    [
      'assign of a missing role',
      [{ op: 'role:assign', roleId: 'x', fillers: [] }],
      { ok: false, reason: 'missing-entry', changeIndex: 0 },
    ],
    [
      'remove of a missing rule',
      [{ op: 'rule:remove', ruleId: 'x' }],
      { ok: false, reason: 'missing-entry', changeIndex: 0 },
    ],
    [
      'amend after a remove',
      [
        { op: 'rule:remove', ruleId: 'rule-2' },
        { op: 'rule:amend', ruleId: 'rule-2', rule: { title: 'a', text: 'b' } },
      ],
      { ok: false, reason: 'missing-entry', changeIndex: 1 },
    ],
    ['add then assign', [role('Kasse'), { op: 'role:assign', roleId: 'id-Kasse', fillers: ['p3'] }], { ok: true }],
    [
      'a name in use, case and spaces ignored',
      [role('  gastgeber:IN ')],
      { ok: false, reason: 'role-name-taken', changeIndex: 0 },
    ],
    [
      'amend to another role’s name',
      [role('Kasse'), { op: 'role:amend', roleId: 'role-1', role: { ...host, name: 'KASSE' } }],
      { ok: false, reason: 'role-name-taken', changeIndex: 1 },
    ],
    [
      'amend keeping its own name',
      [{ op: 'role:amend', roleId: 'role-1', role: { ...host, purpose: 'neu' } }],
      { ok: true },
    ],
    ['the name of a removed role', [{ op: 'role:remove', roleId: 'role-1' }, role('Gastgeber:in')], { ok: true }],
    [
      'an id taken',
      [{ op: 'rule:add', ruleId: 'rule-2', rule: { title: 'a', text: 'b' } }],
      { ok: false, reason: 'duplicate-id', changeIndex: 0 },
    ],
  ])('%s', (_name, changes, expected) => {
    expect(registerChangesApplicable(seeded(), changes)).toEqual(expected);
  });

  it('refuses fillers who are not members, when members are given', () => {
    const assign: RegisterChange = { op: 'role:assign', roleId: 'role-1', fillers: ['p2', 'gone'] };
    expect(registerChangesApplicable(seeded(), [assign], ['p1', 'p2'])).toEqual({
      ok: false,
      reason: 'not-a-member',
      changeIndex: 0,
    });
    expect(registerChangesApplicable(seeded(), [assign])).toEqual({ ok: true });
  });

  it('counts removed entries against the caps (they keep their history)', () => {
    let register = emptyRegister();
    const adds: RegisterChange[] = Array.from({ length: limits.registerRoles }, (_, i) => role(`R${i}`));
    register = adopt(register, 1, 1, adds);
    register = adopt(register, 2, 2, [{ op: 'role:remove', roleId: 'id-R0' }]);
    expect(registerChangesApplicable(register, [role('Neu')])).toEqual({
      ok: false,
      reason: 'roles-full',
      changeIndex: 0,
    });
    const rules: RegisterChange[] = Array.from({ length: limits.registerRules }, (_, i) => ({
      op: 'rule:add',
      ruleId: `rule${i}`,
      rule: { title: `R${i}`, text: 'x' },
    }));
    expect(registerChangesApplicable(emptyRegister(), rules)).toEqual({ ok: true });
    expect(
      registerChangesApplicable(emptyRegister(), [
        ...rules,
        { op: 'rule:add', ruleId: 'one-more', rule: { title: 'x', text: 'x' } },
      ]),
    ).toEqual({
      ok: false,
      reason: 'rules-full',
      changeIndex: limits.registerRules,
    });
  });
});

describe('registerDiff', () => {
  it('names the fields an amendment changes, with before and after', () => {
    const amended: RoleContent = {
      name: 'Gastgeber:in',
      purpose: 'Alle fühlen sich willkommen',
      accountabilities: ['Kaffee', 'Tee'],
    };
    expect(registerDiff(seeded(), [{ op: 'role:amend', roleId: 'role-1', role: amended }])).toEqual([
      {
        op: 'role:amend',
        entry: 'role',
        id: 'role-1',
        label: 'Gastgeber:in',
        fields: [
          { field: 'purpose', before: 'Gäste fühlen sich willkommen', after: 'Alle fühlen sich willkommen' },
          { field: 'accountabilities', before: ['Tee'], after: ['Kaffee', 'Tee'], added: ['Kaffee'], removed: [] },
        ],
        fillersAdded: [],
        fillersRemoved: [],
        missing: false,
      },
    ]);
  });

  it('lists what an addition sets, fillers added and removed, removals and missing entries', () => {
    const lines = registerDiff(seeded(), [
      { op: 'role:add', roleId: 'new', role: { name: 'Kasse', purpose: '', accountabilities: [] }, fillers: ['p3'] },
      { op: 'role:assign', roleId: 'new', fillers: ['p4'] },
      { op: 'role:assign', roleId: 'role-1', fillers: ['p2', 'p3'] },
      { op: 'rule:amend', ruleId: 'rule-2', rule: { title: 'Ausgaben', text: 'Ab 300 € fragen wir.' } },
      { op: 'rule:remove', ruleId: 'rule-2' },
      { op: 'role:remove', roleId: 'gone' },
    ]);
    expect(
      lines.map((l) => [
        l.op,
        l.label,
        l.fields.map((f) => `${f.field}:${String(f.before)}→${String(f.after)}`),
        l.fillersAdded,
        l.fillersRemoved,
        l.missing,
      ]),
    ).toEqual([
      ['role:add', 'Kasse', ['name:null→Kasse'], ['p3'], [], false],
      ['role:assign', 'Kasse', [], ['p4'], ['p3'], false],
      ['role:assign', 'Gastgeber:in', [], ['p3'], [], false],
      ['rule:amend', 'Ausgaben', ['text:Ab 500 € fragen wir.→Ab 300 € fragen wir.'], [], [], false],
      ['rule:remove', 'Ausgaben', [], [], [], false],
      ['role:remove', null, [], [], [], true],
    ]);
  });
});

describe('register selectors', () => {
  it('tell the roles a member fills and an entry’s history with before and after, newest first', () => {
    let register = seeded();
    register = adopt(register, 2, 200, [{ op: 'role:amend', roleId: 'role-1', role: { ...host, name: 'Host' } }]);
    register = adopt(register, 3, 300, [{ op: 'role:assign', roleId: 'role-1', fillers: ['p3'] }]);
    expect(rolesFilledBy(register, 'p3').map((r) => r.name)).toEqual(['Host']);
    expect(rolesFilledBy(register, 'p2')).toEqual([]);
    expect(
      registerEntryHistory(register, 'role-1').map((h) => [
        h.decisionNumber,
        h.op,
        h.before && 'name' in h.before ? h.before.name : null,
        h.after && 'name' in h.after ? h.after.name : null,
      ]),
    ).toEqual([
      [3, 'role:assign', 'Host', 'Host'],
      // Older lines keep decision and op; their content before and after is in the decision's changes.
      [2, 'role:amend', null, null],
      [1, 'role:add', null, null],
    ]);
    expect(registerEntryHistory(register, 'role-1').map((h) => h.detailed)).toEqual([true, false, false]);
    const once = adopt(seeded(), 2, 200, [{ op: 'role:amend', roleId: 'role-1', role: { ...host, name: 'Host' } }]);
    // The add line after one amend: its `after` is the newest line's `before`.
    expect(
      registerEntryHistory(once, 'role-1').map((h) => [
        h.op,
        h.detailed,
        h.after && 'name' in h.after ? h.after.name : null,
      ]),
    ).toEqual([
      ['role:amend', true, 'Host'],
      ['role:add', true, 'Gastgeber:in'],
    ]);
    expect(registerEntryHistory(register, 'nope')).toEqual([]);
    expect(registerChangesSince(register, 150).map((c) => [c.label, c.op, c.decisionNumber])).toEqual([
      ['Host', 'role:assign', 3],
      ['Host', 'role:amend', 2],
    ]);
  });
});

describe('register:changed', () => {
  it('is folded into the team space’s register by apply', () => {
    const space = teamSpace();
    const changes = withRegisterIds([{ op: 'role:add', role: host, fillers: ['p2'] }], space.ctx.newId);
    const next = applyLoop(space.state, {
      type: 'register:changed',
      decisionId: 'd1',
      decisionNumber: 1,
      at: 5,
      changes,
    });
    expect(activeRoles(next.register).map((r) => [r.name, r.fillers, r.history[0]?.decisionId])).toEqual([
      ['Gastgeber:in', ['p2'], 'd1'],
    ]);
  });
});
