import { describe, expect, it } from 'vitest';
import type { Command } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { limits } from '../protocol/limits.ts';
import { decide } from './decide.ts';
import { canAddTopic } from './selectors.ts';
import type { Outcome, SessionState, Topic } from './state.ts';
import { session, testContext } from './testing/fixtures.ts';

function decideOn(state: SessionState, actor: string, command: Command) {
  const ctx = testContext(2_000_000_000_000);
  return decide(state, command, { actor: { kind: 'participant', id: actor }, now: ctx.now, newId: ctx.newId });
}

const codeOf = (result: ReturnType<typeof decideOn>) => (result.ok ? 'ok' : result.error.code);
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

function topic(i: number, authorId: string, status: Topic['status'] = 'open'): Topic {
  return {
    id: `x${i}`,
    title: `Topic ${i}`,
    description: '',
    authorId,
    anonymous: false,
    createdAt: i,
    mergedTitles: [],
    status,
    discussingSince: status === 'discussing' ? i : null,
    spentMs: 0,
    endedAt: null,
    extensions: 0,
    thumbsHistory: [],
  };
}

const outcome = (i: number, authorId: string): Outcome => ({
  id: `o${i}`,
  topicId: 'x0',
  kind: 'takeaway',
  text: 'Noted',
  authorId,
  ownerId: null,
  ownerName: null,
  due: null,
  createdAt: i,
});

const addTopic: Command = { type: 'topic:add', title: 'One more', description: '' };

interface Case {
  limit: string;
  at: (full: boolean) => { state: SessionState; actor: string; command: Command };
  code: string;
}

const cases: Case[] = [
  {
    limit: 'topicsPerPersonUnset (no per-person setting)',
    code: ErrorCode.topicLimitReached,
    at: (full) => {
      const { state } = session();
      expect(state.settings.topicsPerPerson).toBeNull();
      const mine = times(limits.topicsPerPersonUnset - (full ? 0 : 1), (i) => topic(i, 'p2'));
      return { state: { ...state, topics: mine }, actor: 'p2', command: addTopic };
    },
  },
  {
    limit: 'topicsPerPerson (the session’s setting)',
    code: ErrorCode.topicLimitReached,
    at: (full) => {
      const { state } = session({ topicsPerPerson: 2 });
      const mine = times(full ? 2 : 1, (i) => topic(i, 'p2'));
      return { state: { ...state, topics: mine }, actor: 'p2', command: addTopic };
    },
  },
  {
    limit: 'topicsPerSession',
    code: ErrorCode.sessionFull,
    at: (full) => {
      const { state } = session();
      const all = times(limits.topicsPerSession - (full ? 0 : 1), (i) => topic(i, `someone-${i}`));
      return { state: { ...state, topics: all }, actor: 'p2', command: addTopic };
    },
  },
  {
    limit: 'outcomesPerPerson',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { state } = session();
      const mine = times(limits.outcomesPerPerson - (full ? 0 : 1), (i) => outcome(i, 'p2'));
      return {
        state: { ...state, phase: 'discuss', topics: [topic(0, 'p1', 'discussed')], outcomes: mine },
        actor: 'p2',
        command: {
          type: 'outcome:add',
          topicId: 'x0',
          kind: 'takeaway',
          text: 'More',
          ownerId: null,
          ownerName: null,
          due: null,
        },
      };
    },
  },
  {
    limit: 'extensionsPerTopic',
    code: ErrorCode.limitReached,
    at: (full) => {
      const { state } = session();
      const current = { ...topic(0, 'p1', 'discussing'), extensions: limits.extensionsPerTopic - (full ? 0 : 1) };
      return {
        state: { ...state, phase: 'discuss', topics: [current] },
        actor: 'p1',
        command: { type: 'discussion:extend' },
      };
    },
  },
];

describe('Lean Coffee limits: decide refuses at each cap with a typed error, and accepts one below', () => {
  it.each(cases)('$limit', ({ at, code }) => {
    const below = at(false);
    expect(codeOf(decideOn(below.state, below.actor, below.command))).toBe('ok');
    const full = at(true);
    expect(codeOf(decideOn(full.state, full.actor, full.command))).toBe(code);
  });

  it('gives the board the same answer as decide: no topic button once the share is taken', () => {
    const s = session();
    for (let i = 0; i < limits.topicsPerPersonUnset; i += 1) s.addTopic('p2', `T${i}`);
    expect(canAddTopic(s.state, 'p2')).toBe(false);
    expect(canAddTopic(s.state, 'p3')).toBe(true);
  });
});
