import type { AsyncAnswerKind, BetweenRecord } from '../teamSpace/betweenMeetingsTypes.ts';
import type { Decision, MeetingRecord, SyncOutcomeType, TeamSpaceState } from '../teamSpace/state.ts';
import type { ActionSummary } from './meetingSummary.ts';
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

/** One thing that happened between meetings, as the minutes (file and page) tell it. */
export type BetweenSummary =
  | {
      kind: 'tension-resolved';
      title: string;
      outcome: { type: SyncOutcomeType; action: ActionSummary | null; note: string | null };
      answers: Array<{ name: string; kind: AsyncAnswerKind; text: string }>;
    }
  | {
      kind: 'adopted';
      title: string;
      /** `null` when the live log let the decision go to the archive. */
      decision: Pick<
        Decision,
        'id' | 'number' | 'text' | 'adoptedAt' | 'present' | 'betweenMeetings' | 'changes'
      > | null;
    }
  | {
      kind: 'to-meeting';
      title: string;
      text: string | null;
      why: 'objection' | 'pulled' | 'not-applicable';
      objections: Array<{ name: string; reason: string }>;
    }
  | { kind: 'withdrawn' | 'dropped'; title: string };

/** The records as the minutes tell them: names looked up, actions and decisions found. Pure. */
export function summarizeBetween(
  state: TeamSpaceState,
  records: readonly BetweenRecord[],
  nameOf: NameOf,
): BetweenSummary[] {
  return records.map((record): BetweenSummary => {
    if (record.kind === 'tension-resolved') {
      const outcome = record.outcome;
      const action =
        outcome.type === 'next-action' || outcome.type === 'project'
          ? state.actions.find((a) => a.id === outcome.actionId)
          : undefined;
      return {
        kind: 'tension-resolved',
        title: record.title,
        outcome: {
          type: outcome.type,
          action: action
            ? { text: action.text, ownerName: action.ownerName, due: action.due, status: action.status }
            : null,
          note: 'note' in outcome && outcome.note ? outcome.note : null,
        },
        answers: record.answers.map((a) => ({ name: nameOf(a.by), kind: a.kind, text: a.text })),
      };
    }
    if (record.status === 'adopted') {
      const decision = record.decisionId ? state.decisions.find((d) => d.id === record.decisionId) : undefined;
      return { kind: 'adopted', title: record.title, decision: decision ?? null };
    }
    if (record.status === 'to-meeting') {
      const proposal = state.proposals.find((p) => p.id === record.proposalId);
      return {
        kind: 'to-meeting',
        title: record.title,
        text: proposal?.text ?? null,
        why: proposal?.toMeeting ?? 'objection',
        objections: (proposal?.objections ?? []).map((o) => ({ name: nameOf(o.by), reason: o.reason })),
      };
    }
    return { kind: record.status, title: record.title };
  });
}

function summaryLines(
  state: TeamSpaceState,
  entry: BetweenSummary,
  labels: LoopMinutesLabels,
  formatDate: (ms: number) => string,
  nameOf: NameOf,
): string[] {
  const lines = [`### ${escapeMarkdown(entry.title)}`, ''];
  switch (entry.kind) {
    case 'tension-resolved': {
      const { outcome } = entry;
      let detail = '';
      if (outcome.action) {
        detail = `: ${actionLine(outcome.action, outcome.action.status === 'done', labels).replace(/^- \[.\] /, '')}`;
      } else if (outcome.note) detail = `: ${escapeMarkdownLines(outcome.note)}`;
      lines.push(
        `${labels.outcome}: ${labels.outcomes[outcome.type]}${detail}  `,
        `(${labels.gotWhatNeeded.true})`,
        '',
      );
      if (entry.answers.length) {
        lines.push(`${labels.between.answers}:`, '');
        for (const answer of entry.answers) {
          lines.push(
            `- ${escapeMarkdown(answer.name)} (${labels.between.answerKinds[answer.kind]}): ${escapeMarkdownLines(answer.text, '  ')}`,
          );
        }
        lines.push('');
      }
      return lines;
    }
    case 'adopted': {
      const { decision } = entry;
      if (!decision) return [...lines, `**${labels.decision}:** ${labels.decisionArchived}`, ''];
      lines.push(`**${labels.decision} ${decision.number}:** ${escapeMarkdownLines(decision.text)}`, '');
      lines.push(betweenAdoptionLine(decision, formatDate(decision.adoptedAt), labels), '');
      return [...lines, ...decisionChangeLines(state.register, decision, labels.register, nameOf)];
    }
    case 'to-meeting':
      if (entry.text) lines.push(escapeMarkdownLines(entry.text), '');
      lines.push(`_${labels.between.toMeeting[entry.why]}_`, '');
      if (entry.objections.length) {
        lines.push(`${labels.between.objections}:`, '');
        for (const o of entry.objections)
          lines.push(`- ${escapeMarkdown(o.name)}: ${escapeMarkdownLines(o.reason, '  ')}`);
        lines.push('');
      }
      return lines;
    default:
      return [...lines, `_${labels.between[entry.kind]}_`, ''];
  }
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
    ...summarizeBetween(state, records, nameOf).flatMap((r) => summaryLines(state, r, labels, formatDate, nameOf)),
  ];
}
