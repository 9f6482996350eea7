import type { Outcome } from '../leanCoffee/state.ts';
import type { MinutesLabels } from './labels.ts';
import { actionLine, escapeMarkdown, escapeMarkdownLines } from './markdown.ts';
import type { LeanCoffeeSummary, TopicSummary } from './leanCoffeeSummary.ts';

export interface MinutesFormat {
  labels: MinutesLabels;
  /** The session's date as the reader's locale writes it. */
  formatDate: (epochMs: number) => string;
}

const thumbsSymbols = { up: '👍', side: '↔', down: '👎' } as const;

/** `12:05` for twelve minutes and five seconds. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** A Lean Coffee action has no status: it is always an open item. */
function outcomeActionLine(action: Outcome, labels: MinutesLabels): string {
  return actionLine(action, false, labels);
}

/** How the minutes mark the most important takeaway: a star, as the board shows it. */
const highlightMark = '★ ';

function topicSection(entry: TopicSummary, index: number, labels: MinutesLabels, highlightId: string | null): string[] {
  const { topic } = entry;
  const lines = [
    `### ${index + 1}. ${escapeMarkdown(topic.title)}`,
    '',
    `${labels.votes(entry.votes)} · ${labels.timeSpent} ${formatDuration(entry.spentMs)}`,
  ];
  const description = escapeMarkdownLines(topic.description);
  if (description) lines.push('', description);
  if (topic.mergedTitles.length) lines.push('', labels.mergedFrom(topic.mergedTitles.map(escapeMarkdown).join('; ')));
  if (entry.thumbs.length) {
    const rounds = entry.thumbs.map(
      (r) =>
        `${thumbsSymbols.up} ${r.up} ${thumbsSymbols.side} ${r.side} ${thumbsSymbols.down} ${r.down} → ${labels.thumbsOutcome[r.outcome]}`,
    );
    lines.push('', `${labels.thumbsHistory}: ${rounds.join('; ')}`);
  }
  if (entry.takeaways.length) {
    lines.push(
      '',
      `**${labels.takeaways}**`,
      '',
      ...entry.takeaways.map((t) => `- ${t.id === highlightId ? highlightMark : ''}${escapeMarkdown(t.text)}`),
    );
  }
  if (entry.actions.length) {
    lines.push('', `**${labels.actions}**`, '', ...entry.actions.map((a) => outcomeActionLine(a, labels)));
  }
  lines.push('');
  return lines;
}

/** The minutes of a Lean Coffee as Markdown: the document people keep after the meeting. */
export function leanCoffeeMarkdown(summary: LeanCoffeeSummary, format: MinutesFormat): string {
  const { labels } = format;
  const people = summary.participants
    .map((p) => (p.facilitator ? `${escapeMarkdown(p.name)} (${labels.facilitator})` : escapeMarkdown(p.name)))
    .join(', ');
  const lines = [
    `# ${escapeMarkdown(summary.title)}`,
    '',
    `${labels.leanCoffee} · ${format.formatDate(summary.createdAt)}`,
    '',
    `**${labels.participants}:** ${people}  `,
    `**${labels.votesPerPerson}:** ${summary.votesPerPerson}`,
    '',
    `## ${labels.discussed}`,
    '',
  ];
  if (summary.discussed.length === 0) lines.push(labels.nothingYet, '');
  summary.discussed.forEach((entry, index) => lines.push(...topicSection(entry, index, labels, summary.highlightId)));

  if (summary.notDiscussed.length) {
    lines.push(`## ${labels.notDiscussed}`, '');
    for (const entry of summary.notDiscussed) {
      const skipped = entry.skipped ? ` · ${labels.skipped}` : '';
      lines.push(`- ${escapeMarkdown(entry.topic.title)} (${labels.votes(entry.votes)}${skipped})`);
    }
    lines.push('');
  }

  const actions = [...summary.discussed, ...summary.notDiscussed].flatMap((entry) =>
    entry.actions.map((action) => ({ action, topic: entry.topic.title })),
  );
  if (actions.length) {
    lines.push(
      `## ${labels.allActions}`,
      '',
      `| ${labels.action} | ${labels.owner} | ${labels.dueColumn} | ${labels.topic} |`,
      '| --- | --- | --- | --- |',
    );
    for (const { action, topic } of actions) {
      const cells = [action.text, action.ownerName ?? labels.noOwner, action.due ?? '', topic].map(escapeMarkdown);
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }

  if (summary.closing.length) {
    lines.push(`## ${labels.closingRound}`, '');
    for (const entry of summary.closing) {
      lines.push(
        `- ${escapeMarkdown(entry.name)}: ${entry.text === null ? `_${labels.passed}_` : escapeMarkdown(entry.text)}`,
      );
    }
    lines.push('');
  }

  if (summary.roti.average !== null) {
    lines.push(`## ${labels.roti}`, '', labels.rotiSummary(summary.roti.average, summary.roti.count), '');
    lines.push(summary.roti.distribution.map((count, i) => `${i + 1}: ${count}`).join(' · '), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** One CSV cell (RFC 4180 quoting), safe against formula injection; every CSV export writes its cells with it. */
export function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  // Both separators are quoted, so a file stays readable whichever one a spreadsheet assumes.
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type CsvRow = [
  kind: string,
  topic: string,
  status: string,
  text: string,
  votes: number | '',
  minutes: number | '',
  person: string,
  due: string,
];

/**
 * The same record as CSV for a spreadsheet in the reader's language: one row per topic (with
 * whether it was discussed), takeaway, action, closing-round answer and the ROTI result, split by
 * that language's list separator, with a BOM so spreadsheets read umlauts.
 */
export function leanCoffeeCsv(summary: LeanCoffeeSummary, labels: MinutesLabels): string {
  const rows: CsvRow[] = [];
  const topicRows = (entry: TopicSummary, status: string) => {
    const title = entry.topic.title;
    rows.push([
      labels.csvKind.topic,
      title,
      status,
      entry.topic.description,
      entry.votes,
      Math.round(entry.spentMs / 60_000),
      '',
      '',
    ]);
    for (const t of entry.takeaways) rows.push([labels.csvKind.takeaway, title, status, t.text, '', '', '', '']);
    for (const a of entry.actions)
      rows.push([labels.csvKind.action, title, status, a.text, '', '', a.ownerName ?? '', a.due ?? '']);
  };
  for (const entry of summary.discussed) topicRows(entry, labels.csvStatus.discussed);
  for (const entry of summary.notDiscussed) topicRows(entry, labels.csvStatus.notDiscussed);
  for (const entry of summary.closing) {
    rows.push([labels.csvKind.closing, '', '', entry.text ?? labels.passed, '', '', entry.name, '']);
  }
  if (summary.roti.average !== null) {
    const distribution = summary.roti.distribution.map((count, i) => `${i + 1}: ${count}`).join(' · ');
    const text = `${labels.rotiSummary(summary.roti.average, summary.roti.count)} · ${distribution}`;
    rows.push([labels.csvKind.roti, '', '', text, '', '', '', '']);
  }
  const lines = [labels.csvHeader, ...rows].map((row) => row.map(csvCell).join(labels.csvSeparator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
