import { describe, expect, it } from 'vitest';
import type { Command } from '../protocol/commands.ts';
import type { DecideResult } from './decide.ts';
import { canMoveAgenda, canRemoveTopic, findTopic, rankingHidden, toDiscuss } from './selectors.ts';
import { session } from './testing/fixtures.ts';
import { eventFor, viewFor } from './view.ts';

/**
 * Two sessions alike in everything the seats p1 to p3 may know before the reveal (the topics, their
 * own dots, how many dots there are) and different only in where Cem (p4) put his: opposite rankings.
 */
function twoHiddenVotes() {
  const runs = (['A', 'C'] as const).map((cemsChoice) => {
    const s = session({ hiddenVoting: true, votesPerPerson: 3, allowStacking: true });
    s.run('system', { type: 'participant:join', name: 'Cem', role: 'participant' });
    const ids = ['A', 'B', 'C'].map((title) => s.addTopic('p1', title));
    const id = (title: string) => ids['ABC'.indexOf(title)] ?? '';
    s.toPhase('vote');
    s.run('p2', { type: 'vote:cast', topicId: id('B') });
    for (let i = 0; i < 3; i += 1) s.run('p4', { type: 'vote:cast', topicId: id(cemsChoice) });
    s.run('p3', { type: 'vote:cast', topicId: id('B') });
    return { s, id };
  });
  return runs as [(typeof runs)[number], (typeof runs)[number]];
}

/** What a viewer learns from a command: its answer, and the masked copies of its events. */
function observed(result: DecideResult, participantId: string) {
  return result.ok ? { ok: true, events: result.events.map((e) => eventFor(e, { participantId })) } : result;
}

describe('the hidden ranking', () => {
  const viewers = ['p1', 'p2', 'p3'];
  const probes = (id: (title: string) => string): Array<[string, Command]> => [
    ['agenda:move', { type: 'agenda:move', topicId: id('A'), direction: 'down' }],
    ['agenda:move', { type: 'agenda:move', topicId: id('C'), direction: 'up' }],
    ['agenda:reset', { type: 'agenda:reset' }],
    ['topic:remove', { type: 'topic:remove', topicId: id('A') }],
    ['topics:merge', { type: 'topics:merge', sourceId: id('A'), targetId: id('C') }],
    ['topic:edit', { type: 'topic:edit', topicId: id('C'), title: 'C!', description: '' }],
    ['discussion:start', { type: 'discussion:start' }],
  ];

  it('the server does rank them differently (the control)', () => {
    const [one, two] = twoHiddenVotes();
    expect(toDiscuss(one.s.state).map((t) => t.title)).toEqual(['A', 'B', 'C']);
    expect(toDiscuss(two.s.state).map((t) => t.title)).toEqual(['C', 'B', 'A']);
  });

  it.each(viewers)('%s cannot tell the two apart: same copy, same answers to every facilitator command', (viewer) => {
    const [one, two] = twoHiddenVotes();
    expect(viewFor(one.s.state, { participantId: viewer })).toEqual(viewFor(two.s.state, { participantId: viewer }));
    for (const [, command] of probes(one.id)) {
      const answers = [one, two].map(({ s }) => observed(s.try('p1', command), viewer));
      expect(answers[0]).toEqual(answers[1]);
      expect(viewFor(one.s.state, { participantId: viewer })).toEqual(viewFor(two.s.state, { participantId: viewer }));
    }
  });

  it('refuses agenda:move and topic:remove while hidden, also back in collecting, and allows them after the reveal', () => {
    const [{ s, id }] = twoHiddenVotes();
    expect(rankingHidden(s.state)).toBe(true);
    expect(canMoveAgenda(s.state, 'p1')).toBe(false);
    const a = findTopic(s.state, id('A'));
    expect(a && canRemoveTopic(s.state, 'p1', a)).toBe(false);
    expect(s.try('p1', { type: 'agenda:move', topicId: id('A'), direction: 'down' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    s.toPhase('collect');
    expect(rankingHidden(s.state)).toBe(true);
    expect(s.try('p1', { type: 'topic:remove', topicId: id('B') })).toMatchObject({ ok: false });
    s.toPhase('vote');
    s.run('p1', { type: 'votes:reveal' });
    expect(rankingHidden(s.state)).toBe(false);
    expect(canMoveAgenda(s.state, 'p1')).toBe(true);
    expect(s.try('p1', { type: 'agenda:move', topicId: id('A'), direction: 'down' }).ok).toBe(true);
    expect(s.try('p1', { type: 'topic:remove', topicId: id('C') }).ok).toBe(true);
  });

  it('lets the facilitator order the agenda while collecting, before any dot exists', () => {
    const s = session({ hiddenVoting: true });
    const a = s.addTopic('p2', 'A');
    s.addTopic('p3', 'B');
    expect(rankingHidden(s.state)).toBe(false);
    expect(s.try('p1', { type: 'agenda:move', topicId: a, direction: 'down' }).ok).toBe(true);
    s.toPhase('vote');
    expect(canMoveAgenda(s.state, 'p1')).toBe(false);
    expect(canMoveAgenda(s.state, 'p2')).toBe(false);
  });
});
