import { describe, expect, it } from 'vitest';
import type { SystemCommand } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { limits } from '../protocol/limits.ts';
import type { LoopCommand } from '../protocol/loopCommands.ts';
import { testContext } from '../core/testing/kindHarness.ts';
import { decideLoop } from './decide.ts';
import type { ActionItem, Decision, Objection, ProcessedTension, TeamSpaceState, Tension } from './state.ts';
import { teamSpace } from './testing/fixtures.ts';

/** Decides one command on a state built for the case, as member `actor`. */
function decideOn(state: TeamSpaceState, actor: string | 'system', command: LoopCommand | SystemCommand) {
  const ctx = testContext(2_000_000_000_000);
  return decideLoop(state, command, {
    actor: actor === 'system' ? { kind: 'system' } : { kind: 'participant', id: actor },
    now: ctx.now,
    newId: ctx.newId,
  });
}

const codeOf = (result: ReturnType<typeof decideOn>) => (result.ok ? 'ok' : result.error.code);

function tension(id: number, authorId: string, status: Tension['status'] = 'open'): Tension {
  return {
    id: `x${id}`,
    title: `Tension ${id}`,
    description: '',
    authorId,
    anonymous: false,
    createdAt: id,
    proposedRoom: 'operational',
    room: 'operational',
    roomConfirmed: false,
    status,
    outcome: null,
    gotWhatNeeded: null,
    agreement: null,
    shareable: false,
    resolvedAt: null,
    meetingId: null,
    readers: [],
    async: null,
  };
}

function action(id: number, status: ActionItem['status'] = 'open'): ActionItem {
  return {
    id: `a-${id}`,
    kind: 'next-action',
    text: 'Do it',
    ownerId: null,
    ownerName: null,
    due: null,
    status,
    tensionId: null,
    meetingId: null,
    createdAt: id,
  };
}

const decision = (id: number): Decision => ({
  id: `d-${id}`,
  number: id + 1,
  tensionId: `x${id}`,
  title: 'T',
  text: 'P',
  adoptedAt: id,
  meetingId: 'm',
  present: [],
});

const processed = (id: number): ProcessedTension => ({
  tensionId: `x${id}`,
  title: 'T',
  outcome: null,
  gotWhatNeeded: null,
  agreement: null,
  decisionId: null,
  resolved: true,
  readers: null,
});

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** A space whose meeting of `room` is at the tensions step with one open tension `t` of p2's on the table or waiting. */
function meetingWith(room: 'operational' | 'governance', onTable: boolean) {
  const s = teamSpace();
  const id = s.addTension('p2', 'On the table', room);
  s.meetingAtTensions(room);
  if (onTable) s.run('p1', { type: 'tension:start', tensionId: id });
  return { s, id };
}

/** A governance process on the table, walked to `amend` (ready for an objection round). */
function processAtAmend() {
  const { s } = meetingWith('governance', true);
  s.run('p2', { type: 'proposal:set', proposal: 'P' });
  for (let i = 0; i < 3; i += 1) s.run('p1', { type: 'process:advance' });
  expect(s.state.meeting?.process?.step).toBe('amend');
  return s;
}

interface Case {
  limit: string;
  /** The state one below the cap (the command is accepted) and at it (refused). */
  at: (full: boolean) => { state: TeamSpaceState; actor: string | 'system'; command: LoopCommand | SystemCommand };
  code: string;
}

const addTension: LoopCommand = {
  type: 'tension:add',
  title: 'One more',
  description: '',
  room: 'operational',
  anonymous: false,
};

