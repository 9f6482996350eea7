import { findMember, findTension } from '../teamSpace/selectors.ts';
import {
  personalRooms,
  type ActionItem,
  type Decision,
  type MeetingRecord,
  type RoomKey,
  type TeamSpaceState,
  type ProcessedTension,
} from '../teamSpace/state.ts';
import { actionLine, escapeMarkdown, escapeMarkdownLines } from './markdown.ts';
import type { LoopMinutesLabels } from './loopLabels.ts';

export interface LoopMinutesFormat {
  labels: LoopMinutesLabels;
  formatDate: (epochMs: number) => string;
}

/** The team's own room name where it set one, otherwise the default in the reader's language. */
export function roomName(state: TeamSpaceState, room: RoomKey, labels: LoopMinutesLabels): string {
  return state.roomNames[room] ?? labels.rooms[room];
}

function loopActionLine(action: ActionItem, labels: LoopMinutesLabels): string {
  return actionLine(action, action.status === 'done', labels);
}

function processedLines(
  state: TeamSpaceState,
  entry: ProcessedTension,
  room: RoomKey,
  labels: LoopMinutesLabels,
): string[] {
  const lines = [`### ${escapeMarkdown(entry.title)}`, ''];
  const outcome = entry.outcome;
  if (outcome) {
    const action =
      outcome.type === 'next-action' || outcome.type === 'project'
        ? state.actions.find((a) => a.id === outcome.actionId)
        : undefined;
    const note = 'note' in outcome && outcome.note ? `: ${escapeMarkdownLines(outcome.note)}` : '';
    const detail = action ? `: ${loopActionLine(action, labels).replace(/^- \[.\] /, '')}` : note;
    const line = `${labels.outcome}: ${labels.outcomes[outcome.type]}${detail}`;
    if (entry.gotWhatNeeded === null) lines.push(line);
    else lines.push(`${line}  `, `(${labels.gotWhatNeeded[entry.gotWhatNeeded ? 'true' : 'false']})`);
    lines.push('');
  }
  if (entry.agreement) lines.push(`${labels.agreement}: ${escapeMarkdownLines(entry.agreement)}`, '');
  const decision = entry.decisionId ? state.decisions.find((d) => d.id === entry.decisionId) : undefined;
  // The live log keeps the newest decisions; an older meeting's may be in the archive by now.
  if (entry.decisionId && !decision) lines.push(`**${labels.decision}:** ${labels.decisionArchived}`, '');
  else if (decision) {
    lines.push(`**${labels.decision}:** ${escapeMarkdownLines(decision.text)}`, '');
    const absent = decision.markedAbsent ?? [];
    if (absent.length) {
      lines.push(`(${labels.markedAbsent}: ${absent.map(escapeMarkdown).join(', ')})`, '');
    }
  } else if (room === 'governance') lines.push(`_${labels.notAdopted}_`, '');
  return lines;
}

/**
 * The minutes of one team meeting: who was there in which role, what the sync sections showed,
 * each tension with its outcome, decisions and actions. Content of the individual and
 * relationship rooms appears only where the group marked it shareable.
 */
export function loopMeetingMarkdown(state: TeamSpaceState, record: MeetingRecord, format: LoopMinutesFormat): string {
  const { labels } = format;
  const name = (id: string | null) => (id ? escapeMarkdown(findMember(state, id)?.name ?? '?') : labels.nobody);
  const lines = [
    `# ${escapeMarkdown(state.title)} — ${escapeMarkdown(roomName(state, record.room, labels))}`,
    '',
    labels.meetingOn(format.formatDate(record.startedAt)),
    '',
    `**${labels.attendees}:** ${record.attendees.map(name).join(', ')}  `,
    `**${labels.facilitator}:** ${name(record.facilitatorId)}  `,
    `**${labels.scribe}:** ${name(record.scribeId)}`,
    '',
  ];
  // A meeting ended early, or moved on without a round, says so instead of looking complete.
  const skipped = record.skipped ?? [];
  if (skipped.length) lines.push(`**${labels.skipped}:** ${skipped.map((s) => labels.stages[s]).join(', ')}`, '');
  if (record.checklist.length) {
    lines.push(`## ${labels.checklist}`, '');
    for (const item of record.checklist) {
      lines.push(
        `- ${escapeMarkdown(item.label)}: ${labels.checklistDone[String(item.done) as 'true' | 'false' | 'null']}`,
      );
    }
    lines.push('');
  }
  if (record.metrics.length) {
    lines.push(`## ${labels.metrics}`, '');
    for (const metric of record.metrics)
      lines.push(`- ${escapeMarkdown(metric.label)}: ${escapeMarkdown(metric.value) || '—'}`);
    lines.push('');
  }
  if (record.projectUpdates.length) {
    lines.push(`## ${labels.projectUpdates}`, '');
    for (const update of record.projectUpdates) {
      const project = state.actions.find((a) => a.id === update.actionId);
      lines.push(`- ${escapeMarkdown(project?.text ?? '?')}: ${escapeMarkdownLines(update.note, '  ')}`);
    }
    lines.push('');
  }

  lines.push(`## ${labels.tensions}`, '');
  // Personal rooms stay out of the minutes unless the group marked the tension shareable.
  const personal = personalRooms.includes(record.room);
  const shown = record.processed.filter((p) => !personal || findTension(state, p.tensionId)?.shareable);
  const hidden = record.processed.length - shown.length;
  if (record.processed.length === 0) lines.push(labels.noTensions, '');
  for (const entry of shown) lines.push(...processedLines(state, entry, record.room, labels));
  if (hidden > 0) lines.push(`_${labels.personalNotShared(hidden)}_`, '');

  const actions = state.actions.filter((a) => a.meetingId === record.id);
  if (actions.length) lines.push(`## ${labels.actions}`, '', ...actions.map((a) => loopActionLine(a, labels)), '');
  const earlier = state.actions.filter((a) => a.status === 'open' && a.meetingId !== record.id);
  if (earlier.length) lines.push(`## ${labels.stillOpen}`, '', ...earlier.map((a) => loopActionLine(a, labels)), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The team's decision log (Beschlussbuch): every adopted proposal, newest last, each under the
 * number it got at adoption. `archived` are the decisions the live state let go (read from the
 * archive), in any order; without them the log starts at the oldest decision still live.
 */
export function decisionLogMarkdown(
  state: TeamSpaceState,
  format: LoopMinutesFormat,
  archived: readonly Decision[] = [],
): string {
  const { labels } = format;
  const lines = [`# ${escapeMarkdown(state.title)} — ${labels.decisionLog}`, ''];
  const live = new Set(state.decisions.map((d) => d.id));
  const older = archived.filter((d) => !live.has(d.id)).sort((a, b) => a.number - b.number);
  for (const decision of [...older, ...state.decisions]) {
    const markedAbsent = decision.markedAbsent ?? [];
    const absent = markedAbsent.length
      ? ` · ${labels.markedAbsent}: ${markedAbsent.map(escapeMarkdown).join(', ')}`
      : '';
    lines.push(
      `## ${decision.number}. ${escapeMarkdown(decision.title)}`,
      '',
      escapeMarkdownLines(decision.text) || '—',
      '',
      `${labels.adopted} ${format.formatDate(decision.adoptedAt)} · ${labels.present}: ${decision.present.map(escapeMarkdown).join(', ')}${absent}`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
