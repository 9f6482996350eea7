import type { ParticipantId } from '../core/participants.ts';

/**
 * The governance room works *on* the organisation: its roles and rules live here as a register
 * that only adopted decisions change (in a governance meeting, or between meetings when a
 * proposal's objection window closes without objection). Each entry keeps its history.
 */

/** What a role says: GlassFrog's name, purpose and accountabilities. */
export interface RoleContent {
  name: string;
  purpose: string;
  accountabilities: string[];
}

/** A rule (policy) of the team. */
export interface RuleContent {
  title: string;
  text: string;
}

/** One change a decision made to one entry, kept on the entry, oldest first. */
export interface RegisterHistoryEntry {
  decisionId: string;
  /** The decision's number in the Beschlussbuch (stable, see `Decision.number`). */
  decisionNumber: number;
  at: number;
  op: RegisterChange['op'];
  /**
   * The content before the change: `null` when it was added by it, and on all but the newest
   * `limits.registerHistoryWithBefore` lines (the decision's `changes` say what it became).
   */
  before: RoleContent | RuleContent | null;
  /** For `role:assign` and `role:remove`, who filled the role before and after (newest lines only, as `before`). */
  fillersBefore?: ParticipantId[];
  fillersAfter?: ParticipantId[];
}

export interface RoleEntry extends RoleContent {
  id: string;
  /** Members who fill the role (names are looked up; a member who left keeps their id here). */
  fillers: ParticipantId[];
  status: 'active' | 'removed';
  history: RegisterHistoryEntry[];
}

export interface RuleEntry extends RuleContent {
  id: string;
  status: 'active' | 'removed';
  history: RegisterHistoryEntry[];
}

export interface Register {
  roles: RoleEntry[];
  rules: RuleEntry[];
}

/**
 * One change a proposal makes to the register. Ids of added entries are given when the proposal
 * is written (by `decide`, never by the client), so a later change in the same proposal, the diff
 * and the history can name them.
 */
export type RegisterChange =
  | { op: 'role:add'; roleId: string; role: RoleContent; fillers: ParticipantId[] }
  | { op: 'role:amend'; roleId: string; role: RoleContent }
  | { op: 'role:remove'; roleId: string }
  | { op: 'role:assign'; roleId: string; fillers: ParticipantId[] }
  | { op: 'rule:add'; ruleId: string; rule: RuleContent }
  | { op: 'rule:amend'; ruleId: string; rule: RuleContent }
  | { op: 'rule:remove'; ruleId: string };

export type RegisterChangeOp = RegisterChange['op'];

export const emptyRegister = (): Register => ({ roles: [], rules: [] });