const cases: Case[] = [
  {
    limit: 'openTensionsPerMember',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { state } = teamSpace();
      const mine = times(limits.openTensionsPerMember - (full ? 0 : 1), (i) => tension(i, 'p2'));
      // Closed tensions never count against anyone.
      const closed = times(5, (i) => tension(1000 + i, 'p2', 'resolved'));
      return { state: { ...state, tensions: [...mine, ...closed] }, actor: 'p2', command: addTension };
    },
  },
  {
    limit: 'openTensionsPerSpace',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { state } = teamSpace();
      const all = times(limits.openTensionsPerSpace - (full ? 0 : 1), (i) => tension(i, `someone-${i}`));
      return { state: { ...state, tensions: all }, actor: 'p2', command: addTension };
    },
  },
  {
    limit: 'membersPerSpace',
    code: ErrorCode.sessionFull,
    at: (full) => {
      const { state } = teamSpace();
      const extra = times(limits.membersPerSpace - state.participants.length - (full ? 0 : 1), (i) => ({
        id: `m${i}`,
        name: `Member ${i}`,
        role: 'participant' as const,
        online: false,
        joinedAt: i,
      }));
      return {
        state: { ...state, participants: [...state.participants, ...extra] },
        actor: 'system',
        command: { type: 'participant:join', name: 'Late', role: 'participant' },
      };
    },
  },
  {
    limit: 'openActionsPerSpace',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { s } = meetingWith('operational', true);
      const open = times(limits.openActionsPerSpace - (full ? 0 : 1), (i) => action(i));
      const done = times(5, (i) => action(1000 + i, 'done'));
      return {
        state: { ...s.state, actions: [...open, ...done] },
        actor: 'p1',
        command: {
          type: 'tension:outcome',
          outcome: { type: 'next-action', text: 'Call them', ownerId: null, ownerName: null, due: null },
        },
      };
    },
  },
  {
    limit: 'tensionsPerMeeting',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { s, id } = meetingWith('operational', false);
      const meeting = s.state.meeting!;
      const done = times(limits.tensionsPerMeeting - (full ? 0 : 1), (i) => processed(i));
      return {
        state: { ...s.state, meeting: { ...meeting, processed: done } },
        actor: 'p1',
        command: { type: 'tension:start', tensionId: id },
      };
    },
  },
  {
    limit: 'projectUpdatesPerMeeting',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { s } = meetingWith('operational', false);
      const meeting = s.state.meeting!;
      const n = limits.projectUpdatesPerMeeting - (full ? 0 : 1);
      const projects = times(n + 1, (i) => ({ ...action(i), kind: 'project' as const }));
      const projectUpdates = projects.slice(0, n).map((p) => ({ actionId: p.id, note: 'On track' }));
      return {
        state: { ...s.state, actions: projects, meeting: { ...meeting, projectUpdates } },
        actor: 'p1',
        command: { type: 'meeting:update-project', actionId: projects[n]!.id, note: 'Late' },
      };
    },
  },
  {
    limit: 'decisionsPerSpace (a new governance process)',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { s, id } = meetingWith('governance', false);
      // The archived decisions count: only the newest are in the live log.
      const adopted = limits.decisionsPerSpace - (full ? 0 : 1);
      const log = times(limits.decisionsKept, (i) => decision(adopted - limits.decisionsKept + i));
      return {
        state: { ...s.state, decisions: log, decisionsAdopted: adopted },
        actor: 'p1',
        command: { type: 'tension:start', tensionId: id },
      };
    },
  },
  {
    limit: 'decisionsPerSpace (adoption)',
    code: ErrorCode.limitReached,
    at: (full) => {
      const s = processAtAmend();
      s.run('p1', { type: 'process:advance' });
      for (const speaker of s.state.meeting!.round!.order) s.run(speaker, { type: 'objection:none' });
      const adopted = limits.decisionsPerSpace - (full ? 0 : 1);
      const log = times(limits.decisionsKept, (i) => decision(adopted - limits.decisionsKept + i));
      return {
        state: { ...s.state, decisions: log, decisionsAdopted: adopted },
        actor: 'p1',
        command: { type: 'process:advance' },
      };
    },
  },
  {
    limit: 'objectionRoundsPerProcess',
    code: ErrorCode.limitReached,
    at: (full) => {
      const s = processAtAmend();
      const meeting = s.state.meeting!;
      const process = { ...meeting.process!, objectionRounds: limits.objectionRoundsPerProcess - (full ? 0 : 1) };
      return {
        state: { ...s.state, meeting: { ...meeting, process } },
        actor: 'p1',
        command: { type: 'process:advance' },
      };
    },
  },
  {
    limit: 'objectionsPerProcess',
    code: ErrorCode.limitReached,
    at: (full) => {
      const s = processAtAmend();
      const meeting = s.state.meeting!;
      const objections = times(limits.objectionsPerProcess - (full ? 0 : 1), (i): Objection => ({
        id: `o${i}`,
        by: 'p3',
        reason: 'No',
        status: 'invalid',
        round: 1,
      }));
      const process = { ...meeting.process!, objections };
      return {
        state: { ...s.state, meeting: { ...meeting, process } },
        actor: 'p1',
        command: { type: 'process:advance' },
      };
    },
  },
];

describe('team-space limits: decide refuses at each cap with a typed error, and accepts one below', () => {
  it.each(cases)('$limit', ({ at, code }) => {
    const below = at(false);
    expect(codeOf(decideOn(below.state, below.actor, below.command))).toBe('ok');
    const full = at(true);
    expect(codeOf(decideOn(full.state, full.actor, full.command))).toBe(code);
  });

  it('counts a member’s own anonymous tensions in their masked copy too', () => {
    const s = teamSpace();
    for (let i = 0; i < limits.openTensionsPerMember; i += 1) s.addTension('p2', `T${i}`, 'operational', true);
    expect(codeOf(s.try('p2', addTension))).toBe(ErrorCode.limitReached);
    // Somebody else still has their share.
    expect(codeOf(s.try('p3', addTension))).toBe('ok');
  });
});
