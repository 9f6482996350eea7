import type { RegisterChangeInput } from '../protocol/betweenMeetingsCommands.ts';
import type { IdKind } from '../core/decision.ts';
import type { LoopEvent } from './events.ts';
import type { Register, RegisterChange } from './registerTypes.ts';

/*
 * Minimal stand-in for `register.ts` (branch wt-register) until it is merged: the names and
 * signatures are theirs; this file is deleted on merge.
 */

/** Gives added entries their ids (from `decide`'s `newId`, never from the client). */
export function withRegisterIds(
  inputs: readonly RegisterChangeInput[],
  newId: (kind: IdKind) => string,
): RegisterChange[] {
  return inputs.map((c): RegisterChange => {
    if (c.op === 'role:add') return { ...c, roleId: newId('role') };
    if (c.op === 'rule:add') return { ...c, ruleId: newId('rule') };
    return c;
  });
}

/** Whether every change still finds the entry it changes (added ones in order). */
export function registerChangesApplicable(register: Register, changes: readonly RegisterChange[]): boolean {
  const roles = new Set(register.roles.filter((r) => r.status === 'active').map((r) => r.id));
  const rules = new Set(register.rules.filter((r) => r.status === 'active').map((r) => r.id));
  for (const c of changes) {
    if (c.op === 'role:add') roles.add(c.roleId);
    else if (c.op === 'rule:add') rules.add(c.ruleId);
    else if (c.op.startsWith('role:') && 'roleId' in c) {
      if (!roles.has(c.roleId)) return false;
      if (c.op === 'role:remove') roles.delete(c.roleId);
    } else if ('ruleId' in c) {
      if (!rules.has(c.ruleId)) return false;
      if (c.op === 'rule:remove') rules.delete(c.ruleId);
    }
  }
  return true;
}

/** Applies an adopted decision's changes (history kept minimal here). */
export function applyRegisterChanges(
  register: Register,
  event: Extract<LoopEvent, { type: 'register:changed' }>,
): Register {
  let { roles, rules } = register;
  const history = { decisionId: event.decisionId, decisionNumber: event.decisionNumber, at: event.at };
  for (const c of event.changes) {
    switch (c.op) {
      case 'role:add':
        roles = [
          ...roles,
          {
            id: c.roleId,
            ...c.role,
            fillers: c.fillers,
            status: 'active',
            history: [{ ...history, op: c.op, before: null }],
          },
        ];
        break;
      case 'role:amend':
      case 'role:remove':
      case 'role:assign':
        roles = roles.map((r) =>
          r.id !== c.roleId
            ? r
            : {
                ...r,
                ...(c.op === 'role:amend' ? c.role : {}),
                ...(c.op === 'role:assign' ? { fillers: c.fillers } : {}),
                status: c.op === 'role:remove' ? 'removed' : r.status,
                history: [
                  ...r.history,
                  {
                    ...history,
                    op: c.op,
                    before: { name: r.name, purpose: r.purpose, accountabilities: r.accountabilities },
                  },
                ],
              },
        );
        break;
      case 'rule:add':
        rules = [
          ...rules,
          { id: c.ruleId, ...c.rule, status: 'active', history: [{ ...history, op: c.op, before: null }] },
        ];
        break;
      case 'rule:amend':
      case 'rule:remove':
        rules = rules.map((r) =>
          r.id !== c.ruleId
            ? r
            : {
                ...r,
                ...(c.op === 'rule:amend' ? c.rule : {}),
                status: c.op === 'rule:remove' ? 'removed' : r.status,
                history: [...r.history, { ...history, op: c.op, before: { title: r.title, text: r.text } }],
              },
        );
        break;
    }
  }
  return { roles, rules };
}
