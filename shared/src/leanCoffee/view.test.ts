import { describe, expect, it } from 'vitest';
import { apply, replay } from './apply.ts';
import type { DomainEvent } from './events.ts';
import type { SessionState } from './state.ts';
import { session } from './testing/fixtures.ts';
import { eventFor, viewFor } from './view.ts';

/** A scripted anonymous session: every kind of event, from every seat. */
function scriptedSession() {
  const s = session({ anonymousTopics: true, votesPerPerson: 2 });
  const anas = s.addTopic('p2', 'Ana’s worry');
  const bens = s.addTopic('p3', 'Ben’s idea');
  s.run('p2', {
    type: 'topic:edit',
    topicId: anas,
    title: 'Ana’s sharper worry',
    description: 'details',
  });
  s.run('system', {
    type: 'participant:presence',
    participantId: 'p3',
    online: true,
  });
  s.toPhase('vote');
  s.run('p2', { type: 'vote:cast', topicId: bens });
  s.run('p3', { type: 'vote:cast', topicId: bens });
  s.run('p3', { type: 'vote:cast', topicId: anas });
  s.run('p3', { type: 'vote:retract', topicId: bens });
  s.run('p1', { type: 'vote:cast', topicId: anas });
  s.run('p1', { type: 'topic:remove', topicId: bens });
  s.toPhase('discuss');
  return s;
}

/** Votes are a multiset: masked dots are indistinguishable, so their order carries no meaning. */
function canonical(state: SessionState): SessionState {
  const key = (v: SessionState['votes'][number]) => `${v.voterId ?? ''}|${v.topicId ?? ''}`;
  return {
    ...state,
    votes: state.votes.slice().sort((a, b) => key(a).localeCompare(key(b))),
  };
}

/** Hidden voting, merges, removals with dots on them, a thumbs vote and the closing round. */
function hiddenSession() {
  const s = session({
    hiddenVoting: true,
    anonymousTopics: true,
    votesPerPerson: 3,
  });
  for (const id of ['p1', 'p2', 'p3'])
    s.run('system', {
      type: 'participant:presence',
      participantId: id,
      online: true,
    });
  const a = s.addTopic('p2', 'A');
  const b = s.addTopic('p3', 'B');
  const c = s.addTopic('p3', 'C');
  const d = s.addTopic('p2', 'D');
  s.toPhase('vote');
  for (const [voter, topicId] of [
    ['p2', a],
    ['p3', b],
    ['p3', a],
    ['p1', c],
    ['p2', c],
    ['p1', d],
  ] as const) {
    s.run(voter, { type: 'vote:cast', topicId });
  }
  s.run('p3', { type: 'vote:retract', topicId: a });
  s.run('p1', { type: 'topics:merge', sourceId: d, targetId: b });
  s.toPhase('discuss');
  // Removing a topic with dots on it waits for the reveal (its returned dots would tell its tally).
  s.run('p1', { type: 'topic:remove', topicId: c });
  s.run('p1', { type: 'discussion:start' });
  s.run('p1', { type: 'thumbs:open' });
  s.run('p2', { type: 'thumbs:cast', value: 'up' });
  s.run('p3', { type: 'thumbs:cast', value: 'down' });
  s.run('p3', { type: 'thumbs:cast', value: 'side' });
  s.run('p1', { type: 'thumbs:cast', value: 'up' });
  s.run('p1', { type: 'discussion:extend' });
  s.run('p1', { type: 'discussion:close' });
  s.toPhase('wrapup');
  s.run('p2', { type: 'roti:cast', score: 5 });
  s.run('p3', { type: 'roti:cast', score: 2 });
  s.run('p3', { type: 'roti:cast', score: 3 });
  return s;
}

function statesAlong(log: DomainEvent[]): Array<{ before: SessionState; event: DomainEvent; after: SessionState }> {
  const steps = [];
  let state = replay(log.slice(0, 1));
  for (const event of log.slice(1)) {
    const after = apply(state, event);
    steps.push({ before: state, event, after });
    state = after;
  }
  return steps;
}

describe.each([
  { name: 'anonymous topics', s: scriptedSession() },
  { name: 'hidden voting and thumbs', s: hiddenSession() },
])('views with $name', ({ s }) => {
  const viewers = ['p1', 'p2', 'p3', 'p-outsider'].map((participantId) => ({
    participantId,
  }));

  it.each(viewers)('a client of $participantId that applies masked events holds exactly its view', (viewer) => {
    let clientCopy = viewFor(statesAlong(s.log)[0]!.before, viewer);
    for (const { event, after } of statesAlong(s.log)) {
      clientCopy = apply(clientCopy, eventFor(event, viewer));
      expect(canonical(clientCopy)).toEqual(canonical(viewFor(after, viewer)));
    }
  });

  it.each(viewers)('$participantId never sees who wrote another person’s anonymous topic', (viewer) => {
    const frames = JSON.stringify([viewFor(s.state, viewer), statesAlong(s.log).map((x) => eventFor(x.event, viewer))]);
    for (const author of ['p2', 'p3'].filter((id) => id !== viewer.participantId)) {
      expect(frames).not.toMatch(new RegExp(`"authorId":"${author}"`));
    }
  });

  it.each(viewers)('$participantId sees only its own votes by name, and every tally', (viewer) => {
    const view = viewFor(s.state, viewer);
    expect(view.votes).toHaveLength(s.state.votes.length);
    for (const vote of view.votes) expect([null, viewer.participantId]).toContain(vote.voterId);
  });
});

describe('masking', () => {
  it('the author still sees their own anonymous topic as theirs', () => {
    const view = viewFor(scriptedSession().state, { participantId: 'p2' });
    expect(view.topics.map((t) => t.authorId)).toEqual(['p2']);
  });

  it('hides where other people’s dots went until the reveal, but not how many there are', () => {
    const s = session({ hiddenVoting: true });
    const a = s.addTopic('p2', 'A');
    s.toPhase('vote');
    s.run('p3', { type: 'vote:cast', topicId: a });
    s.run('p2', { type: 'vote:cast', topicId: a });
    expect(viewFor(s.state, { participantId: 'p2' }).votes).toEqual([
      { voterId: null, topicId: null },
      { voterId: 'p2', topicId: a },
    ]);
    expect(JSON.stringify(viewFor(s.state, { participantId: 'p1' }))).not.toContain(`"topicId":"${a}"`);
  });
});
