import type { IdKind } from '../core/decision.ts';
import type { ParticipantId } from '../core/participants.ts';
import { limits } from '../protocol/limits.ts';
import { nameKey } from '../protocol/textCleaning.ts';
import type { RegisterChangeInput } from '../protocol/betweenMeetingsCommands.ts';
import type {
  Register,
  RegisterChange,
  RegisterHistoryEntry,
  RoleContent,
  RoleEntry,
  RuleContent,
  RuleEntry,
} from './registerTypes.ts';

/*
 * The team space's register of roles and rules (issue 17): the pure rules for the changes a
 * governance proposal makes to it. `decide` asks `registerChangesApplicable` when a proposal is
 * published and again when it is adopted; `apply` folds `register:changed` with
 * `applyRegisterChanges`; the web and the minutes show `registerDiff`.
 */

/** Keeps each filler once, in the order given: a member fills a role or does not. */
function distinct(fillers: readonly ParticipantId[]): ParticipantId[] {
  return [...new Set(fillers)];
}

/**
 * Gives the entries a proposal adds their ids (from `ctx.newId`, never from the client), so a
 * later change of the same proposal, the diff and the history can name them.
 */
export function withRegisterIds(
  inputs: readonly RegisterChangeInput[],
  newId: (kind: IdKind) => string,
): RegisterChange[] {
  return inputs.map((input): RegisterChange => {
    switch (input.op) {
      case 'role:add':
        return { op: 'role:add', roleId: newId('role'), role: input.role, fillers: distinct(input.fillers) };
      case 'rule:add':
        return { op: 'rule:add', ruleId: newId('rule'), rule: input.rule };
      case 'role:assign':
        return { ...input, fillers: distinct(input.fillers) };
      default:
        return input;
    }
  });
}

/** Why a list of changes cannot be made to the register as it is. */
export type RegisterRefusal =
  /** An amend, removal or assignment names an entry that does not exist, or was removed. */
  | 'missing-entry'
  /** An added entry's id is taken already (ids come from `decide`: a bug, never a member's doing). */
  | 'duplicate-id'
  /** The register holds `limits.registerRoles` roles (removed ones count: they keep their history). */
  | 'roles-full'
  | 'rules-full'
  /** Another active role has this name already. */
  | 'role-name-taken'
  /** A filler is not a member of the space. */
  | 'not-a-member';

export type RegisterApplicability = { ok: true } | { ok: false; reason: RegisterRefusal; changeIndex: number };

/** What a refusal says, for `DomainError.message` (the web shows its own words per reason). */
export const registerRefusalMessages: Record<RegisterRefusal, string> = {
  'missing-entry': 'This proposal changes a role or rule that no longer exists.',
  'duplicate-id': 'This proposal adds an entry whose id is taken.',
  'roles-full': `The register holds ${limits.registerRoles} roles, the most it may.`,
  'rules-full': `The register holds ${limits.registerRules} rules, the most it may.`,
  'role-name-taken': 'Another role has this name already.',
  'not-a-member': 'Only members of the space can fill a role.',
};

/** Whether an active role other than `exceptId` is called `name` (case and spacing ignored). */
function roleNameTaken(register: Register, name: string, exceptId: string | null): boolean {
  const key = nameKey(name);
  return register.roles.some((r) => r.status === 'active' && r.id !== exceptId && nameKey(r.name) === key);
}

function activeRole(register: Register, id: string): RoleEntry | undefined {
  return register.roles.find((r) => r.id === id && r.status === 'active');
}

function activeRule(register: Register, id: string): RuleEntry | undefined {
  return register.rules.find((r) => r.id === id && r.status === 'active');
}

/**
 * Whether every change can be made, in order, to the register as it is: a proposal may add a
 * role and assign it in its next change. `memberIds`, when given, are who may fill a role.
 */
export function registerChangesApplicable(
  register: Register,
  changes: readonly RegisterChange[],
  memberIds?: readonly ParticipantId[],
): RegisterApplicability {
  let current = register;
  for (const [changeIndex, change] of changes.entries()) {
    const reason = refusalOf(current, change, memberIds);
    if (reason) return { ok: false, reason, changeIndex };
    current = applyRegisterChange(current, change, null);
  }
  return { ok: true };
}

function refusalOf(
  register: Register,
  change: RegisterChange,
  memberIds: readonly ParticipantId[] | undefined,
): RegisterRefusal | null {
  const strangers = (fillers: readonly ParticipantId[]) => !!memberIds && fillers.some((f) => !memberIds.includes(f));
  switch (change.op) {
    case 'role:add':
      if (register.roles.some((r) => r.id === change.roleId)) return 'duplicate-id';
      if (register.roles.length >= limits.registerRoles) return 'roles-full';
      if (roleNameTaken(register, change.role.name, null)) return 'role-name-taken';
      return strangers(change.fillers) ? 'not-a-member' : null;
    case 'role:amend':
      if (!activeRole(register, change.roleId)) return 'missing-entry';
      return roleNameTaken(register, change.role.name, change.roleId) ? 'role-name-taken' : null;
    case 'role:remove':
      return activeRole(register, change.roleId) ? null : 'missing-entry';
    case 'role:assign':
      if (!activeRole(register, change.roleId)) return 'missing-entry';
      return strangers(change.fillers) ? 'not-a-member' : null;
    case 'rule:add':
      if (register.rules.some((r) => r.id === change.ruleId)) return 'duplicate-id';
      return register.rules.length >= limits.registerRules ? 'rules-full' : null;
    case 'rule:amend':
    case 'rule:remove':
      return activeRule(register, change.ruleId) ? null : 'missing-entry';
  }
}

