import type { ParticipantId } from '../../core/participants.ts';
import { limits } from '../../protocol/limits.ts';
import { applyLoop } from '../apply.ts';
import type { AsyncAnswer, AsyncProposal, BetweenRecord } from '../betweenMeetingsTypes.ts';
import type { LoopEvent } from '../events.ts';
import type { RegisterChange, RoleContent, RuleContent } from '../registerTypes.ts';
import type { RhythmEntry } from '../rhythmTypes.ts';
import type { Decision, Objection, SyncOutcome, TeamSpaceState } from '../state.ts';

/**
 * The parts of the worst-case team space that issue 17 added (work between meetings): a register
 * full of roles and rules at every length, each with its full history; the most live and kept
 * proposals, each with the most changes, questions, reactions, responses and objections; the most
 * between-meetings records; an async ask with every answer on each open shared-room tension;
 * decisions carrying the most changes; the longest rhythm. Folded through `applyLoop`, so the
 * bounds `apply` keeps (history lines, kept proposals and records) hold as in the server.
 */

/** What the main builder lends: the text and id makers, its clock, and the members. */
export interface WorstCaseTools {
  text: (length: number) => string;
  next: (kind: string) => string;
  tick: () => number;
  members: ParticipantId[];
}

const role = (tools: WorstCaseTools, name: string): RoleContent => ({
  // Unique per role (an active role's name is unique), at its full length.
  name: `${name}${tools.text(limits.registerRoleName - name.length)}`,
  purpose: tools.text(limits.registerRolePurpose),
  accountabilities: Array.from({ length: limits.accountabilitiesPerRole }, () => tools.text(limits.accountabilityText)),
});
const rule = (tools: WorstCaseTools): RuleContent => ({
  title: tools.text(limits.topicTitle),
  text: tools.text(limits.registerRuleText),
});

/** The largest change a proposal can carry: a role added at every length, filled by every member. */
export const addRole = (tools: WorstCaseTools, name: string): RegisterChange => ({
  op: 'role:add',
  roleId: tools.next('role'),
  role: role(tools, name),
  fillers: tools.members,
});

/**
 * Fills the register, adopting one decision per `limits.registerChangesPerProposal` changes (each
 * decision between meetings, with every member named and the changes it made): every role and
 * rule added, filled and then amended until its history is full. The newest decisions kept are
 * these, each carrying the most changes.
 */
export function fillRegister(state: TeamSpaceState, tools: WorstCaseTools): TeamSpaceState {
  const names = tools.members.map(() => tools.text(limits.displayName));
  // Who said "no objection" and who did not answer are the members asked, split between the two.
  const half = Math.ceil(names.length / 2);
  const adopt = (s: TeamSpaceState, changes: RegisterChange[]): TeamSpaceState => {
    const at = tools.tick();
    const decision: Decision = {
      id: tools.next('d'),
      number: s.decisionsAdopted + 1,
      tensionId: tools.next('tn'),
      title: tools.text(limits.topicTitle),
      text: tools.text(limits.topicDescription),
      adoptedAt: at,
      meetingId: null,
      present: names.slice(0, half),
      betweenMeetings: { proposalId: tools.next('proposal'), noResponse: names.slice(half) },
      changes,
    };
    const events: LoopEvent[] = [
      { type: 'decision:adopted', decision },
      { type: 'register:changed', decisionId: decision.id, decisionNumber: decision.number, at, changes },
    ];
    return events.reduce(applyLoop, s);
  };
  const batches = (changes: RegisterChange[]): RegisterChange[][] =>
    Array.from({ length: Math.ceil(changes.length / limits.registerChangesPerProposal) }, (_, i) =>
      changes.slice(i * limits.registerChangesPerProposal, (i + 1) * limits.registerChangesPerProposal),
    );

  const adds: RegisterChange[] = [
    ...Array.from({ length: limits.registerRoles }, (_, i) => addRole(tools, `R${i} `)),
    ...Array.from({ length: limits.registerRules }, (): RegisterChange => ({
      op: 'rule:add',
      ruleId: tools.next('rule'),
      rule: rule(tools),
    })),
  ];
  let s = batches(adds).reduce(adopt, state);
  // Then every entry changed until its history is full (and once more: the oldest line goes).
  for (let round = 0; round < limits.registerHistoryPerEntry; round += 1) {
    const changes: RegisterChange[] = [
      ...s.register.roles.map((r, i): RegisterChange =>
        round % 2 === 0
          ? { op: 'role:amend', roleId: r.id, role: role(tools, `R${i} `) }
          : { op: 'role:assign', roleId: r.id, fillers: [...tools.members].reverse() },
      ),
      ...s.register.rules.map((r): RegisterChange => ({ op: 'rule:amend', ruleId: r.id, rule: rule(tools) })),
    ];
    s = batches(changes).reduce(adopt, s);
  }
  // The newest decisions carry the largest changes there are: whole roles at every length.
  const largest = s.register.roles.map((r, i): RegisterChange => ({
    op: 'role:amend',
    roleId: r.id,
    role: role(tools, `R${i} `),
  }));
  for (let i = 0; i < limits.decisionsKept; i += 1) {
    const start = (i * limits.registerChangesPerProposal) % Math.max(1, largest.length);
    const changes = Array.from(
      { length: Math.min(limits.registerChangesPerProposal, largest.length) },
      (_, k) => largest[(start + k) % largest.length]!,
    );
    s = adopt(s, changes);
  }
  return s;
}

