/** Markdown would read `*`, `_`, `[` and friends in user text as formatting (and `|` as a table cell). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/\r?\n/g, ' ');
}
