import { limits } from '../../protocol/limits.ts';
import { applyLoop, initialTeamSpace } from '../apply.ts';
import type { LoopEvent } from '../events.ts';
import type { ActionItem, Meeting, Objection, TeamSpaceState, Tension } from '../state.ts';
import {
  addRole,
  asyncAnswers,
  fillBetweenRecords,
  fillProposals,
  fillRegister,
  fillRhythm,
  type WorstCaseTools,
} from './worstCaseBetween.ts';

/**
 * The largest JSON a team space can reach, in bytes, whatever its age: every list at its cap, every
 * text at its length limit in three-byte characters (€). Asserted by `history.test.ts`; the figure
 * of record in docs/security.md. Plain ASCII text gives about a third of the text part. Measured
 * 9.93 MB with the work between meetings (issue 17: register, proposals, async answers, records,
 * decisions with changes); before it 7.9 MB, and 138 MB at issue 17's first caps.
 */
export const WORST_CASE_TEAM_SPACE_BYTES = 10_000_000;

/** A text of `length` three-byte characters. */
const text = (length: number) => '€'.repeat(length);

/** Ids as long as the server's (`tn_` + 16 characters). */
const makeId = (kind: string, n: number) => `${kind}_${String(n).padStart(16, '0')}`;

/**
 * Builds the worst case the way it would happen: `years` of weekly sync meetings, each taking up
 * as many tensions as a meeting may, with every text at its maximum, folded event by event through
 * `applyLoop` (so the history bounds apply as they do in the server), and then a space whose live
 * parts are all full: the open backlog, open actions and a governance meeting at every cap.
 */
