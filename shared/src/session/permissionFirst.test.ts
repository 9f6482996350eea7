import { describe, expect, it } from 'vitest';
import { session } from '../leanCoffee/testing/fixtures.ts';
import { teamSpace } from '../teamSpace/testing/fixtures.ts';
import { commandPayloadSchemas, type ParticipantCommand } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { loopCommandPayloadSchemas, type LoopCommand } from '../protocol/loopCommands.ts';

/**
 * Permission before idempotence, as a class: for every command with a permission rule, someone
 * without that permission hears `forbidden`, also where the same command from someone allowed
 * would change nothing and answer `ok`. An `ok` that depends on what others did tells an outsider
 * about the state, and looks like success to a client that may not act at all.
 */

type Result = { ok: true; events: unknown[] } | { ok: false; error: { code: string } };
const codeOf = (result: Result) => (result.ok ? 'ok' : result.error.code);

interface Harness<C> {
  readonly state: unknown;
  try(actor: string, command: C): Result;
}

interface Row<C> {
  command: C;
  setup: () => Harness<C>;
  /** Lacks the permission this command needs. */
  denied: string;
  /** Has it, and in this state the command changes nothing. */
  noOpFor?: string;
}

function check<C>({ command, setup, denied, noOpFor }: Row<C>) {
  const h = setup();
  const before = h.state;
  expect(codeOf(h.try(denied, command))).toBe(ErrorCode.forbidden);
  expect(h.state).toBe(before);
  if (noOpFor) expect(h.try(noOpFor, command)).toEqual({ ok: true, events: [] });
}

// Lean Coffee: p1 facilitates; Ana (p2) proposed topic t4 and wrote outcome o6; Ben (p3) proposed t5.
function collecting() {
  const s = session();
  s.addTopic('p2', 'A');
  s.addTopic('p3', 'B');
  return s;
}

function discussing() {
  const s = collecting();
  s.toPhase('vote', 'discuss');
  s.run('p1', { type: 'discussion:start', topicId: s.state.topics[0]!.id });
  s.run('p2', {
    type: 'outcome:add',
    topicId: s.state.topics[0]!.id,
    kind: 'takeaway',
    text: 'T',
    ownerId: null,
    ownerName: null,
    due: null,
  });
  s.run('p1', { type: 'thumbs:open' });
  s.run('p1', { type: 'thumbs:reveal' });
  return s;
}

const lc = (
  command: ParticipantCommand,
  setup: () => ReturnType<typeof session>,
  denied: string,
  noOpFor?: string,
): Row<ParticipantCommand> => ({ command, setup, denied, noOpFor });

const leanCoffeeRows: Row<ParticipantCommand>[] = [
  lc({ type: 'participant:set-role', participantId: 'p1', role: 'facilitator' }, collecting, 'p2', 'p1'),
  lc({ type: 'access:set', signIn: false, facilitatorGroup: null }, collecting, 'p2', 'p1'),
  lc({ type: 'settings:update' }, collecting, 'p2'),
  lc({ type: 'phase:change', to: 'vote' }, collecting, 'p2'),
  lc({ type: 'topic:edit', topicId: 't4', title: 'A', description: '' }, collecting, 'p3'),
  lc({ type: 'topic:remove', topicId: 't4' }, collecting, 'p3'),
  lc({ type: 'votes:reveal' }, collecting, 'p2', 'p1'),
  lc({ type: 'topics:merge', sourceId: 't5', targetId: 't4' }, collecting, 'p2'),
  lc({ type: 'takeaway:highlight', outcomeId: null }, discussing, 'p2', 'p1'),
  lc({ type: 'agenda:move', topicId: 't4', direction: 'up' }, collecting, 'p2', 'p1'),
  lc({ type: 'agenda:reset' }, collecting, 'p2', 'p1'),
  lc({ type: 'discussion:start', topicId: 't5' }, discussing, 'p2'),
  lc({ type: 'discussion:extend' }, discussing, 'p2'),
  lc({ type: 'discussion:close' }, discussing, 'p2'),
  lc({ type: 'topic:skip', topicId: 't5' }, discussing, 'p2'),
  lc({ type: 'topic:return', topicId: 't5' }, discussing, 'p2', 'p1'),
  lc({ type: 'thumbs:open' }, discussing, 'p2', 'p1'),
  lc({ type: 'thumbs:reveal' }, discussing, 'p2', 'p1'),
  lc({ type: 'timer:start', minutes: 5 }, discussing, 'p2'),
  lc({ type: 'timer:pause' }, discussing, 'p2'),
  lc({ type: 'timer:resume' }, discussing, 'p2'),
  lc({ type: 'timer:add', minutes: 1 }, discussing, 'p2'),
  lc({ type: 'timer:reset' }, collecting, 'p2', 'p1'),
  lc({ type: 'outcome:edit', outcomeId: 'o6', text: 'T', ownerId: null, ownerName: null, due: null }, discussing, 'p3'),
  lc({ type: 'outcome:remove', outcomeId: 'o6' }, discussing, 'p3'),
];

