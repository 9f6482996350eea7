/**
 * Reads back the small part of Markdown that the shared minutes exporters write (headings,
 * paragraphs with hard breaks, bullet and task lists, `**bold**`, `_italic_`, backslash escapes,
 * `---`), so the page shows the very text of the downloaded file without any HTML from strings.
 */

export interface Span {
  text: string;
  strong: boolean;
  em: boolean;
}

export interface ListItem {
  /** `true`/`false` for a task (`- [x]` / `- [ ]`), `null` for a plain bullet. */
  checked: boolean | null;
  content: Span[];
}

export type Block =
  | { kind: 'heading'; level: number; content: Span[] }
  | { kind: 'paragraph'; lines: Span[][] }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'rule' };

/** Inline formatting; user text reaches us escaped, so every unescaped marker is the exporter's. */
export function parseInline(text: string): Span[] {
  const spans: Span[] = [];
  let strong = false;
  let em = false;
  let current = '';
  const flush = () => {
    if (current) spans.push({ text: current, strong, em });
    current = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += text[i + 1];
      i += 1;
    } else if (char === '*' && text[i + 1] === '*') {
      flush();
      strong = !strong;
      i += 1;
    } else if (char === '_') {
      flush();
      em = !em;
    } else {
      current += char;
    }
  }
  flush();
  return spans;
}

const headingPattern = /^(#{1,6}) (.*)$/;
const itemPattern = /^- (?:\[([ xX])\] )?(.*)$/;

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Span[][] | null = null;
  let list: ListItem[] | null = null;
  // A line ending in two spaces breaks the line; otherwise the next line continues it.
  let joinNext = false;

  const close = () => {
    paragraph = null;
    list = null;
    joinNext = false;
  };

  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = headingPattern.exec(line);
    const item = itemPattern.exec(line);
    if (line === '') {
      close();
    } else if (line === '---') {
      close();
      blocks.push({ kind: 'rule' });
    } else if (list && /^ {2}\S/.test(line)) {
      // A multi-line note inside a list item: its further lines are indented under the bullet.
      list[list.length - 1]!.content.push({ text: ' ', strong: false, em: false }, ...parseInline(line.trimStart()));
    } else if (heading) {
      close();
      blocks.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!) });
    } else if (item) {
      paragraph = null;
      if (!list) {
        list = [];
        blocks.push({ kind: 'list', items: list });
      }
      const mark = item[1];
      list.push({ checked: mark === undefined ? null : mark !== ' ', content: parseInline(item[2]!) });
    } else {
      list = null;
      const spans = parseInline(line);
      if (!paragraph) {
        paragraph = [spans];
        blocks.push({ kind: 'paragraph', lines: paragraph });
      } else if (joinNext) {
        paragraph[paragraph.length - 1]!.push({ text: ' ', strong: false, em: false }, ...spans);
      } else {
        paragraph.push(spans);
      }
      joinNext = !raw.endsWith('  ');
    }
  }
  return blocks;
}
