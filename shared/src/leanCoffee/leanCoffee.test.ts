import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import {
  discussedTopics,
  discussingTopic,
  discussionMs,
  nextExtensionMinutes,
  rankTopics,
  tally,
  thumbsTally,
  timerRemainingMs,
  toDiscuss,
  votesBy,
} from './selectors.ts';
import type { LeanCoffeeSettings } from './state.ts';
import { session } from './testing/fixtures.ts';
import { viewFor } from './view.ts';

const minute = 60_000;

function codeOf(result: { ok: true } | { ok: false; error: { code: string } }): string {
  return result.ok ? 'ok' : result.error.code;
}

/** Three topics by Ana (p2) and Ben (p3), voted 2 / 3 / 0, now in discussion. */
function discussing(settings: Partial<LeanCoffeeSettings> = {}) {
  const s = session(settings);
  const a = s.addTopic('p2', 'A');
  const b = s.addTopic('p3', 'B');
  const c = s.addTopic('p2', 'C');
  s.toPhase('vote');
  for (const [voter, topicId] of [
    ['p2', a],
    ['p3', a],
    ['p2', b],
    ['p3', b],
    ['p1', b],
  ] as const) {
    s.run(voter, { type: 'vote:cast', topicId });
  }
  s.toPhase('discuss');
  return { s, a, b, c };
}

describe('merging duplicates', () => {
  it('carries votes over, keeps both votes of someone who voted on both, and remembers the title', () => {
    const s = session({ allowStacking: false });
    const a = s.addTopic('p2', 'Remote work');
    const b = s.addTopic('p3', 'Working from home');
    s.toPhase('vote');
    s.run('p2', { type: 'vote:cast', topicId: a });
    s.run('p2', { type: 'vote:cast', topicId: b });
    s.run('p3', { type: 'vote:cast', topicId: b });
    s.run('p1', { type: 'topics:merge', sourceId: b, targetId: a });
    expect(s.state.topics.map((t) => t.id)).toEqual([a]);
    expect(tally(s.state, a)).toBe(3);
    expect(votesBy(s.state, 'p2', a)).toBe(2);
    expect(s.state.topics[0]?.mergedTitles).toEqual(['Working from home']);
  });

  it.each([
    { actor: 'p2', source: 'a', target: 'b', expected: ErrorCode.forbidden },
    { actor: 'p1', source: 'a', target: 'a', expected: ErrorCode.invalidState },
    {
      actor: 'p1',
      source: 'a',
      target: 'missing',
      expected: ErrorCode.notFound,
    },
  ])('$actor merging $source into $target: $expected', ({ actor, source, target, expected }) => {
    const s = session();
    const ids: Record<string, string> = {
      a: s.addTopic('p2', 'A'),
      b: s.addTopic('p3', 'B'),
      missing: 'zzz',
    };
    const result = s.try(actor, {
      type: 'topics:merge',
      sourceId: ids[source]!,
      targetId: ids[target]!,
    });
    expect(codeOf(result)).toBe(expected);
    expect(s.state.topics).toHaveLength(2);
  });

  it('refuses to merge a topic already discussed', () => {
    const { s, a, b } = discussing();
    s.run('p1', { type: 'discussion:start', topicId: a });
    s.run('p1', { type: 'discussion:close' });
    expect(codeOf(s.try('p1', { type: 'topics:merge', sourceId: a, targetId: b }))).toBe(ErrorCode.invalidState);
  });
});

