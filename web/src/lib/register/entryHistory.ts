import type { RegisterHistoryEntry, RoleContent, RoleEntry, RuleContent, RuleEntry } from '@runde/shared/client';
import { roleLine, ruleLine, type RegisterDiffLine } from './registerDiffLines.ts';

/** One line of an entry's history as the register shows it: which decision, when, and what it changed. */
export interface EntryHistoryLine {
  decisionId: string;
  decisionNumber: number;
  at: number;
  op: RegisterHistoryEntry['op'];
  /** The change as a diff line: its fields say what moved, with before and after. */
  diff: RegisterDiffLine;
}

const roleContent = (role: RoleContent): RoleContent => ({
  name: role.name,
  purpose: role.purpose,
  accountabilities: role.accountabilities,
});

/**
 * A role's history, newest first. Each history entry keeps the content *before* its change; the
 * content after it is the next entry's "before", or the role as it is now for the newest.
 */
export function roleHistory(role: RoleEntry): EntryHistoryLine[] {
  return role.history
    .map((entry, index) => {
      const after = (role.history[index + 1]?.before as RoleContent | null | undefined) ?? roleContent(role);
      const before = entry.before as RoleContent | null;
      const diff =
        entry.op === 'role:assign'
          ? roleLine('assigned', after, after, { before: entry.fillersBefore ?? [], after: entry.fillersAfter ?? [] })
          : entry.op === 'role:remove'
            ? roleLine('removed', before, null)
            : entry.op === 'role:add'
              ? roleLine(
                  'added',
                  null,
                  after,
                  entry.fillersAfter ? { before: [], after: entry.fillersAfter } : undefined,
                )
              : roleLine('changed', before, after);
      return { decisionId: entry.decisionId, decisionNumber: entry.decisionNumber, at: entry.at, op: entry.op, diff };
    })
    .reverse();
}

/** A rule's history, newest first (see `roleHistory`). */
export function ruleHistory(rule: RuleEntry): EntryHistoryLine[] {
  return rule.history
    .map((entry, index) => {
      const after = (rule.history[index + 1]?.before as RuleContent | null | undefined) ?? {
        title: rule.title,
        text: rule.text,
      };
      const before = entry.before as RuleContent | null;
      const diff =
        entry.op === 'rule:remove'
          ? ruleLine('removed', before, null)
          : entry.op === 'rule:add'
            ? ruleLine('added', null, after)
            : ruleLine('changed', before, after);
      return { decisionId: entry.decisionId, decisionNumber: entry.decisionNumber, at: entry.at, op: entry.op, diff };
    })
    .reverse();
}
