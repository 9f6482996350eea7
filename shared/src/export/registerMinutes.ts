import { registerDiff, type RegisterDiffLine } from '../teamSpace/registerDiff.ts';
import type { Register, RoleContent, RuleContent } from '../teamSpace/registerTypes.ts';
import type { Decision } from '../teamSpace/state.ts';
import type { RegisterMinutesLabels } from './loopLabels.ts';
import { escapeMarkdown, escapeMarkdownLines } from './markdown.ts';

/** A member's name by id, `?` when the space no longer knows them. */
export type NameOf = (id: string) => string;

/**
 * The register as it was just before `decision` changed it, told by the history lines that name
 * the decision: an entry it added is left out, an entry it changed gets back its content and
 * fillers from before. Enough to write that decision's diff later, when newer decisions may have
 * changed the register again (an entry whose line is no longer kept stays as it is now).
 */
export function registerBefore(register: Register, decisionId: string): Register {
  const roles = register.roles.flatMap((role) => {
    const line = role.history.find((h) => h.decisionId === decisionId);
    if (!line) return [role];
    if (line.before === null) return [];
    const content = line.before as RoleContent;
    return [{ ...role, ...content, status: 'active' as const, fillers: line.fillersBefore ?? role.fillers }];
  });
  const rules = register.rules.flatMap((rule) => {
    const line = rule.history.find((h) => h.decisionId === decisionId);
    if (!line) return [rule];
    if (line.before === null) return [];
    return [{ ...rule, ...(line.before as RuleContent), status: 'active' as const }];
  });
  return { roles, rules };
}

const list = (items: readonly string[]) => items.map(escapeMarkdown).join('; ');

/** One change as a list item, with what it sets or changes as items below it. */
function diffLines(line: RegisterDiffLine, labels: RegisterMinutesLabels, nameOf: NameOf): string[] {
  const label = line.label === null ? labels.unknown : escapeMarkdown(line.label);
  const out = [`- ${labels.ops[line.op]}: ${label}`];
  // An added entry is named on its own line already.
  const added = line.op === 'role:add' || line.op === 'rule:add';
  for (const field of line.fields.filter((f) => !(added && (f.field === 'name' || f.field === 'title')))) {
    const name = labels.fields[field.field];
    if (field.field === 'accountabilities') {
      const changes =
        field.before === null
          ? list(field.after)
          : [
              ...field.added.map((a) => `+ ${escapeMarkdown(a)}`),
              ...field.removed.map((a) => `− ${escapeMarkdown(a)}`),
            ].join('; ');
      out.push(`  - ${name}: ${changes}`);
    } else if (field.before === null) {
      // A nested item holds one line: a continuation would need an indent readers take for code.
      out.push(`  - ${name}: ${escapeMarkdown(field.after)}`);
    } else {
      out.push(`  - ${name}: ${escapeMarkdown(field.before)} → ${escapeMarkdown(field.after)}`);
    }
  }
  const fillers = [
    ...line.fillersAdded.map((id) =>
      line.op === 'role:add' ? escapeMarkdown(nameOf(id)) : `+ ${escapeMarkdown(nameOf(id))}`,
    ),
    ...line.fillersRemoved.map((id) => `− ${escapeMarkdown(nameOf(id))}`),
  ];
  if (fillers.length) out.push(`  - ${labels.filledBy}: ${fillers.join('; ')}`);
  return out;
}

/**
 * A decision's changes to the register as a Markdown list, each against the register as it was
 * before the decision (`registerDiff`); nothing when it changed none.
 */
export function decisionChangeLines(
  register: Register,
  decision: Pick<Decision, 'id' | 'changes'>,
  labels: RegisterMinutesLabels,
  nameOf: NameOf,
): string[] {
  const changes = decision.changes ?? [];
  if (changes.length === 0) return [];
  const lines = registerDiff(registerBefore(register, decision.id), changes);
  return [`${labels.changes}:`, '', ...lines.flatMap((line) => diffLines(line, labels, nameOf)), ''];
}

/**
 * The register as it is now: active roles (purpose, accountabilities, who fills them), then
 * active rules, under `heading` (a Markdown heading prefix such as `##`). Nothing for a team that
 * never kept a register, so its documents read as before.
 */
export function registerSectionLines(
  register: Register,
  labels: RegisterMinutesLabels,
  nameOf: NameOf,
  heading: string,
): string[] {
  const roles = register.roles.filter((r) => r.status === 'active');
  const rules = register.rules.filter((r) => r.status === 'active');
  if (register.roles.length === 0 && register.rules.length === 0) return [];
  const lines = [`${heading} ${labels.heading}`, ''];
  if (roles.length === 0 && rules.length === 0) return [...lines, labels.empty, ''];
  if (roles.length) {
    lines.push(`${heading}# ${labels.roles}`, '');
    for (const role of roles) {
      lines.push(`- **${escapeMarkdown(role.name)}**`);
      if (role.purpose) lines.push(`  - ${labels.fields.purpose}: ${escapeMarkdown(role.purpose)}`);
      if (role.accountabilities.length) {
        lines.push(`  - ${labels.fields.accountabilities}: ${list(role.accountabilities)}`);
      }
      const fillers = role.fillers.map((id) => escapeMarkdown(nameOf(id)));
      lines.push(`  - ${labels.filledBy}: ${fillers.length ? fillers.join(', ') : '—'}`);
    }
    lines.push('');
  }
  if (rules.length) {
    lines.push(`${heading}# ${labels.rules}`, '');
    for (const rule of rules)
      lines.push(`- **${escapeMarkdown(rule.title)}**: ${escapeMarkdownLines(rule.text, '  ')}`);
    lines.push('');
  }
  return lines;
}
