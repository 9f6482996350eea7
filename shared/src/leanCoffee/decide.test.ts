import { describe, expect, it } from 'vitest';
import type { ParticipantCommand } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { votesBy, votesLeft } from './selectors.ts';
import type { Phase } from './state.ts';
import { session } from './testing/fixtures.ts';

function codeOf(result: ReturnType<ReturnType<typeof session>['try']>): string {
  return result.ok ? 'ok' : result.error.code;
}

/** A session in the given phase with one topic by each of Ana (p2) and Ben (p3). */
function sessionIn(phase: Phase, settings: Parameters<typeof session>[0] = {}) {
  const s = session(settings);
  const anasTopic = s.addTopic('p2', 'Remote onboarding');
  const bensTopic = s.addTopic('p3', 'Meeting-free Fridays');
  const path: Phase[] = ['vote', 'discuss', 'wrapup', 'ended'];
  s.toPhase(...path.slice(0, path.indexOf(phase) + 1));
  return { s, anasTopic, bensTopic };
}

describe('vote budget', () => {
  it.each([
    { budget: 1, casts: 1, expectedLast: 'ok' },
    { budget: 1, casts: 2, expectedLast: ErrorCode.voteBudgetExhausted },
    { budget: 3, casts: 3, expectedLast: 'ok' },
    { budget: 3, casts: 4, expectedLast: ErrorCode.voteBudgetExhausted },
    { budget: 5, casts: 6, expectedLast: ErrorCode.voteBudgetExhausted },
  ])('with $budget votes, cast number $casts is $expectedLast', ({ budget, casts, expectedLast }) => {
    const { s, anasTopic } = sessionIn('vote', { votesPerPerson: budget });
    let last = '';
    for (let i = 0; i < casts; i += 1) last = codeOf(s.try('p2', { type: 'vote:cast', topicId: anasTopic }));
    expect(last).toBe(expectedLast);
    expect(votesBy(s.state, 'p2')).toBe(Math.min(budget, casts));
    expect(votesLeft(s.state, 'p2')).toBe(Math.max(0, budget - casts));
  });

  it('counts each person separately', () => {
    const { s, anasTopic } = sessionIn('vote', { votesPerPerson: 2 });
    for (const voter of ['p1', 'p2', 'p3']) {
      s.run(voter, { type: 'vote:cast', topicId: anasTopic });
      s.run(voter, { type: 'vote:cast', topicId: anasTopic });
    }
    expect(s.state.votes).toHaveLength(6);
    expect(codeOf(s.try('p3', { type: 'vote:cast', topicId: anasTopic }))).toBe(ErrorCode.voteBudgetExhausted);
  });

  it('gives votes back when a topic with votes is removed', () => {
    const { s, anasTopic } = sessionIn('vote', { votesPerPerson: 2 });
    s.run('p3', { type: 'vote:cast', topicId: anasTopic });
    s.run('p3', { type: 'vote:cast', topicId: anasTopic });
    s.run('p1', { type: 'topic:remove', topicId: anasTopic });
    expect(votesLeft(s.state, 'p3')).toBe(2);
  });
});

describe('stacking', () => {
  it.each([
    { allowStacking: true, second: 'ok', onTopic: 2 },
    { allowStacking: false, second: ErrorCode.stackingNotAllowed, onTopic: 1 },
  ])('stacking $allowStacking: a second vote on the same topic is $second', ({ allowStacking, second, onTopic }) => {
    const { s, anasTopic, bensTopic } = sessionIn('vote', { allowStacking });
    s.run('p2', { type: 'vote:cast', topicId: anasTopic });
    expect(codeOf(s.try('p2', { type: 'vote:cast', topicId: anasTopic }))).toBe(second);
    expect(votesBy(s.state, 'p2', anasTopic)).toBe(onTopic);
    expect(codeOf(s.try('p2', { type: 'vote:cast', topicId: bensTopic }))).toBe('ok');
  });
});

describe('retract', () => {
  it.each([
    { cast: 0, expected: ErrorCode.noVoteToRetract, remaining: 0 },
    { cast: 1, expected: 'ok', remaining: 0 },
    { cast: 2, expected: 'ok', remaining: 1 },
  ])('after $cast votes, retract is $expected', ({ cast, expected, remaining }) => {
    const { s, anasTopic } = sessionIn('vote');
    for (let i = 0; i < cast; i += 1) s.run('p2', { type: 'vote:cast', topicId: anasTopic });
    expect(codeOf(s.try('p2', { type: 'vote:retract', topicId: anasTopic }))).toBe(expected);
    expect(votesBy(s.state, 'p2', anasTopic)).toBe(remaining);
  });

  it("cannot take back someone else's vote", () => {
    const { s, anasTopic } = sessionIn('vote');
    s.run('p3', { type: 'vote:cast', topicId: anasTopic });
    expect(codeOf(s.try('p2', { type: 'vote:retract', topicId: anasTopic }))).toBe(ErrorCode.noVoteToRetract);
    expect(votesBy(s.state, 'p3', anasTopic)).toBe(1);
  });
});

