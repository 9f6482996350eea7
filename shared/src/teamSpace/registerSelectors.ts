import type { ParticipantId } from '../core/participants.ts';
import type {
  Register,
  RegisterChangeOp,
  RegisterHistoryEntry,
  RoleContent,
  RoleEntry,
  RuleContent,
  RuleEntry,
} from './registerTypes.ts';

/** The roles in force, in the order they were added. */
export function activeRoles(register: Register): RoleEntry[] {
  return register.roles.filter((r) => r.status === 'active');
}

/** The rules in force, in the order they were added. */
export function activeRules(register: Register): RuleEntry[] {
  return register.rules.filter((r) => r.status === 'active');
}

/** The roles in force that this member fills. */
export function rolesFilledBy(register: Register, memberId: ParticipantId): RoleEntry[] {
  return activeRoles(register).filter((r) => r.fillers.includes(memberId));
}

/** A role or rule by id, removed ones too (their history stays readable). */
export function findRegisterEntry(
  register: Register,
  id: string,
): { entry: 'role'; role: RoleEntry } | { entry: 'rule'; rule: RuleEntry } | undefined {
  const role = register.roles.find((r) => r.id === id);
  if (role) return { entry: 'role', role };
  const rule = register.rules.find((r) => r.id === id);
  return rule ? { entry: 'rule', rule } : undefined;
}

/** One line of an entry's history (Verlauf) with what the decision left it as: `after` is `null` once removed. */
export interface RegisterHistoryLine {
  decisionId: string;
  decisionNumber: number;
  at: number;
  op: RegisterChangeOp;
  before: RoleContent | RuleContent | null;
  after: RoleContent | RuleContent | null;
  fillersBefore: ParticipantId[] | null;
  fillersAfter: ParticipantId[] | null;
  /**
   * Whether `before` and `after` are known: older lines keep only which decision changed the entry,
   * how and when (`limits.registerHistoryWithBefore`); that decision's changes say what it became.
   */
  detailed: boolean;
}

const contentOf = (entry: RoleEntry | RuleEntry): RoleContent | RuleContent =>
  'name' in entry
    ? { name: entry.name, purpose: entry.purpose, accountabilities: entry.accountabilities }
    : { title: entry.title, text: entry.text };

/**
 * An entry's history, newest first: each line says which decision changed it, when, and what it
 * was before and after. `after` is the next line's `before`, or the entry as it is now.
 */
export function registerEntryHistory(register: Register, id: string): RegisterHistoryLine[] {
  const found = findRegisterEntry(register, id);
  if (!found) return [];
  const entry = found.entry === 'role' ? found.role : found.rule;
  const history: RegisterHistoryEntry[] = entry.history;
  // Only an add has no `before` of its own; any other line without one has been slimmed.
  const detailed = (h: RegisterHistoryEntry | undefined) => !!h && (h.before !== null || h.op.endsWith(':add'));
  return history
    .map((h, i): RegisterHistoryLine => {
      const next = history[i + 1];
      const known = detailed(h) && (next === undefined || detailed(next));
      return {
        decisionId: h.decisionId,
        decisionNumber: h.decisionNumber,
        at: h.at,
        op: h.op,
        before: h.before,
        after: h.op.endsWith(':remove') || !known ? null : next ? next.before : contentOf(entry),
        fillersBefore: h.fillersBefore ?? null,
        fillersAfter: h.fillersAfter ?? null,
        detailed: known,
      };
    })
    .reverse();
}

/** One change a decision made to one entry: the "since your last visit" line for the register. */
export interface RegisterEntryChange {
  entry: 'role' | 'rule';
  id: string;
  /** The role's name or rule's title as it is now. */
  label: string;
  op: RegisterChangeOp;
  decisionId: string;
  decisionNumber: number;
  at: number;
}

/**
 * The changes decisions made to entries after `since` (exclusive), newest first: what "since your
 * last visit" and the space page name.
 */
export function registerChangesSince(register: Register, since: number): RegisterEntryChange[] {
  const out: RegisterEntryChange[] = [];
  const collect = (entry: 'role' | 'rule', id: string, label: string, history: RegisterHistoryEntry[]) => {
    for (const h of history) {
      if (h.at > since) {
        out.push({ entry, id, label, op: h.op, decisionId: h.decisionId, decisionNumber: h.decisionNumber, at: h.at });
      }
    }
  };
  for (const role of register.roles) collect('role', role.id, role.name, role.history);
  for (const rule of register.rules) collect('rule', rule.id, rule.title, rule.history);
  return out.sort((a, b) => b.at - a.at || b.decisionNumber - a.decisionNumber);
}