/** Lean Coffee commands every participant may send (each about their own doing). */
const leanCoffeeOpen = [
  'participant:rename',
  'topic:add',
  'vote:cast',
  'vote:retract',
  'thumbs:cast',
  'timer:expire',
  'outcome:add',
  'closing:submit',
  'closing:pass',
  'roti:cast',
  // Any seat at a table of a hall may call the organiser over.
  'hall:help',
];

// Team space: Fee (p1) facilitates; Ana (p2), Ben (p3), Cem (p4) are members.
function backlog() {
  const s = teamSpace();
  s.addTension('p2', 'Printer', 'operational');
  return s;
}

/** A sync meeting at its tensions (t6 on the agenda), after t5 ended as project a8 without an owner. */
function syncMeeting() {
  const s = teamSpace();
  s.run('p1', { type: 'space:update', checklist: ['C'], metrics: ['M'] });
  const printer = s.addTension('p2', 'Printer', 'operational');
  s.addTension('p2', 'Chairs', 'operational');
  s.meetingAtTensions('operational');
  s.run('p1', { type: 'tension:start', tensionId: printer });
  s.run('p1', {
    type: 'tension:outcome',
    outcome: { type: 'project', text: 'Call', ownerId: null, ownerName: null, due: null },
  });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: true });
  s.run('p1', { type: 'round:start', kind: 'checkin' });
  return s;
}

function syncTension() {
  const s = syncMeeting();
  s.run('p1', { type: 'tension:start', tensionId: s.state.tensions[1]!.id });
  return s;
}

/** Ana's proposal in the objection round; Fee (p1) speaks first. */
function objectionRound() {
  const s = teamSpace();
  const id = s.addTension('p2', 'Grants', 'governance');
  s.meetingAtTensions('governance');
  s.run('p1', { type: 'tension:start', tensionId: id });
  s.run('p2', { type: 'proposal:set', proposal: 'P' });
  for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
  return s;
}

/** Ben's objection (the round's only one), already tested valid, then integrated if `integrate`. */
function testedObjection(integrate: boolean) {
  const s = objectionRound();
  s.run('p1', { type: 'objection:none' });
  s.run('p2', { type: 'objection:none' });
  s.run('p3', { type: 'objection:raise', reason: 'R' });
  s.run('p4', { type: 'objection:none' });
  const objectionId = s.state.meeting!.process!.objections[0]!.id;
  s.run('p1', { type: 'objection:test', objectionId, valid: true });
  if (integrate) {
    s.run('p1', { type: 'process:advance' });
    s.run('p2', { type: 'objection:integrate', objectionId });
  }
  return { s, objectionId };
}

/** Ana's printer tension (t5) asked between meetings, with Ben's answer. */
function askedBetweenMeetings() {
  const s = backlog();
  s.run('p2', { type: 'tension:ask-async', tensionId: 't5', async: true });
  s.run('p3', { type: 'tension:async-answer', tensionId: 't5', kind: 'information', text: 'I' });
  return s;
}

/** Ana's proposal in its objection window, with Ben's clarifying question. */
function proposalInWindow() {
  const s = teamSpace();
  s.run('p2', { type: 'proposal:publish', title: 'Grants', text: 'The lead signs.', changes: [] });
  const proposal = s.state.proposals[0]!;
  s.run('p3', { type: 'proposal:ask', proposalId: proposal.id, text: 'Who?' });
  return { s, proposalId: proposal.id, questionId: s.state.proposals[0]!.questions[0]!.id };
}

const team = (
  command: LoopCommand,
  setup: () => ReturnType<typeof teamSpace>,
  denied: string,
  noOpFor?: string,
): Row<LoopCommand> => ({ command, setup, denied, noOpFor });

