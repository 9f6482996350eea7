import type { HallExport, HallExportTable, HallExportTopic } from './hallExport.ts';
import type { HallExportLabels } from './hallLabels.ts';
import { csvCell } from './leanCoffeeMinutes.ts';
import { actionLine, escapeMarkdown, escapeMarkdownLines } from './markdown.ts';

const thumbsSymbols = { up: '👍', side: '↔', down: '👎' } as const;

function topicLines(topic: HallExportTopic, labels: HallExportLabels): string[] {
  const lines = [
    `### ${escapeMarkdown(topic.title)}`,
    '',
    `${labels.votes(topic.votes)} · ${labels.status[topic.status]}`,
  ];
  const description = escapeMarkdownLines(topic.description);
  if (description) lines.push('', description);
  if (topic.thumbs.length) {
    const rounds = topic.thumbs.map(
      (r) =>
        `${thumbsSymbols.up} ${r.up} ${thumbsSymbols.side} ${r.side} ${thumbsSymbols.down} ${r.down} → ${labels.thumbsOutcome[r.outcome]}`,
    );
    lines.push('', `${labels.thumbsHistory}: ${rounds.join('; ')}`);
  }
  if (topic.takeaways.length) {
    lines.push('', `**${labels.takeaways}**`, '', ...topic.takeaways.map((t) => `- ${escapeMarkdown(t)}`));
  }
  if (topic.actions.length) {
    lines.push(
      '',
      `**${labels.actions}**`,
      '',
      ...topic.actions.map((a) => actionLine({ text: a.text, ownerName: a.owner, due: a.due }, false, labels)),
    );
  }
  lines.push('');
  return lines;
}

function tableLines(table: HallExportTable, labels: HallExportLabels): string[] {
  const closed = table.closed ? ` (${labels.closed})` : '';
  const lines = [`## ${labels.table(table.number)}${closed}`, '', `**${labels.people}:** ${table.people}`, ''];
  if (table.highlight) lines.push(`**${labels.highlight}:** ${escapeMarkdown(table.highlight)}`, '');
  if (table.topics.length === 0) lines.push(labels.noTopics, '');
  for (const topic of table.topics) lines.push(...topicLines(topic, labels));
  return lines;
}

/** The record of a whole event as Markdown: the hall, its harvest and announcements, then table by table. */
export function hallMarkdown(file: HallExport, labels: HallExportLabels): string {
  const { hall } = file;
  const lines = [
    `# ${escapeMarkdown(hall.title)}`,
    '',
    `${labels.event} · ${labels.formatDate(hall.createdAt)}`,
    '',
    `**${labels.tables}:** ${hall.tables}  `,
    `**${labels.people}:** ${hall.people}  `,
    `**${labels.phase}:** ${labels.phases[hall.phase]}`,
    '',
  ];
  if (file.harvest.length) {
    lines.push(`## ${labels.harvest}`, '');
    for (const pick of file.harvest) {
      lines.push(
        `${pick.rank}. ${escapeMarkdown(pick.text)} — ${labels.table(pick.table)} · ${labels.dots(pick.dots)}`,
      );
    }
    lines.push('');
  }
  if (file.announcements.length) {
    lines.push(`## ${labels.announcements}`, '');
    for (const a of file.announcements) lines.push(`- ${labels.formatTime(a.at)} ${escapeMarkdown(a.text)}`);
    lines.push('');
  }
  for (const table of file.tables) lines.push(...tableLines(table, labels));
  return `${lines.join('\n').trimEnd()}\n`;
}

type HallCsvRow = [
  table: number,
  kind: string,
  topic: string,
  status: string,
  text: string,
  votes: number | '',
  person: string,
  due: string,
];

/**
 * The same record as CSV: one row per topic, takeaway and action with its table's number, then
 * one per harvest pick (its dots in the votes column). Cells are quoted by RFC 4180 and guarded
 * against formula injection; the language's list separator and a BOM, as every Runde CSV.
 */
export function hallCsv(file: HallExport, labels: HallExportLabels): string {
  const rows: HallCsvRow[] = [];
  for (const table of file.tables) {
    for (const topic of table.topics) {
      const status = labels.status[topic.status];
      rows.push([table.number, labels.csvKind.topic, topic.title, status, topic.description, topic.votes, '', '']);
      for (const t of topic.takeaways)
        rows.push([table.number, labels.csvKind.takeaway, topic.title, status, t, '', '', '']);
      for (const a of topic.actions) {
        rows.push([table.number, labels.csvKind.action, topic.title, status, a.text, '', a.owner ?? '', a.due ?? '']);
      }
    }
  }
  for (const pick of file.harvest)
    rows.push([pick.table, labels.csvKind.harvest, '', '', pick.text, pick.dots, '', '']);
  const lines = [labels.csvHeader, ...rows].map((row) => row.map(csvCell).join(labels.csvSeparator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
