import {
  activeRoles,
  activeRules,
  limits,
  type Register,
  type RegisterChange,
  type RegisterChangeOp,
  type RoleContent,
  type RuleContent,
} from '@runde/shared/client';
import type { RegisterChangeInput } from '@runde/shared/protocol';

/**
 * What the register change editor builds: the change inputs `proposal:publish` and `proposal:set`
 * take. Pure helpers, so the editor only displays and the rules are tested without a browser.
 */

/** Every kind of change, in the order the editor offers them. */
export const registerChangeOps: readonly RegisterChangeOp[] = [
  'role:add',
  'role:amend',
  'role:assign',
  'role:remove',
  'rule:add',
  'rule:amend',
  'rule:remove',
];

/** A proposal may change the register only so often (`limits.registerChangesPerProposal`). */
export const mayAddRegisterChange = (changes: readonly unknown[]): boolean =>
  changes.length < limits.registerChangesPerProposal;

/** Whether the op works on an entry that exists already (the editor then asks which one). */
export const opTargetsEntry = (op: RegisterChangeOp): boolean => !op.endsWith(':add');

export const opEntryKind = (op: RegisterChangeOp): 'role' | 'rule' => (op.startsWith('role:') ? 'role' : 'rule');

const roleContent = (role: RoleContent): RoleContent => ({
  name: role.name,
  purpose: role.purpose,
  accountabilities: [...role.accountabilities],
});

const ruleContent = (rule: RuleContent): RuleContent => ({ title: rule.title, text: rule.text });

/** The active roles and rules a change may target (removed ones only keep their history). */
export { activeRoles, activeRules };

/**
 * A new change of the given kind: amendments start from the entry as it is, so the proposer edits
 * instead of retyping; `targetId` defaults to the first active entry. `null` when there is nothing
 * to amend, assign or remove.
 */
export function newRegisterChange(
  op: RegisterChangeOp,
  register: Register,
  targetId?: string,
): RegisterChangeInput | null {
  const role = activeRoles(register).find((r) => targetId === undefined || r.id === targetId);
  const rule = activeRules(register).find((r) => targetId === undefined || r.id === targetId);
  switch (op) {
    case 'role:add':
      return { op, role: { name: '', purpose: '', accountabilities: [] }, fillers: [] };
    case 'rule:add':
      return { op, rule: { title: '', text: '' } };
    case 'role:amend':
      return role ? { op, roleId: role.id, role: roleContent(role) } : null;
    case 'role:assign':
      return role ? { op, roleId: role.id, fillers: [...role.fillers] } : null;
    case 'role:remove':
      return role ? { op, roleId: role.id } : null;
    case 'rule:amend':
      return rule ? { op, ruleId: rule.id, rule: ruleContent(rule) } : null;
    case 'rule:remove':
      return rule ? { op, ruleId: rule.id } : null;
  }
}

/**
 * Trims texts and drops blank accountabilities: the editor keeps a line that is being typed (even
 * an empty one) in its value, and the server refuses blank ones. Call it before sending.
 */
export function cleanRegisterChanges(changes: readonly RegisterChangeInput[]): RegisterChangeInput[] {
  const role = (content: RoleContent): RoleContent => ({
    name: content.name.trim(),
    purpose: content.purpose.trim(),
    accountabilities: content.accountabilities.map((a) => a.trim()).filter((a) => a !== ''),
  });
  return changes.map((change) => {
    switch (change.op) {
      case 'role:add':
      case 'role:amend':
        return { ...change, role: role(change.role) };
      case 'rule:add':
      case 'rule:amend':
        return { ...change, rule: { title: change.rule.title.trim(), text: change.rule.text.trim() } };
      default:
        return change;
    }
  });
}

/** Whether every change has what the server requires (a name, a rule's title and text). */
export function registerChangesComplete(changes: readonly RegisterChangeInput[]): boolean {
  return cleanRegisterChanges(changes).every((change) => {
    switch (change.op) {
      case 'role:add':
      case 'role:amend':
        return change.role.name !== '';
      case 'rule:add':
      case 'rule:amend':
        return change.rule.title !== '' && change.rule.text !== '';
      default:
        return true;
    }
  });
}

/** A change as stored (with ids) back into an input, e.g. to edit a meeting proposal's changes. */
export function toRegisterChangeInput(change: RegisterChange | RegisterChangeInput): RegisterChangeInput {
  switch (change.op) {
    case 'role:add':
      return { op: change.op, role: roleContent(change.role), fillers: [...change.fillers] };
    case 'rule:add':
      return { op: change.op, rule: ruleContent(change.rule) };
    case 'role:amend':
      return { op: change.op, roleId: change.roleId, role: roleContent(change.role) };
    case 'role:assign':
      return { op: change.op, roleId: change.roleId, fillers: [...change.fillers] };
    case 'rule:amend':
      return { op: change.op, ruleId: change.ruleId, rule: ruleContent(change.rule) };
    default:
      return { ...change };
  }
}

/** The message key part of an op (`role:add` → `roleAdd`): i18next reads `:` as a namespace. */
export const opKey = (op: RegisterChangeOp) =>
  op.replace(/:(\w)/, (_, letter: string) => letter.toUpperCase()) as
    'roleAdd' | 'roleAmend' | 'roleAssign' | 'roleRemove' | 'ruleAdd' | 'ruleAmend' | 'ruleRemove';