const tested = testedObjection(false).objectionId;
const { proposalId, questionId } = proposalInWindow();
const windowOpen = () => proposalInWindow().s;
const teamRows: Row<LoopCommand>[] = [
  team({ type: 'space:update' }, backlog, 'p2'),
  team({ type: 'participant:set-role', participantId: 'p1', role: 'facilitator' }, backlog, 'p2', 'p1'),
  team({ type: 'access:set', signIn: false, facilitatorGroup: null }, backlog, 'p2', 'p1'),
  team({ type: 'tension:edit', tensionId: 't5', title: 'Printer', description: '' }, backlog, 'p3'),
  team({ type: 'tension:withdraw', tensionId: 't5' }, backlog, 'p3'),
  team({ type: 'tension:assign-room', tensionId: 't5', room: 'operational' }, backlog, 'p3'),
  team({ type: 'tension:set-shareable', tensionId: 't5', shareable: false }, backlog, 'p3'),
  team(
    { type: 'action:update', actionId: 'a8', text: 'Call', ownerId: null, ownerName: null, due: null },
    syncMeeting,
    'p3',
  ),
  team({ type: 'action:set-status', actionId: 'a8', status: 'open' }, syncMeeting, 'p3', 'p1'),
  team({ type: 'meeting:start', room: 'operational' }, backlog, 'p2'),
  team({ type: 'meeting:assign-role', role: 'scribe', participantId: 'p2' }, syncMeeting, 'p2'),
  team({ type: 'meeting:advance' }, syncMeeting, 'p2'),
  team({ type: 'meeting:back' }, syncMeeting, 'p2'),
  team({ type: 'meeting:end' }, syncMeeting, 'p2'),
  team({ type: 'meeting:mark-checklist', index: 0, done: true }, syncMeeting, 'p2'),
  team({ type: 'meeting:set-metric', index: 0, value: '3' }, syncMeeting, 'p2'),
  team({ type: 'meeting:update-project', actionId: 'a8', note: 'N' }, syncMeeting, 'p2'),
  team({ type: 'meeting:agenda-add', tensionId: 't6' }, syncMeeting, 'p2', 'p1'),
  team({ type: 'meeting:agenda-remove', tensionId: 't5' }, syncMeeting, 'p2', 'p1'),
  team({ type: 'tension:start', tensionId: 't6' }, syncMeeting, 'p2'),
  team({ type: 'tension:outcome', outcome: { type: 'sharing', note: '' } }, syncTension, 'p2'),
  team({ type: 'tension:agreement', agreement: 'A' }, syncTension, 'p2'),
  team({ type: 'tension:answer', gotWhatNeeded: null }, syncTension, 'p3', 'p2'),
  team({ type: 'tension:close', gotWhatNeeded: null }, syncTension, 'p2'),
  team({ type: 'round:start', kind: 'checkin' }, syncMeeting, 'p2'),
  team({ type: 'round:next' }, syncMeeting, 'p3'),
  team({ type: 'round:pass' }, syncMeeting, 'p3'),
  team({ type: 'proposal:set', proposal: 'P' }, objectionRound, 'p3'),
  team({ type: 'process:advance' }, objectionRound, 'p2'),
  team({ type: 'process:back' }, objectionRound, 'p2'),
  team({ type: 'objection:raise', reason: 'R' }, objectionRound, 'p3'),
  team({ type: 'objection:none' }, objectionRound, 'p3'),
  team({ type: 'objection:mark-absent', participantId: 'p1' }, objectionRound, 'p2'),
  team({ type: 'objection:test', objectionId: tested, valid: false }, () => testedObjection(false).s, 'p4', 'p1'),
  team({ type: 'objection:integrate', objectionId: tested }, () => testedObjection(true).s, 'p4', 'p2'),
  team({ type: 'timer:start', minutes: 5 }, syncMeeting, 'p2'),
  team({ type: 'timer:pause' }, syncMeeting, 'p2'),
  team({ type: 'timer:resume' }, syncMeeting, 'p2'),
  team({ type: 'timer:add', minutes: 1 }, syncMeeting, 'p2'),
  team({ type: 'timer:reset' }, syncMeeting, 'p2', 'p1'),
  team({ type: 'tension:ask-async', tensionId: 't5', async: true }, askedBetweenMeetings, 'p3'),
  // The holder asks; answering one's own question is not theirs to do.
  team({ type: 'tension:async-answer', tensionId: 't5', kind: 'help', text: 'H' }, askedBetweenMeetings, 'p2'),
  team(
    { type: 'tension:async-resolve', tensionId: 't5', outcome: { type: 'information', note: '' } },
    askedBetweenMeetings,
    'p3',
  ),
  team({ type: 'proposal:ask', proposalId, text: 'Q' }, windowOpen, 'p2'),
  team({ type: 'proposal:answer', proposalId, questionId, text: 'A' }, windowOpen, 'p3'),
  team({ type: 'proposal:withdraw', proposalId }, windowOpen, 'p3'),
  team({ type: 'proposal:to-meeting', proposalId }, windowOpen, 'p2'),
  team({ type: 'space:set-rhythm', timeZone: 'Europe/Berlin', meetings: [], objectionWindowDays: 7 }, backlog, 'p2'),
];

/** Team-space commands every member may send (each about their own doing). */
const teamOpen = [
  'participant:rename',
  'tension:add',
  'timer:expire',
  // Between meetings every member may propose, react and answer the objection question.
  'proposal:publish',
  'proposal:react',
  'proposal:respond',
];

describe('permission before idempotence', () => {
  it('covers every Lean Coffee command: in the table, or open to everyone', () => {
    const covered = [...leanCoffeeRows.map((r) => r.command.type), ...leanCoffeeOpen];
    expect(new Set(covered)).toEqual(new Set(Object.keys(commandPayloadSchemas)));
  });

  it('covers every team-space command: in the table, or open to everyone', () => {
    const covered = [...teamRows.map((r) => r.command.type), ...teamOpen];
    expect(new Set(covered)).toEqual(new Set(Object.keys(loopCommandPayloadSchemas)));
  });

  it.each(leanCoffeeRows.map((row) => [row.command.type, row] as const))(
    'Lean Coffee %s: forbidden without permission, even where it would change nothing',
    (_type, row) => check(row),
  );

  it.each(teamRows.map((row) => [row.command.type, row] as const))(
    'team space %s: forbidden without permission, even where it would change nothing',
    (_type, row) => check(row),
  );
});