/** Which decision made a change, for the history of the entries it touches. */
export interface RegisterChangeSource {
  decisionId: string;
  decisionNumber: number;
  at: number;
}

const roleContent = (r: RoleEntry): RoleContent => ({
  name: r.name,
  purpose: r.purpose,
  accountabilities: r.accountabilities,
});
const ruleContent = (r: RuleEntry): RuleContent => ({ title: r.title, text: r.text });

/** A history line without what the entry was before: its op, decision and time stay. */
function slim(line: RegisterHistoryEntry): RegisterHistoryEntry {
  if (line.before === null && !line.fillersBefore && !line.fillersAfter) return line;
  return { decisionId: line.decisionId, decisionNumber: line.decisionNumber, at: line.at, op: line.op, before: null };
}

/**
 * Appends a history line, keeping the newest `limits.registerHistoryPerEntry`. Only the newest
 * `limits.registerHistoryWithBefore` keep what the entry was before (content and fillers): a full
 * copy on every line made a full register weigh about 86 MB. Older lines keep which decision
 * changed the entry, how and when; that decision's `changes` (in the log, or the archive) say what
 * it became.
 */
function withHistory(history: RegisterHistoryEntry[], line: RegisterHistoryEntry | null): RegisterHistoryEntry[] {
  if (!line) return history;
  const kept = [...history, line].slice(-limits.registerHistoryPerEntry);
  const full = kept.length - limits.registerHistoryWithBefore;
  return kept.map((l, i) => (i < full ? slim(l) : l));
}

/**
 * Makes one change. `source` names the decision for the history; `null` (a dry run, for the
 * applicability check and the diff) writes none. A change that does not fit the register (it was
 * checked before adoption, so only a damaged log has one) changes nothing: `apply` is total.
 */
export function applyRegisterChange(
  register: Register,
  change: RegisterChange,
  source: RegisterChangeSource | null,
): Register {
  const line = (
    before: RegisterHistoryEntry['before'],
    fillers?: { fillersBefore: ParticipantId[]; fillersAfter: ParticipantId[] },
  ): RegisterHistoryEntry | null => (source ? { ...source, op: change.op, before, ...fillers } : null);
  const updateRole = (id: string, change: (r: RoleEntry) => RoleEntry): Register =>
    activeRole(register, id)
      ? { ...register, roles: register.roles.map((r) => (r.id === id ? change(r) : r)) }
      : register;
  const updateRule = (id: string, change: (r: RuleEntry) => RuleEntry): Register =>
    activeRule(register, id)
      ? { ...register, rules: register.rules.map((r) => (r.id === id ? change(r) : r)) }
      : register;

  switch (change.op) {
    case 'role:add': {
      if (register.roles.some((r) => r.id === change.roleId)) return register;
      const fillers = distinct(change.fillers);
      const role: RoleEntry = {
        id: change.roleId,
        ...change.role,
        fillers,
        status: 'active',
        history: withHistory([], line(null, { fillersBefore: [], fillersAfter: fillers })),
      };
      return { ...register, roles: [...register.roles, role] };
    }
    case 'role:amend':
      return updateRole(change.roleId, (r) => ({
        ...r,
        ...change.role,
        history: withHistory(r.history, line(roleContent(r))),
      }));
    case 'role:remove':
      // Nobody fills a removed role; the history keeps who did.
      return updateRole(change.roleId, (r) => ({
        ...r,
        status: 'removed',
        fillers: [],
        history: withHistory(r.history, line(roleContent(r), { fillersBefore: r.fillers, fillersAfter: [] })),
      }));
    case 'role:assign': {
      const fillers = distinct(change.fillers);
      return updateRole(change.roleId, (r) => ({
        ...r,
        fillers,
        history: withHistory(r.history, line(roleContent(r), { fillersBefore: r.fillers, fillersAfter: fillers })),
      }));
    }
    case 'rule:add': {
      if (register.rules.some((r) => r.id === change.ruleId)) return register;
      const rule: RuleEntry = {
        id: change.ruleId,
        ...change.rule,
        status: 'active',
        history: withHistory([], line(null)),
      };
      return { ...register, rules: [...register.rules, rule] };
    }
    case 'rule:amend':
      return updateRule(change.ruleId, (r) => ({
        ...r,
        ...change.rule,
        history: withHistory(r.history, line(ruleContent(r))),
      }));
    case 'rule:remove':
      return updateRule(change.ruleId, (r) => ({
        ...r,
        status: 'removed',
        history: withHistory(r.history, line(ruleContent(r))),
      }));
  }
}

/**
 * Makes an adopted decision's changes, in order; each entry they touch gets a history line naming
 * the decision, with what it was before. Pure: `apply` folds `register:changed` with it.
 */
export function applyRegisterChanges(
  register: Register,
  adopted: RegisterChangeSource & { changes: readonly RegisterChange[] },
): Register {
  const source: RegisterChangeSource = {
    decisionId: adopted.decisionId,
    decisionNumber: adopted.decisionNumber,
    at: adopted.at,
  };
  return adopted.changes.reduce((current, change) => applyRegisterChange(current, change, source), register);
}
