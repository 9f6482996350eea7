import type {
  Decision,
  Register,
  RegisterChange,
  RoleContent,
  RoleEntry,
  RuleContent,
  RuleEntry,
} from '@runde/shared/client';
import type { RegisterChangeInput } from '@runde/shared/protocol';

/**
 * What a list of register changes does, line by line, as the diff shows it: each line says in words
 * what happens to which entry (added, changed, removed, filled by), and each field its before and
 * after, so nobody needs colour to read it.
 */
export type DiffKind = 'added' | 'changed' | 'removed' | 'assigned';

export type DiffField =
  | { field: 'name' | 'purpose' | 'title' | 'text'; before: string | null; after: string | null }
  /** Lists (accountabilities, fillers by id) say which items come and go, and which stay. */
  | { field: 'accountabilities' | 'fillers'; added: string[]; removed: string[]; kept: string[] };

export interface RegisterDiffLine {
  kind: DiffKind;
  entry: 'role' | 'rule';
  /** The entry's name (a role) or title (a rule), as it will be, or as it was when removed. */
  name: string;
  /** The name before a rename, else `null`. */
  formerName: string | null;
  fields: DiffField[];
}

type AnyChange = RegisterChange | RegisterChangeInput;

function listDiff(
  field: 'accountabilities' | 'fillers',
  before: readonly string[],
  after: readonly string[],
): DiffField {
  return {
    field,
    added: after.filter((item) => !before.includes(item)),
    removed: before.filter((item) => !after.includes(item)),
    kept: after.filter((item) => before.includes(item)),
  };
}

function textField(field: 'name' | 'purpose' | 'title' | 'text', before: string | null, after: string | null) {
  return { field, before, after } satisfies DiffField;
}

const changedList = (field: DiffField) =>
  'added' in field ? field.added.length > 0 || field.removed.length > 0 : field.before !== field.after;

export function roleLine(
  kind: DiffKind,
  before: RoleContent | null,
  after: RoleContent | null,
  fillers?: { before: readonly string[]; after: readonly string[] },
): RegisterDiffLine {
  const fields: DiffField[] = [];
  if (kind !== 'assigned') {
    fields.push(
      textField('name', before?.name ?? null, after?.name ?? null),
      textField('purpose', before?.purpose || null, after?.purpose || null),
      listDiff('accountabilities', before?.accountabilities ?? [], after?.accountabilities ?? []),
    );
  }
  if (fillers) fields.push(listDiff('fillers', fillers.before, fillers.after));
  const name = after?.name ?? before?.name ?? '';
  return {
    kind,
    entry: 'role',
    name,
    formerName: before && after && before.name !== after.name ? before.name : null,
    // A removal shows what goes in full; other changes show only what moves.
    fields: kind === 'removed' ? fields : fields.filter(changedList),
  };
}

export function ruleLine(kind: DiffKind, before: RuleContent | null, after: RuleContent | null): RegisterDiffLine {
  const fields: DiffField[] = [
    textField('title', before?.title ?? null, after?.title ?? null),
    textField('text', before?.text ?? null, after?.text ?? null),
  ];
  return {
    kind,
    entry: 'rule',
    name: after?.title ?? before?.title ?? '',
    formerName: before && after && before.title !== after.title ? before.title : null,
    fields: kind === 'removed' ? fields : fields.filter(changedList),
  };
}

const roleOf = (role: RoleEntry): RoleContent => role;
const ruleOf = (rule: RuleEntry): RuleContent => rule;

/**
 * The diff of changes not yet adopted, against the register as it is now. Changes apply in order
 * to a working copy, so a later change sees an entry an earlier one added or amended. A change
 * whose entry is missing still gets a line (named by what it knows), never a crash.
 */
export function pendingDiffLines(register: Register, changes: readonly AnyChange[]): RegisterDiffLine[] {
  const roles = new Map(register.roles.map((role) => [role.id, { content: roleOf(role), fillers: role.fillers }]));
  const rules = new Map(register.rules.map((rule) => [rule.id, ruleOf(rule)]));
  return changes.map((change) => {
    switch (change.op) {
      case 'role:add': {
        if ('roleId' in change) roles.set(change.roleId, { content: change.role, fillers: change.fillers });
        return roleLine('added', null, change.role, { before: [], after: change.fillers });
      }
      case 'role:amend': {
        const was = roles.get(change.roleId);
        roles.set(change.roleId, { content: change.role, fillers: was?.fillers ?? [] });
        return roleLine('changed', was?.content ?? null, change.role);
      }
      case 'role:assign': {
        const was = roles.get(change.roleId);
        if (was) roles.set(change.roleId, { ...was, fillers: change.fillers });
        return {
          ...roleLine('assigned', was?.content ?? null, was?.content ?? null, {
            before: was?.fillers ?? [],
            after: change.fillers,
          }),
        };
      }
      case 'role:remove':
        return roleLine('removed', roles.get(change.roleId)?.content ?? null, null);
      case 'rule:add': {
        if ('ruleId' in change) rules.set(change.ruleId, change.rule);
        return ruleLine('added', null, change.rule);
      }
      case 'rule:amend': {
        const was = rules.get(change.ruleId) ?? null;
        rules.set(change.ruleId, change.rule);
        return ruleLine('changed', was, change.rule);
      }
      case 'rule:remove':
        return ruleLine('removed', rules.get(change.ruleId) ?? null, null);
    }
  });
}

/**
 * The diff of an adopted decision's changes: the register has them applied already, so the
 * "before" of each comes from the entry's history line for that decision.
 */
export function adoptedDiffLines(register: Register, decision: Pick<Decision, 'id' | 'changes'>): RegisterDiffLine[] {
  return (decision.changes ?? []).map((change) => {
    if (change.op.startsWith('role:')) {
      const roleId = 'roleId' in change ? change.roleId : '';
      const entry = register.roles.find((role) => role.id === roleId);
      const record = entry?.history.find((h) => h.decisionId === decision.id && h.op === change.op);
      const before = (record?.before ?? null) as RoleContent | null;
      switch (change.op) {
        case 'role:add':
          return roleLine('added', null, change.role, { before: [], after: change.fillers });
        case 'role:amend':
          return roleLine('changed', before, change.role);
        case 'role:assign':
          return roleLine('assigned', entry ?? null, entry ?? null, {
            before: record?.fillersBefore ?? [],
            after: record?.fillersAfter ?? change.fillers,
          });
        default:
          return roleLine('removed', before ?? entry ?? null, null);
      }
    }
    const ruleId = 'ruleId' in change ? change.ruleId : '';
    const entry = register.rules.find((rule) => rule.id === ruleId);
    const record = entry?.history.find((h) => h.decisionId === decision.id && h.op === change.op);
    const before = (record?.before ?? null) as RuleContent | null;
    switch (change.op) {
      case 'rule:add':
        return ruleLine('added', null, change.rule);
      case 'rule:amend':
        return ruleLine('changed', before, change.rule);
      default:
        return ruleLine('removed', before ?? entry ?? null, null);
    }
  });
}
