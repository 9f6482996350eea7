import type { BetweenRecord } from '../teamSpace/betweenMeetingsTypes.ts';
import type { MeetingRecord, TeamSpaceState } from '../teamSpace/state.ts';
import type { LoopMinutesLabels } from './loopLabels.ts';
import { actionLine, escapeMarkdown, escapeMarkdownLines } from './markdown.ts';
import { decisionChangeLines, type NameOf } from './registerMinutes.ts';

/**
 * What happened between the meeting before `record` (of any room) and `record` itself: the
 * meeting's minutes tell it first, so whoever reads them knows what moved without a meeting since
 * the team last met. Oldest first, as `state.between` keeps them.
 */
export function betweenBefore(state: TeamSpaceState, record: Pick<MeetingRecord, 'id' | 'startedAt'>): BetweenRecord[] {
  const previousEnd = state.meetings
    .filter((m) => m.id !== record.id && m.endedAt <= record.startedAt)
    .reduce((latest, m) => Math.max(latest, m.endedAt), Number.NEGATIVE_INFINITY);
  return state.between.filter((r) => r.at > previousEnd && r.at <= record.startedAt);
}

/** The "adopted between meetings" line of a decision: who said no objection, who did not respond. */
export function betweenAdoptionLine(
  decision: { present: string[]; betweenMeetings?: { noResponse: string[] } },
  date: string,
  labels: LoopMinutesLabels,
): string {
  const names = (list: readonly string[]) => (list.length ? list.map(escapeMarkdown).join(', ') : '—');
  const noResponse = decision.betweenMeetings?.noResponse ?? [];
  return [
    `${labels.between.adopted} ${date}`,
    `${labels.between.noObjection}: ${names(decision.present)}`,
    ...(noResponse.length ? [`${labels.between.noResponse}: ${names(noResponse)}`] : []),
  ].join(' · ');
}

function recordLines(
  state: TeamSpaceState,
  record: BetweenRecord,
  labels: LoopMinutesLabels,
  formatDate: (ms: number) => string,
  nameOf: NameOf,
): string[] {
  const lines = [`### ${escapeMarkdown(record.title)}`, ''];
  if (record.kind === 'tension-resolved') {
    const outcome = record.outcome;
    let detail = '';
    if (outcome.type === 'next-action' || outcome.type === 'project') {
      const action = state.actions.find((a) => a.id === outcome.actionId);
      if (action) detail = `: ${actionLine(action, action.status === 'done', labels).replace(/^- \[.\] /, '')}`;
    } else if ('note' in outcome && outcome.note) detail = `: ${escapeMarkdownLines(outcome.note)}`;
    lines.push(`${labels.outcome}: ${labels.outcomes[outcome.type]}${detail}  `);
    lines.push(`(${labels.gotWhatNeeded.true})`, '');
    if (record.answers.length) {
      lines.push(`${labels.between.answers}:`, '');
      for (const answer of record.answers) {
        lines.push(
          `- ${escapeMarkdown(nameOf(answer.by))} (${labels.between.answerKinds[answer.kind]}): ${escapeMarkdownLines(answer.text, '  ')}`,
        );
      }
      lines.push('');
    }
    return lines;
  }
  const proposal = state.proposals.find((p) => p.id === record.proposalId);
  const decision = record.decisionId ? state.decisions.find((d) => d.id === record.decisionId) : undefined;
  if (record.status === 'adopted') {
    if (decision) {
      lines.push(`**${labels.decision} ${decision.number}:** ${escapeMarkdownLines(decision.text)}`, '');
      lines.push(betweenAdoptionLine(decision, formatDate(decision.adoptedAt), labels), '');
      lines.push(...decisionChangeLines(state.register, decision, labels.register, nameOf));
    } else lines.push(`**${labels.decision}:** ${labels.decisionArchived}`, '');
    return lines;
  }
  if (record.status === 'to-meeting') {
    if (proposal) lines.push(escapeMarkdownLines(proposal.text), '');
    lines.push(`_${labels.between.toMeeting[proposal?.toMeeting ?? 'objection']}_`, '');
    const objections = proposal?.objections ?? [];
    if (objections.length) {
      lines.push(`${labels.between.objections}:`, '');
      for (const o of objections)
        lines.push(`- ${escapeMarkdown(nameOf(o.by))}: ${escapeMarkdownLines(o.reason, '  ')}`);
      lines.push('');
    }
    return lines;
  }
  lines.push(`_${labels.between[record.status]}_`, '');
  return lines;
}

/** The minutes' "Between meetings" section for these records; nothing when there are none. */
export function betweenSectionLines(
  state: TeamSpaceState,
  records: readonly BetweenRecord[],
  labels: LoopMinutesLabels,
  formatDate: (ms: number) => string,
  nameOf: NameOf,
): string[] {
  if (records.length === 0) return [];
  return [
    `## ${labels.between.heading}`,
    '',
    ...records.flatMap((r) => recordLines(state, r, labels, formatDate, nameOf)),
  ];
}