describe('phase gates', () => {
  const topicId = 't-placeholder';
  const cases: Array<{
    command: ParticipantCommand;
    allowedIn: Phase[];
    actor: string;
  }> = [
    {
      command: { type: 'topic:add', title: 'New', description: '' },
      allowedIn: ['collect'],
      actor: 'p2',
    },
    {
      command: {
        type: 'topic:edit',
        topicId,
        title: 'Edited',
        description: '',
      },
      allowedIn: ['collect'],
      actor: 'p2',
    },
    {
      command: { type: 'topic:remove', topicId },
      allowedIn: ['collect'],
      actor: 'p2',
    },
    {
      command: {
        type: 'topic:edit',
        topicId,
        title: 'Edited',
        description: '',
      },
      allowedIn: ['collect', 'vote', 'discuss', 'wrapup'],
      actor: 'p1',
    },
    {
      command: { type: 'vote:cast', topicId },
      allowedIn: ['vote'],
      actor: 'p2',
    },
    {
      command: { type: 'participant:rename', name: 'Anna' },
      allowedIn: ['collect', 'vote', 'discuss', 'wrapup'],
      actor: 'p2',
    },
  ];
  const phases: Phase[] = ['collect', 'vote', 'discuss', 'wrapup', 'ended'];

  it.each(
    cases.flatMap((c) =>
      phases.map((phase) => ({
        ...c,
        phase,
        name: `${c.actor} ${c.command.type}`,
      })),
    ),
  )('$name in $phase', ({ command, allowedIn, actor, phase }) => {
    const { s, anasTopic } = sessionIn(phase);
    const withTopic = 'topicId' in command ? { ...command, topicId: anasTopic } : command;
    const result = s.try(actor, withTopic);
    if (allowedIn.includes(phase)) expect(codeOf(result)).toBe('ok');
    else expect(codeOf(result)).toBe(phase === 'ended' ? ErrorCode.sessionEnded : ErrorCode.wrongPhase);
  });

  it.each([
    { from: 'collect', to: 'vote', expected: 'ok' },
    { from: 'collect', to: 'discuss', expected: ErrorCode.invalidTransition },
    { from: 'collect', to: 'collect', expected: ErrorCode.invalidTransition },
    { from: 'vote', to: 'collect', expected: 'ok' },
    { from: 'vote', to: 'discuss', expected: 'ok' },
    { from: 'discuss', to: 'vote', expected: 'ok' },
    { from: 'discuss', to: 'wrapup', expected: 'ok' },
    { from: 'wrapup', to: 'discuss', expected: 'ok' },
    { from: 'wrapup', to: 'ended', expected: 'ok' },
    { from: 'ended', to: 'wrapup', expected: ErrorCode.sessionEnded },
  ] as const)('facilitator moves from $from to $to: $expected', ({ from, to, expected }) => {
    const { s } = sessionIn(from);
    expect(codeOf(s.try('p1', { type: 'phase:change', to }))).toBe(expected);
    expect(s.state.phase).toBe(expected === 'ok' ? to : from);
  });
});

describe('own-topic edits', () => {
  it.each([
    { actor: 'p2', command: 'topic:edit', expected: 'ok' },
    { actor: 'p2', command: 'topic:remove', expected: 'ok' },
    { actor: 'p3', command: 'topic:edit', expected: ErrorCode.forbidden },
    { actor: 'p3', command: 'topic:remove', expected: ErrorCode.forbidden },
    { actor: 'p1', command: 'topic:edit', expected: 'ok' },
    { actor: 'p1', command: 'topic:remove', expected: 'ok' },
  ] as const)('$actor may $command Ana’s topic: $expected', ({ actor, command, expected }) => {
    const { s, anasTopic } = sessionIn('collect');
    const result =
      command === 'topic:edit'
        ? s.try(actor, {
            type: command,
            topicId: anasTopic,
            title: 'Changed',
            description: 'why',
          })
        : s.try(actor, { type: command, topicId: anasTopic });
    expect(codeOf(result)).toBe(expected);
    const topic = s.state.topics.find((t) => t.id === anasTopic);
    if (expected !== 'ok') expect(topic?.title).toBe('Remote onboarding');
    else if (command === 'topic:edit') expect(topic).toMatchObject({ title: 'Changed', description: 'why' });
    else expect(topic).toBeUndefined();
  });

  it('an unknown topic is not_found', () => {
    const { s } = sessionIn('collect');
    expect(
      codeOf(
        s.try('p2', {
          type: 'topic:edit',
          topicId: 'nope',
          title: 'x',
          description: '',
        }),
      ),
    ).toBe(ErrorCode.notFound);
    expect(codeOf(s.try('p2', { type: 'topic:remove', topicId: 'nope' }))).toBe(ErrorCode.notFound);
  });
});

