import type { Decision, MeetingRecord, TeamSpaceState } from '../teamSpace/state.ts';
import { actionLine, escapeMarkdown, escapeMarkdownLines } from './markdown.ts';
import { findMember } from '../teamSpace/selectors.ts';
import { betweenAdoptionLine, betweenBefore, betweenSectionLines } from './betweenMinutes.ts';
import type { LoopMinutesLabels } from './loopLabels.ts';
import { summarizeMeeting, type ActionSummary, type ProcessedSummary } from './meetingSummary.ts';
import { decisionChangeLines, registerSectionLines, type NameOf } from './registerMinutes.ts';

export interface LoopMinutesFormat {
  labels: LoopMinutesLabels;
  formatDate: (epochMs: number) => string;
}

function loopActionLine(action: ActionSummary, labels: LoopMinutesLabels): string {
  return actionLine(action, action.status === 'done', labels);
}

/** A member's name for the minutes; `?` for someone the space no longer knows. */
const nameIn =
  (state: TeamSpaceState): NameOf =>
  (id) =>
    findMember(state, id)?.name ?? '?';

function processedLines(state: TeamSpaceState, entry: ProcessedSummary, labels: LoopMinutesLabels): string[] {
  const lines = [`### ${escapeMarkdown(entry.title)}`, ''];
  const outcome = entry.outcome;
  if (outcome) {
    const note = outcome.note ? `: ${escapeMarkdownLines(outcome.note)}` : '';
    const detail = outcome.action ? `: ${loopActionLine(outcome.action, labels).replace(/^- \[.\] /, '')}` : note;
    const line = `${labels.outcome}: ${labels.outcomes[outcome.type]}${detail}`;
    if (entry.gotWhatNeeded === null) lines.push(line);
    else lines.push(`${line}  `, `(${labels.gotWhatNeeded[entry.gotWhatNeeded ? 'true' : 'false']})`);
    lines.push('');
  }
  if (entry.agreement) lines.push(`${labels.agreement}: ${escapeMarkdownLines(entry.agreement)}`, '');
  const decision = entry.decision;
  if (decision?.kind === 'archived') lines.push(`**${labels.decision}:** ${labels.decisionArchived}`, '');
  else if (decision?.kind === 'adopted') {
    lines.push(`**${labels.decision}:** ${escapeMarkdownLines(decision.text)}`, '');
    if (decision.markedAbsent.length) {
      lines.push(`(${labels.markedAbsent}: ${decision.markedAbsent.map(escapeMarkdown).join(', ')})`, '');
    }
    const adopted = state.decisions.find((d) => d.id === decision.id);
    if (adopted) lines.push(...decisionChangeLines(state.register, adopted, labels.register, nameIn(state)));
  } else if (decision?.kind === 'none') lines.push(`_${labels.notAdopted}_`, '');
  return lines;
}

/**
 * The minutes of one team meeting: who was there in which role, what the sync sections showed,
 * each tension with its outcome, decisions and actions. Content of the individual and
 * relationship rooms appears only where the group marked it shareable (see `summarizeMeeting`).
 */
export function loopMeetingMarkdown(state: TeamSpaceState, record: MeetingRecord, format: LoopMinutesFormat): string {
  const { labels } = format;
  const minutes = summarizeMeeting(state, record);
  const name = (person: string | null) => (person === null ? labels.nobody : escapeMarkdown(person));
  const lines = [
    `# ${escapeMarkdown(minutes.spaceTitle)} — ${escapeMarkdown(minutes.customRoomName ?? labels.rooms[minutes.room])}`,
    '',
    labels.meetingOn(format.formatDate(minutes.startedAt)),
    '',
    `**${labels.attendees}:** ${minutes.attendees.map(name).join(', ')}  `,
    `**${labels.facilitator}:** ${name(minutes.facilitator)}  `,
    `**${labels.scribe}:** ${name(minutes.scribe)}`,
    '',
  ];
  // A meeting ended early, or moved on without a round, says so instead of looking complete.
  if (minutes.skipped.length) {
    lines.push(`**${labels.skipped}:** ${minutes.skipped.map((s) => labels.stages[s]).join(', ')}`, '');
  }
  // What moved since the team last met comes first: the meeting goes on from there.
  lines.push(...betweenSectionLines(state, betweenBefore(state, record), labels, format.formatDate, nameIn(state)));
  if (minutes.checklist.length) {
    lines.push(`## ${labels.checklist}`, '');
    for (const item of minutes.checklist) {
      lines.push(
        `- ${escapeMarkdown(item.label)}: ${labels.checklistDone[String(item.done) as 'true' | 'false' | 'null']}`,
      );
    }
    lines.push('');
  }
  if (minutes.metrics.length) {
    lines.push(`## ${labels.metrics}`, '');
    for (const metric of minutes.metrics)
      lines.push(`- ${escapeMarkdown(metric.label)}: ${escapeMarkdown(metric.value) || '—'}`);
    lines.push('');
  }
  if (minutes.projectUpdates.length) {
    lines.push(`## ${labels.projectUpdates}`, '');
    for (const update of minutes.projectUpdates) {
      lines.push(`- ${escapeMarkdown(update.project)}: ${escapeMarkdownLines(update.note, '  ')}`);
    }
    lines.push('');
  }

  lines.push(`## ${labels.tensions}`, '');
  if (minutes.processedCount === 0) lines.push(labels.noTensions, '');
  for (const entry of minutes.tensions) lines.push(...processedLines(state, entry, labels));
  if (minutes.notShared > 0) lines.push(`_${labels.personalNotShared(minutes.notShared)}_`, '');

  if (minutes.actions.length) {
    lines.push(`## ${labels.actions}`, '', ...minutes.actions.map((a) => loopActionLine(a, labels)), '');
  }
  if (minutes.stillOpen.length) {
    lines.push(`## ${labels.stillOpen}`, '', ...minutes.stillOpen.map((a) => loopActionLine(a, labels)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The team's decision log (Beschlussbuch): every adopted proposal, newest last, each under the
 * number it got at adoption, with what it changed in the register; one adopted between meetings
 * says so, with who said "no objection" and who did not respond. The register of roles and rules
 * as it is now closes the log. `archived` are the decisions the live state let go (read from the
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
    const date = format.formatDate(decision.adoptedAt);
    lines.push(
      `## ${decision.number}. ${escapeMarkdown(decision.title)}`,
      '',
      escapeMarkdownLines(decision.text) || '—',
      '',
      decision.betweenMeetings
        ? betweenAdoptionLine(decision, date, labels)
        : `${labels.adopted} ${date} · ${labels.present}: ${decision.present.map(escapeMarkdown).join(', ')}${absent}`,
      '',
      ...decisionChangeLines(state.register, decision, labels.register, nameIn(state)),
    );
  }
  lines.push(...registerSectionLines(state.register, labels.register, nameIn(state), '##'));
  return `${lines.join('\n').trimEnd()}\n`;
}
