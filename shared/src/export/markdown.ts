/**
 * Every line break kind: CommonMark ends a line at CR, LF and CRLF; other readers and editors also
 * at vertical tab, form feed, NEL and the Unicode line and paragraph separators. User text from
 * before input was cleaned may hold any of them, so exports treat them all alike.
 */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * Markdown would read `*`, `_`, `[` and friends in user text as formatting (and `|` as a table
 * cell, `#` as a heading's closing sequence). Each is backslash-escaped, which renders as itself.
 */
const INLINE_MARKERS = /([\\`*_[\]<>|~#])/g;

/**
 * What would open a block at the start of a line and is not caught inline: a list bullet (`-`,
 * `+`), a setext underline or thematic break (`=`, `-`), an ordered list number (`1.`, `1)`).
 */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * One line of user text inside a line of Markdown: every line break becomes a space, and nothing
 * in it can format, open a block or end the one it sits in, wherever on the line it is placed.
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(text.replace(LINE_BREAKS, ' ').trim().replace(INLINE_MARKERS, '\\$1'));
}

/**
 * User text that may span lines (a description, a proposal, a note), kept inside the block it
 * starts in: each line escaped like {@link escapeMarkdown}, joined by hard line breaks, with
 * `indent` before each continuation line (two spaces inside a list item). Blank lines are dropped,
 * since they would end the paragraph or list item.
 */
export function escapeMarkdownLines(text: string, indent = ''): string {
  return textLines(text).map(escapeMarkdown).join(`  \n${indent}`);
}

/**
 * The lines of user text that may span lines, at any kind of line break, each trimmed, blank ones
 * dropped: what the Markdown export writes as hard-broken lines, and what a page shows line by line.
 */
export function textLines(text: string): string[] {
  return text
    .split(LINE_BREAKS)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What a minutes line needs of an action, of either kind. */
export interface ActionLineParts {
  text: string;
  ownerName: string | null;
  due: string | null;
}

/**
 * One action in minutes, as a task-list item: its text, its owner (or the "no owner" label) and,
 * when set, its due date. One line shape for Lean Coffee and LOOP minutes.
 */
export function actionLine(
  action: ActionLineParts,
  done: boolean,
  labels: { readonly noOwner: string; readonly due: string },
): string {
  const owner = action.ownerName ? escapeMarkdown(action.ownerName) : `_${labels.noOwner}_`;
  const due = action.due ? ` (${labels.due} ${action.due})` : '';
  return `- [${done ? 'x' : ' '}] ${escapeMarkdown(action.text)} — ${owner}${due}`;
}