describe('facilitator-only commands', () => {
  const facilitatorCommands: ParticipantCommand[] = [
    { type: 'phase:change', to: 'vote' },
    { type: 'settings:update', title: 'Renamed' },
    { type: 'settings:update', settings: { votesPerPerson: 5 } },
  ];
  it.each(
    facilitatorCommands.map((command) => ({
      command,
      name: JSON.stringify(command),
    })),
  )('a participant sending $name is forbidden and nothing changes', ({ command }) => {
    const { s } = sessionIn('collect');
    const before = s.state;
    expect(codeOf(s.try('p2', command))).toBe(ErrorCode.forbidden);
    expect(s.state).toBe(before);
    expect(codeOf(s.try('p1', command))).toBe('ok');
  });

  it('system commands cannot be sent by a participant', () => {
    const { s } = sessionIn('collect');
    expect(
      codeOf(
        s.try('p1', {
          type: 'participant:join',
          name: 'Mallory',
          role: 'facilitator',
        }),
      ),
    ).toBe(ErrorCode.forbidden);
    expect(
      codeOf(
        s.try('p2', {
          type: 'participant:presence',
          participantId: 'p3',
          online: true,
        }),
      ),
    ).toBe(ErrorCode.forbidden);
  });

  it('someone who never joined is unauthorized', () => {
    const { s } = sessionIn('collect');
    expect(codeOf(s.try('p99', { type: 'topic:add', title: 'x', description: '' }))).toBe(ErrorCode.unauthorized);
  });

  it.each([
    {
      votes: 0,
      phase: 'collect',
      change: { votesPerPerson: 5 },
      expected: 'ok',
    },
    {
      votes: 0,
      phase: 'collect',
      change: { allowStacking: false },
      expected: 'ok',
    },
    {
      votes: 0,
      phase: 'vote',
      change: { votesPerPerson: 5 },
      expected: ErrorCode.settingsLocked,
    },
    {
      votes: 1,
      phase: 'collect',
      change: { votesPerPerson: 5 },
      expected: ErrorCode.settingsLocked,
    },
    {
      votes: 1,
      phase: 'collect',
      change: { anonymousTopics: true },
      expected: 'ok',
    },
  ] as const)(
    'voting rules: $change with $votes votes in $phase is $expected',
    ({ votes, phase, change, expected }) => {
      const { s, anasTopic } = sessionIn('vote');
      for (let i = 0; i < votes; i += 1) s.run('p2', { type: 'vote:cast', topicId: anasTopic });
      if (phase === 'collect') s.toPhase('collect');
      expect(codeOf(s.try('p1', { type: 'settings:update', settings: change }))).toBe(expected);
    },
  );
});

describe('anonymous mode', () => {
  it('marks topics proposed while it is on, and keeps them marked when it is switched off', () => {
    const s = session({ anonymousTopics: true });
    const secret = s.addTopic('p2', 'Our release process hurts');
    s.run('p1', {
      type: 'settings:update',
      settings: { anonymousTopics: false },
    });
    const open = s.addTopic('p2', 'Pairing');
    expect(s.state.topics.find((t) => t.id === secret)?.anonymous).toBe(true);
    expect(s.state.topics.find((t) => t.id === open)?.anonymous).toBe(false);
  });

  it('still lets the author edit and withdraw the anonymous topic', () => {
    const s = session({ anonymousTopics: true });
    const topicId = s.addTopic('p2', 'Secret');
    expect(
      codeOf(
        s.try('p2', {
          type: 'topic:edit',
          topicId,
          title: 'Still secret',
          description: '',
        }),
      ),
    ).toBe('ok');
    expect(codeOf(s.try('p3', { type: 'topic:remove', topicId }))).toBe(ErrorCode.forbidden);
    expect(codeOf(s.try('p2', { type: 'topic:remove', topicId }))).toBe('ok');
  });
});

describe('presence', () => {
  it('records only real changes', () => {
    const s = session();
    expect(
      s.run('system', {
        type: 'participant:presence',
        participantId: 'p2',
        online: true,
      }),
    ).toHaveLength(1);
    expect(
      s.run('system', {
        type: 'participant:presence',
        participantId: 'p2',
        online: true,
      }),
    ).toHaveLength(0);
    expect(s.state.participants.find((p) => p.id === 'p2')?.online).toBe(true);
  });
});