/** The longest rhythm: every recurring meeting a space may have. */
export function fillRhythm(state: TeamSpaceState, tools: WorstCaseTools): TeamSpaceState {
  const meetings = Array.from({ length: limits.rhythmMeetings }, (): RhythmEntry => ({
    id: tools.next('rh'),
    room: 'governance',
    repeat: { every: 'month', nth: -1 },
    weekday: 1,
    time: '09:00',
    durationMinutes: limits.meetingMinutesMax,
    startsOn: '2030-12-31',
  }));
  return applyLoop(state, {
    type: 'space:rhythm-set',
    rhythm: {
      timeZone: 'America/Argentina/ComodRivadavia',
      meetings,
      objectionWindowDays: limits.objectionWindowDaysMax,
    },
  });
}

export const asyncAnswers = (tools: WorstCaseTools): AsyncAnswer[] =>
  Array.from({ length: limits.asyncAnswersPerTension }, (_, i) => ({
    id: tools.next('an'),
    by: tools.members[i % tools.members.length]!,
    kind: 'information',
    text: tools.text(limits.betweenText),
    at: tools.tick(),
  }));

/**
 * A proposal at every cap: the most changes (whole roles added), questions with their answers,
 * reactions, and every member's response with an objection.
 */
function publishFull(s: TeamSpaceState, tools: WorstCaseTools, tensionId: string): TeamSpaceState {
  const id = tools.next('proposal');
  const proposal: AsyncProposal = {
    id,
    tensionId,
    authorId: tools.members[0]!,
    title: tools.text(limits.topicTitle),
    text: tools.text(limits.topicDescription),
    changes: Array.from({ length: limits.registerChangesPerProposal }, (_, i) => addRole(tools, `P${i} `)),
    publishedAt: tools.tick(),
    closesAt: tools.tick() + limits.objectionWindowDaysMax * 86_400_000,
    status: 'open',
    closedAt: null,
    toMeeting: null,
    asked: tools.members,
    questions: [],
    reactions: [],
    responses: [],
    objections: [],
    decisionId: null,
  };
  const events: LoopEvent[] = [{ type: 'proposal:published', proposal }];
  for (let i = 0; i < limits.questionsPerProposal; i += 1) {
    const questionId = tools.next('q');
    const at = tools.tick();
    events.push(
      {
        type: 'proposal:questioned',
        proposalId: id,
        question: {
          id: questionId,
          by: tools.members[1]!,
          text: tools.text(limits.betweenText),
          at,
          answer: null,
          answeredAt: null,
        },
      },
      { type: 'proposal:question-answered', proposalId: id, questionId, answer: tools.text(limits.betweenText), at },
    );
  }
  for (let i = 0; i < limits.reactionsPerProposal; i += 1) {
    events.push({
      type: 'proposal:reacted',
      proposalId: id,
      reaction: {
        id: tools.next('re'),
        by: tools.members[i % tools.members.length]!,
        text: tools.text(limits.betweenText),
        at: tools.tick(),
      },
    });
  }
  for (const by of tools.members) {
    const objection: Objection = {
      id: tools.next('ob'),
      by,
      reason: tools.text(limits.betweenText),
      status: 'open',
      round: 0,
    };
    events.push({
      type: 'proposal:responded',
      proposalId: id,
      response: { by, at: tools.tick(), objectionId: objection.id },
      objection,
    });
  }
  return events.reduce(applyLoop, s);
}

/**
 * The most live proposals (on open governance tensions: `tensionIds`), and the most closed ones
 * kept, each at every cap; the closed ones sent to a meeting and dropped there (the status that
 * keeps every objection), each with its record.
 */
export function fillProposals(state: TeamSpaceState, tools: WorstCaseTools, tensionIds: string[]): TeamSpaceState {
  let s = state;
  const close = (proposalId: string, status: 'dropped' | 'to-meeting'): LoopEvent => ({
    type: 'proposal:closed',
    proposalId,
    status,
    toMeeting: 'objection',
    at: tools.tick(),
    decisionId: null,
  });
  for (let i = 0; i < limits.closedProposalsKept; i += 1) {
    s = publishFull(s, tools, tools.next('tn'));
    s = applyLoop(s, close(s.proposals.at(-1)!.id, 'dropped'));
  }
  for (const [i, tensionId] of tensionIds.entries()) {
    s = publishFull(s, tools, tensionId);
    // Half wait for objections, half wait for the next governance meeting.
    if (i % 2 === 1) s = applyLoop(s, close(s.proposals.at(-1)!.id, 'to-meeting'));
  }
  return s;
}

/** The most between-meetings records, each the largest kind: a tension resolved with every answer. */
export function fillBetweenRecords(state: TeamSpaceState, tools: WorstCaseTools): TeamSpaceState {
  let s = state;
  const outcome: SyncOutcome = { type: 'information', note: tools.text(limits.outcomeText) };
  for (let i = 0; i < limits.betweenRecordsKept + 1; i += 1) {
    const record: BetweenRecord = {
      kind: 'tension-resolved',
      id: tools.next('br'),
      at: tools.tick(),
      tensionId: tools.next('tn'),
      title: tools.text(limits.topicTitle),
      outcome,
      answers: asyncAnswers(tools),
    };
    s = applyLoop(s, { type: 'between:recorded', record });
  }
  return s;
}