export function worstCaseTeamSpace(options: { years: number }): TeamSpaceState {
  let n = 0;
  const next = (kind: string) => makeId(kind, ++n);
  let now = 1_700_000_000_000;
  let state = initialTeamSpace({
    type: 'space:created',
    id: 'TEAM23',
    title: text(limits.sessionTitle),
    createdAt: now,
  });
  const fold = (...events: LoopEvent[]) => {
    for (const event of events) state = applyLoop(state, event);
  };

  fold({
    type: 'space:updated',
    title: text(limits.sessionTitle),
    roomNames: {
      operational: text(limits.roomName),
      governance: text(limits.roomName),
      individual: text(limits.roomName),
      relationship: text(limits.roomName),
    },
    checklist: Array.from({ length: limits.checklistItems }, () => text(limits.topicTitle)),
    metrics: Array.from({ length: limits.metrics }, () => text(limits.topicTitle)),
  });
  for (let i = 0; i < limits.membersPerSpace; i += 1) {
    fold({
      type: 'participant:joined',
      participant: {
        id: next('p'),
        name: text(limits.displayName),
        role: i === 0 ? 'facilitator' : 'participant',
        online: true,
        joinedAt: now,
      },
    });
  }
  const members = state.participants.map((p) => p.id);
  const tools: WorstCaseTools = { text, next, tick: () => (now += 1), members };

  const tension = (authorId: string): Tension => ({
    id: next('tn'),
    title: text(limits.topicTitle),
    description: text(limits.topicDescription),
    authorId,
    anonymous: false,
    createdAt: (now += 1),
    proposedRoom: 'operational',
    room: 'operational',
    roomConfirmed: true,
    status: 'open',
    outcome: { type: 'information', note: text(limits.outcomeText) },
    gotWhatNeeded: true,
    agreement: text(limits.outcomeText),
    shareable: true,
    resolvedAt: null,
    meetingId: null,
    // Who may read a private tension: at most every member.
    readers: members,
    // Asked between meetings first, with every answer (they stay on it once it is closed).
    async: { askedAt: now, answers: asyncAnswers(tools) },
  });
  const action = (meetingId: string, tensionId: string, kind: ActionItem['kind'] = 'next-action'): ActionItem => ({
    id: next('a'),
    kind,
    text: text(limits.outcomeText),
    ownerId: null,
    ownerName: text(limits.displayName),
    due: '2030-12-31',
    status: 'open',
    tensionId,
    meetingId,
    createdAt: (now += 1),
  });
  const meeting = (room: Meeting['room']): Meeting => ({
    id: next('m'),
    room,
    startedAt: (now += 1),
    facilitatorId: members[0]!,
    scribeId: members[1]!,
    attendees: members,
    stage: 'tensions',
    checklist: state.checklist.map((label) => ({ label, done: true })),
    metrics: state.metrics.map((label) => ({ label, value: text(limits.metricValue) })),
    projectUpdates: [],
    agenda: [],
    currentTensionId: null,
    processed: [],
    round: null,
    process: null,
    timer: { status: 'idle' },
  });
  const projects = Array.from({ length: limits.projectUpdatesPerMeeting }, () => action('m', 'tn', 'project'));

  /** One tension from intake to its line in the minutes, with an action (done later) and a decision. */
  const processOne = (m: Meeting, authorId: string) => {
    const t = tension(authorId);
    const done = action(m.id, t.id);
    fold(
      { type: 'tension:added', tension: t },
      { type: 'meeting:tension-started', tensionId: t.id },
      { type: 'action:added', action: done },
    );
    if (state.decisionsAdopted < limits.decisionsPerSpace) {
      fold({
        type: 'decision:adopted',
        decision: {
          id: next('d'),
          number: state.decisionsAdopted + 1,
          tensionId: t.id,
          title: t.title,
          text: text(limits.topicDescription),
          adoptedAt: now,
          meetingId: m.id,
          present: state.participants.map((p) => p.name),
        },
      });
    }
    fold(
      { type: 'tension:closed', tensionId: t.id, gotWhatNeeded: true, resolved: true, at: (now += 1) },
      { type: 'action:status-set', actionId: done.id, status: 'done' },
    );
  };

  for (let week = 0; week < options.years * 52; week += 1) {
    const m = meeting('operational');
    fold({ type: 'meeting:started', meeting: m });
    for (const p of projects) fold({ type: 'meeting:project-updated', actionId: p.id, note: text(limits.outcomeText) });
    for (let i = 0; i < limits.tensionsPerMeeting; i += 1) processOne(m, members[i % members.length]!);
    const current = state.meeting!;
    fold({
      type: 'meeting:ended',
      record: {
        id: current.id,
        room: current.room,
        startedAt: current.startedAt,
        endedAt: (now += 1),
        facilitatorId: current.facilitatorId,
        scribeId: current.scribeId,
        attendees: current.attendees,
        checklist: current.checklist,
        metrics: current.metrics,
        projectUpdates: current.projectUpdates,
        processed: current.processed,
      },
    });
  }

  // Between meetings (issue 17): the rhythm, and a register full of entries with full histories
  // (its decisions are the newest, each with the most changes).
  state = fillRegister(fillRhythm(state, tools), tools);

  // The live parts, all full: the open backlog at its cap, spread so no member exceeds their share,
  // the first ones governance tensions with a live proposal each…
  for (let i = 0; i < limits.openTensionsPerSpace; i += 1) {
    const t = tension(members[i % members.length]!);
    const governance = i < limits.openProposalsPerSpace;
    fold({ type: 'tension:added', tension: governance ? { ...t, room: 'governance', proposedRoom: 'governance' } : t });
  }
  // …the most proposals and between-meetings records…
  const governanceOpen = state.tensions.filter((t) => t.status === 'open' && t.room === 'governance').map((t) => t.id);
  state = fillBetweenRecords(fillProposals(state, tools, governanceOpen), tools);
  for (let i = 0; i < limits.openActionsPerSpace; i += 1) fold({ type: 'action:added', action: action('m', 'tn') });
  // …and a governance meeting that has taken up all it may, mid-way through a proposal's last round.
  const m = meeting('governance');
  fold({ type: 'meeting:started', meeting: m });
  for (const p of projects) fold({ type: 'meeting:project-updated', actionId: p.id, note: text(limits.outcomeText) });
  const processed = Array.from({ length: limits.tensionsPerMeeting }, () => ({
    tensionId: next('tn'),
    title: text(limits.topicTitle),
    outcome: { type: 'information' as const, note: text(limits.outcomeText) },
    gotWhatNeeded: true,
    agreement: text(limits.outcomeText),
    decisionId: next('d'),
    resolved: false,
    readers: members,
  }));
  const open = state.tensions.filter((t) => t.status === 'open').map((t) => t.id);
  // The last objection round may start just under the cap and add one objection per member.
  const objections: Objection[] = Array.from(
    { length: limits.objectionsPerProcess - 1 + limits.membersPerSpace },
    (_, i) => ({
      id: next('ob'),
      by: members[i % members.length]!,
      reason: text(limits.outcomeText),
      status: 'open',
      round: 10,
    }),
  );
  state = {
    ...state,
    meeting: {
      ...state.meeting!,
      processed,
      agenda: open,
      currentTensionId: open[0] ?? null,
      round: { kind: 'objection', order: members, index: members.length, passed: members },
      process: {
        tensionId: open[0] ?? '',
        proposerId: members[0]!,
        step: 'objection',
        proposal: text(limits.topicDescription),
        objections,
        objectionRounds: limits.objectionRoundsPerProcess,
        proposalId: next('proposal'),
        changes: Array.from({ length: limits.registerChangesPerProposal }, (_, i) => addRole(tools, `M${i} `)),
      },
      timer: { status: 'running', durationMs: 7_200_000, endsAt: now + 7_200_000 },
    },
  };
  return state;
}