describe('the To discuss column', () => {
  it('orders by votes, then by who proposed first', () => {
    const { s } = discussing();
    expect(toDiscuss(s.state).map((t) => t.title)).toEqual(['B', 'A', 'C']);
    expect(rankTopics(s.state).map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('follows the facilitator’s moves, and the reset returns to votes', () => {
    const { s, c } = discussing();
    s.run('p1', { type: 'agenda:move', topicId: c, direction: 'up' });
    expect(toDiscuss(s.state).map((t) => t.title)).toEqual(['B', 'C', 'A']);
    s.run('p1', { type: 'agenda:move', topicId: c, direction: 'up' });
    s.run('p1', { type: 'agenda:move', topicId: c, direction: 'up' });
    expect(toDiscuss(s.state).map((t) => t.title)).toEqual(['C', 'B', 'A']);
    expect(codeOf(s.try('p2', { type: 'agenda:move', topicId: c, direction: 'down' }))).toBe(ErrorCode.forbidden);
    s.run('p1', { type: 'agenda:reset' });
    expect(toDiscuss(s.state).map((t) => t.title)).toEqual(['B', 'A', 'C']);
  });
});

describe('discussion flow', () => {
  it('pulls the next topic by votes, times it, and books the time spent when it closes', () => {
    const { s, b } = discussing();
    s.run('p1', { type: 'discussion:start' });
    expect(discussingTopic(s.state)?.id).toBe(b);
    expect(s.state.timer).toEqual({
      status: 'running',
      durationMs: 8 * minute,
      endsAt: s.ctx.now + 8 * minute,
    });
    s.ctx.tick(5 * minute);
    s.run('p1', { type: 'discussion:close' });
    const closed = s.state.topics.find((t) => t.id === b);
    expect(closed?.status).toBe('discussed');
    expect(discussionMs(closed!, s.ctx.now + 10 * minute)).toBe(5 * minute + 1000);
    expect(s.state.timer).toEqual({ status: 'idle' });
  });

  it('starting the next topic closes the current one', () => {
    const { s, a, b } = discussing();
    s.run('p1', { type: 'discussion:start' });
    s.run('p1', { type: 'discussion:start' });
    expect(discussingTopic(s.state)?.id).toBe(a);
    expect(discussedTopics(s.state).map((t) => t.id)).toEqual([b]);
  });

  it('skips and returns topics', () => {
    const { s, a, c } = discussing();
    s.run('p1', { type: 'topic:skip', topicId: c });
    expect(s.state.topics.find((t) => t.id === c)?.status).toBe('skipped');
    s.run('p1', { type: 'discussion:start', topicId: a });
    s.run('p1', { type: 'topic:return', topicId: a });
    expect(s.state.topics.find((t) => t.id === a)?.status).toBe('open');
    expect(s.state.timer.status).toBe('idle');
    s.run('p1', { type: 'topic:return', topicId: c });
    expect(toDiscuss(s.state).map((t) => t.title)).toEqual(['B', 'A', 'C']);
  });

  it.each(['discussion:start', 'discussion:close', 'discussion:extend', 'thumbs:open'] as const)(
    'only a facilitator may send %s',
    (type) => {
      const { s } = discussing();
      expect(codeOf(s.try('p2', { type }))).toBe(ErrorCode.forbidden);
    },
  );

  it('reports when there is nothing left to discuss', () => {
    const s = session();
    s.toPhase('vote', 'discuss');
    expect(codeOf(s.try('p1', { type: 'discussion:start' }))).toBe(ErrorCode.invalidState);
  });
});

describe('extensions', () => {
  it.each([
    { steps: [4, 2], extensions: 4, expected: [4, 2, 2, 2] },
    { steps: [5, 3, 1], extensions: 4, expected: [5, 3, 1, 1] },
    { steps: [3], extensions: 2, expected: [3, 3] },
  ])('with steps $steps the extensions run $expected', ({ steps, extensions, expected }) => {
    const { s } = discussing({ extensionMinutes: steps });
    s.run('p1', { type: 'discussion:start' });
    const granted: number[] = [];
    for (let i = 0; i < extensions; i += 1) {
      granted.push(nextExtensionMinutes(s.state, discussingTopic(s.state)!));
      s.run('p1', { type: 'discussion:extend' });
      const timer = s.state.timer;
      expect(timer.status === 'running' && timer.endsAt - s.ctx.now).toBe(granted.at(-1)! * minute);
    }
    expect(granted).toEqual(expected);
  });
});

describe('timer', () => {
  it('pauses and resumes without losing or gaining time', () => {
    const s = session();
    s.run('p1', { type: 'timer:start', minutes: 5 });
    s.ctx.tick(60_000);
    s.run('p1', { type: 'timer:pause' });
    const paused = s.state.timer;
    expect(paused).toMatchObject({
      status: 'paused',
      remainingMs: 5 * minute - 61_000,
    });
    s.ctx.tick(10 * minute);
    s.run('p1', { type: 'timer:resume' });
    expect(timerRemainingMs(s.state.timer, s.ctx.now)).toBe(5 * minute - 61_000);
  });

  it.each([
    { status: 'running', add: 2, remaining: 7 * minute - 1000 },
    { status: 'paused', add: 2, remaining: 7 * minute - 1000 },
    { status: 'idle', add: 2, remaining: 2 * minute },
  ])('adding $add minutes to a $status timer leaves $remaining ms', ({ status, add, remaining }) => {
    const s = session();
    if (status !== 'idle') s.run('p1', { type: 'timer:start', minutes: 5 });
    if (status === 'paused') s.run('p1', { type: 'timer:pause' });
    s.run('p1', { type: 'timer:add', minutes: add });
    expect(timerRemainingMs(s.state.timer, s.ctx.now)).toBe(remaining);
  });

  it('expires exactly once, and never early', () => {
    const s = session();
    s.run('p1', { type: 'timer:start', minutes: 1 });
    expect(codeOf(s.try('p2', { type: 'timer:expire' }))).toBe(ErrorCode.timerNotDue);
    s.ctx.tick(minute);
    const first = s.run('system', { type: 'timer:expire' });
    const second = s.run('p3', { type: 'timer:expire' });
    expect(first.map((e) => e.type)).toEqual(['timer:set']);
    expect(second).toEqual([]);
    expect(s.state.timer.status).toBe('expired');
  });

  it('opens the thumbs vote when a topic’s timebox runs out', () => {
    const { s, b } = discussing();
    s.run('p1', { type: 'discussion:start' });
    s.ctx.tick(8 * minute);
    expect(s.run('system', { type: 'timer:expire' }).map((e) => e.type)).toEqual(['timer:set', 'thumbs:opened']);
    expect(s.state.thumbs?.topicId).toBe(b);
  });

  it('only a facilitator may control it', () => {
    const s = session();
    expect(codeOf(s.try('p2', { type: 'timer:start', minutes: 5 }))).toBe(ErrorCode.forbidden);
    expect(codeOf(s.try('system', { type: 'timer:start', minutes: 5 }))).toBe(ErrorCode.forbidden);
  });
});

describe('thumbs vote', () => {
  function thumbsOpen() {
    const ctx = discussing();
    for (const id of ['p1', 'p2', 'p3']) {
      ctx.s.run('system', {
        type: 'participant:presence',
        participantId: id,
        online: true,
      });
    }
    ctx.s.run('p1', { type: 'discussion:start' });
    ctx.s.run('p1', { type: 'thumbs:open' });
    return ctx;
  }

  it('hides ballots until everyone present has voted, then reveals them together', () => {
    const { s } = thumbsOpen();
    s.run('p2', { type: 'thumbs:cast', value: 'up' });
    s.run('p3', { type: 'thumbs:cast', value: 'down' });
    const forAna = viewFor(s.state, { participantId: 'p2' }).thumbs!;
    expect(forAna.revealed).toBe(false);
    expect(forAna.ballots).toEqual([
      { voterId: 'p2', value: 'up' },
      { voterId: null, value: null },
    ]);
    expect(thumbsTally(forAna.ballots)).toEqual({
      up: 1,
      side: 0,
      down: 0,
      cast: 2,
    });
    const last = s.run('p1', { type: 'thumbs:cast', value: 'up' });
    expect(last.map((e) => e.type)).toEqual(['thumbs:cast', 'thumbs:revealed']);
    expect(thumbsTally(viewFor(s.state, { participantId: 'p2' }).thumbs!.ballots)).toEqual({
      up: 2,
      side: 0,
      down: 1,
      cast: 3,
    });
  });

  it('does not wait for people who are offline, and lets the facilitator reveal early', () => {
    const { s } = thumbsOpen();
    s.run('system', {
      type: 'participant:presence',
      participantId: 'p3',
      online: false,
    });
    s.run('p2', { type: 'thumbs:cast', value: 'side' });
    expect(s.state.thumbs?.revealed).toBe(false);
    expect(codeOf(s.try('p2', { type: 'thumbs:reveal' }))).toBe(ErrorCode.forbidden);
    s.run('p1', { type: 'thumbs:reveal' });
    expect(s.state.thumbs?.revealed).toBe(true);
  });

  it('lets people change their thumb; one ballot each', () => {
    const { s } = thumbsOpen();
    s.run('p2', { type: 'thumbs:cast', value: 'up' });
    s.run('p2', { type: 'thumbs:cast', value: 'down' });
    expect(s.state.thumbs?.ballots).toEqual([{ voterId: 'p2', value: 'down' }]);
  });

  it('keeps the history of rounds: extended, then closed', () => {
    const { s, b } = thumbsOpen();
    for (const id of ['p1', 'p2', 'p3']) s.run(id, { type: 'thumbs:cast', value: 'up' });
    s.run('p1', { type: 'discussion:extend' });
    expect(s.state.thumbs).toBeNull();
    s.run('p1', { type: 'thumbs:open' });
    s.run('p2', { type: 'thumbs:cast', value: 'down' });
    s.run('p1', { type: 'discussion:close' });
    const history = s.state.topics.find((t) => t.id === b)?.thumbsHistory;
    expect(
      history?.map(({ up, side, down, outcome }) => ({
        up,
        side,
        down,
        outcome,
      })),
    ).toEqual([
      { up: 3, side: 0, down: 0, outcome: 'extended' },
      { up: 0, side: 0, down: 1, outcome: 'closed' },
    ]);
  });

  it('cannot be cast when no vote is open', () => {
    const { s } = discussing();
    expect(codeOf(s.try('p2', { type: 'thumbs:cast', value: 'up' }))).toBe(ErrorCode.invalidState);
  });
});

describe('hidden voting', () => {
  it('shows each person only their own dots until the facilitator reveals', () => {
    const s = session({ hiddenVoting: true });
    const a = s.addTopic('p2', 'A');
    s.toPhase('vote');
    s.run('p2', { type: 'vote:cast', topicId: a });
    s.run('p3', { type: 'vote:cast', topicId: a });
    expect(tally(viewFor(s.state, { participantId: 'p2' }), a)).toBe(1);
    expect(viewFor(s.state, { participantId: 'p2' }).votes).toHaveLength(2);
    expect(codeOf(s.try('p2', { type: 'votes:reveal' }))).toBe(ErrorCode.forbidden);
    s.run('p1', { type: 'votes:reveal' });
    expect(tally(viewFor(s.state, { participantId: 'p2' }), a)).toBe(2);
  });

  it('reveals by itself when discussion starts', () => {
    const s = session({ hiddenVoting: true });
    s.addTopic('p2', 'A');
    s.toPhase('vote');
    expect(s.run('p1', { type: 'phase:change', to: 'discuss' }).map((e) => e.type)).toEqual([
      'votes:revealed',
      'phase:changed',
    ]);
    expect(s.state.votesRevealed).toBe(true);
  });
});

describe('topic limit per person', () => {
  it.each([
    { limit: null, proposals: 4, accepted: 4 },
    { limit: 2, proposals: 4, accepted: 2 },
    { limit: 1, proposals: 1, accepted: 1 },
  ])('with a limit of $limit, $accepted of $proposals proposals are accepted', ({ limit, proposals, accepted }) => {
    const s = session({ topicsPerPerson: limit });
    const results = Array.from({ length: proposals }, (_, i) =>
      codeOf(s.try('p2', { type: 'topic:add', title: `T${i}`, description: '' })),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(accepted);
    expect(results.filter((r) => r === ErrorCode.topicLimitReached)).toHaveLength(proposals - accepted);
  });
});

describe('outcomes', () => {
  it('records takeaways and actions with owners on discussed topics', () => {
    const { s, b } = discussing();
    s.run('p1', { type: 'discussion:start' });
    s.run('p2', {
      type: 'outcome:add',
      topicId: b,
      kind: 'takeaway',
      text: 'We agree',
      ownerId: null,
      ownerName: null,
      due: null,
    });
    s.run('p3', {
      type: 'outcome:add',
      topicId: b,
      kind: 'action',
      text: 'Draft a proposal',
      ownerId: 'p2',
      ownerName: null,
      due: '2026-12-01',
    });
    s.run('p3', {
      type: 'outcome:add',
      topicId: b,
      kind: 'action',
      text: 'Ask legal',
      ownerId: null,
      ownerName: 'Frau Schulz',
      due: null,
    });
    expect(
      s.state.outcomes.map(({ kind, ownerName, due }) => ({
        kind,
        ownerName,
        due,
      })),
    ).toEqual([
      { kind: 'takeaway', ownerName: null, due: null },
      { kind: 'action', ownerName: 'Ana', due: '2026-12-01' },
      { kind: 'action', ownerName: 'Frau Schulz', due: null },
    ]);
  });

  it.each([
    { actor: 'p2', action: 'edit', expected: 'ok' },
    { actor: 'p3', action: 'edit', expected: ErrorCode.forbidden },
    { actor: 'p1', action: 'edit', expected: 'ok' },
    { actor: 'p3', action: 'remove', expected: ErrorCode.forbidden },
    { actor: 'p1', action: 'remove', expected: 'ok' },
  ])('$actor may $action Ana’s note: $expected', ({ actor, action, expected }) => {
    const { s, b } = discussing();
    s.run('p1', { type: 'discussion:start' });
    s.run('p2', {
      type: 'outcome:add',
      topicId: b,
      kind: 'takeaway',
      text: 'Mine',
      ownerId: null,
      ownerName: null,
      due: null,
    });
    const outcomeId = s.state.outcomes[0]!.id;
    const result =
      action === 'edit'
        ? s.try(actor, {
            type: 'outcome:edit',
            outcomeId,
            text: 'Changed',
            ownerId: null,
            ownerName: null,
            due: null,
          })
        : s.try(actor, { type: 'outcome:remove', outcomeId });
    expect(codeOf(result)).toBe(expected);
  });

  it('cannot be added to a topic not yet discussed, or outside discussion and wrap-up', () => {
    const { s, c } = discussing();
    const note = {
      type: 'outcome:add',
      topicId: c,
      kind: 'takeaway',
      text: 'x',
      ownerId: null,
      ownerName: null,
      due: null,
    } as const;
    expect(codeOf(s.try('p2', note))).toBe(ErrorCode.invalidState);
    s.run('p1', { type: 'phase:change', to: 'vote' });
    expect(codeOf(s.try('p2', note))).toBe(ErrorCode.wrongPhase);
  });
});

describe('wrap-up and the archive', () => {
  it('collects one closing line per person and anonymous ROTI scores', () => {
    const { s } = discussing();
    s.toPhase('wrapup');
    s.run('p2', { type: 'closing:submit', text: 'Good focus' });
    s.run('p2', { type: 'closing:submit', text: 'Great focus' });
    s.run('p3', { type: 'closing:pass' });
    s.run('p2', { type: 'roti:cast', score: 4 });
    s.run('p3', { type: 'roti:cast', score: 2 });
    s.run('p3', { type: 'roti:cast', score: 3 });
    expect(s.state.closing).toEqual([
      { participantId: 'p2', text: 'Great focus' },
      { participantId: 'p3', text: null },
    ]);
    expect(viewFor(s.state, { participantId: 'p2' }).roti).toEqual([
      { voterId: 'p2', score: 4 },
      { voterId: null, score: 3 },
    ]);
  });

  it('closes the current topic when moving on to wrap-up', () => {
    const { s, b } = discussing();
    s.run('p1', { type: 'discussion:start' });
    s.toPhase('wrapup');
    expect(s.state.topics.find((t) => t.id === b)?.status).toBe('discussed');
    expect(s.state.timer.status).toBe('idle');
  });

  it.each([
    { type: 'topic:add', title: 'Late', description: '' },
    { type: 'closing:submit', text: 'Late' },
    { type: 'timer:start', minutes: 1 },
    { type: 'participant:rename', name: 'Late' },
    { type: 'phase:change', to: 'wrapup' },
  ] as const)('an ended session is read-only: $type is refused', (command) => {
    const { s } = discussing();
    s.toPhase('wrapup', 'ended');
    const before = s.state;
    expect(codeOf(s.try('p1', command))).toBe(ErrorCode.sessionEnded);
    expect(s.state).toBe(before);
  });
});

describe('co-facilitators', () => {
  it('lets a facilitator promote a participant, who may then facilitate', () => {
    const s = session();
    expect(codeOf(s.try('p2', { type: 'phase:change', to: 'vote' }))).toBe(ErrorCode.forbidden);
    s.run('p1', {
      type: 'participant:set-role',
      participantId: 'p2',
      role: 'facilitator',
    });
    expect(codeOf(s.try('p2', { type: 'phase:change', to: 'vote' }))).toBe('ok');
  });

  it('never lets anyone demote the seat that opened the session, so its facilitator link keeps facilitating', () => {
    const s = session();
    s.run('p1', { type: 'participant:set-role', participantId: 'p2', role: 'facilitator' });
    expect(codeOf(s.try('p2', { type: 'participant:set-role', participantId: 'p1', role: 'participant' }))).toBe(
      ErrorCode.forbidden,
    );
    expect(s.state.participants[0]).toMatchObject({ id: 'p1', role: 'facilitator' });
    // The co-facilitator can still be demoted by the creator.
    s.run('p1', { type: 'participant:set-role', participantId: 'p2', role: 'participant' });
  });

  it('reinstates the facilitator link’s seat as facilitator through an event every device applies', () => {
    const s = session();
    expect(codeOf(s.try('p1', { type: 'participant:reinstate-facilitator', participantId: 'p1' }))).toBe(
      ErrorCode.forbidden,
    );
    expect(s.run('system', { type: 'participant:reinstate-facilitator', participantId: 'p1' })).toEqual([]);
    expect(s.run('system', { type: 'participant:reinstate-facilitator', participantId: 'p2' })).toEqual([
      { type: 'participant:role-changed', participantId: 'p2', role: 'facilitator' },
    ]);
  });

  it('keeps at least one facilitator', () => {
    const s = session();
    expect(
      codeOf(
        s.try('p1', {
          type: 'participant:set-role',
          participantId: 'p1',
          role: 'participant',
        }),
      ),
    ).toBe(ErrorCode.invalidState);
  });
});
