import type { ParticipantId } from '../core/participants.ts';
import { applyRegisterChange } from './register.ts';
import type { Register, RegisterChange, RegisterChangeOp, RoleContent, RuleContent } from './registerTypes.ts';

/** One field a change sets: `before` is `null` for an added entry. */
export type RegisterFieldDiff =
  | { field: 'name' | 'purpose' | 'title' | 'text'; before: string | null; after: string }
  | {
      field: 'accountabilities';
      before: string[] | null;
      after: string[];
      /** Accountabilities the change brings in, and those it drops (a reordering alone has neither). */
      added: string[];
      removed: string[];
    };

/**
 * One line of a proposal's diff, as the web and the minutes show it: what happens to which entry,
 * the fields an addition sets or an amendment changes, and whose filling a role changes.
 */
export interface RegisterDiffLine {
  op: RegisterChangeOp;
  entry: 'role' | 'rule';
  id: string;
  /** The role's name or the rule's title: as before the change (a removal keeps its last name), `null` when unknown. */
  label: string | null;
  fields: RegisterFieldDiff[];
  fillersAdded: ParticipantId[];
  fillersRemoved: ParticipantId[];
  /** The entry is missing or removed when this change comes: it cannot be made (see `registerChangesApplicable`). */
  missing: boolean;
}

type TextField = 'name' | 'purpose' | 'title' | 'text';

function textFields(before: Record<string, string> | null, after: Record<string, string>, keys: TextField[]) {
  const out: RegisterFieldDiff[] = [];
  for (const field of keys) {
    const was = before ? (before[field] ?? '') : null;
    const now = after[field] ?? '';
    // An addition lists what it sets; an amendment only what it changes.
    if (before ? was !== now : now !== '') out.push({ field, before: was, after: now });
  }
  return out;
}

function roleFields(before: RoleContent | null, after: RoleContent): RegisterFieldDiff[] {
  const fields = textFields(
    before && { name: before.name, purpose: before.purpose },
    { name: after.name, purpose: after.purpose },
    ['name', 'purpose'],
  );
  const was = before?.accountabilities ?? null;
  const added = after.accountabilities.filter((a) => !was?.includes(a));
  const removed = (was ?? []).filter((a) => !after.accountabilities.includes(a));
  const changed = was ? was.join('\n') !== after.accountabilities.join('\n') : after.accountabilities.length > 0;
  if (changed) fields.push({ field: 'accountabilities', before: was, after: after.accountabilities, added, removed });
  return fields;
}

function ruleFields(before: RuleContent | null, after: RuleContent): RegisterFieldDiff[] {
  return textFields(before && { title: before.title, text: before.text }, { title: after.title, text: after.text }, [
    'title',
    'text',
  ]);
}

function lineFor(register: Register, change: RegisterChange): RegisterDiffLine {
  const base = { op: change.op, fields: [], fillersAdded: [], fillersRemoved: [], missing: false };
  if (change.op === 'role:add') {
    return {
      ...base,
      entry: 'role',
      id: change.roleId,
      label: change.role.name,
      fields: roleFields(null, change.role),
      fillersAdded: change.fillers,
    };
  }
  if (change.op === 'rule:add') {
    return {
      ...base,
      entry: 'rule',
      id: change.ruleId,
      label: change.rule.title,
      fields: ruleFields(null, change.rule),
    };
  }
  if (change.op === 'role:amend' || change.op === 'role:remove' || change.op === 'role:assign') {
    const role = register.roles.find((r) => r.id === change.roleId);
    const line: RegisterDiffLine = {
      ...base,
      entry: 'role',
      id: change.roleId,
      label: role?.name ?? null,
      missing: role?.status !== 'active',
    };
    if (!role || line.missing) return line;
    switch (change.op) {
      case 'role:amend':
        return { ...line, fields: roleFields(role, change.role) };
      case 'role:remove':
        return { ...line, fillersRemoved: role.fillers };
      case 'role:assign':
        return {
          ...line,
          fillersAdded: change.fillers.filter((f) => !role.fillers.includes(f)),
          fillersRemoved: role.fillers.filter((f) => !change.fillers.includes(f)),
        };
    }
  }
  const rule = register.rules.find((r) => r.id === change.ruleId);
  const line: RegisterDiffLine = {
    ...base,
    entry: 'rule',
    id: change.ruleId,
    label: rule?.title ?? null,
    missing: rule?.status !== 'active',
  };
  if (!rule || line.missing || change.op !== 'rule:amend') return line;
  return { ...line, fields: ruleFields(rule, change.rule) };
}

/**
 * What a proposal's changes would do to the register, one line per change, each against the
 * register as the changes before it leave it (an added role can be assigned in the next change).
 */
export function registerDiff(register: Register, changes: readonly RegisterChange[]): RegisterDiffLine[] {
  const lines: RegisterDiffLine[] = [];
  let current = register;
  for (const change of changes) {
    lines.push(lineFor(current, change));
    current = applyRegisterChange(current, change, null);
  }
  return lines;
}
