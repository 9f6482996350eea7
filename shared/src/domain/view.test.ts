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
  s.run('p2', { type: 'topic:edit', topicId: anas, title: 'Ana’s sharper worry', description: 'details' });
  s.run('system', { type: 'participant:presence', participantId: 'p3', online: true });
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

describe('views', () => {
  const s = scriptedSession();
  const viewers = ['p1', 'p2', 'p3', 'p-outsider'].map((participantId) => ({ participantId }));

  it.each(viewers)('a client of $participantId that applies masked events holds exactly its view', (viewer) => {
    let clientCopy = viewFor(statesAlong(s.log)[0]!.before, viewer);
    for (const { event, after } of statesAlong(s.log)) {
      clientCopy = apply(clientCopy, eventFor(event, viewer));
      expect(clientCopy).toEqual(viewFor(after, viewer));
    }
  });

  it.each(viewers)('$participantId never sees who wrote another person’s anonymous topic', (viewer) => {
    const frames = JSON.stringify([viewFor(s.state, viewer), s.log.map((e) => eventFor(e, viewer))]);
    for (const author of ['p2', 'p3'].filter((id) => id !== viewer.participantId)) {
      expect(frames).not.toMatch(new RegExp(`"authorId":"${author}"`));
    }
  });

  it.each(viewers)('$participantId sees only its own votes by name, and every tally', (viewer) => {
    const view = viewFor(s.state, viewer);
    expect(view.votes).toHaveLength(s.state.votes.length);
    for (const vote of view.votes) expect([null, viewer.participantId]).toContain(vote.voterId);
  });

  it('the author still sees their own anonymous topic as theirs', () => {
    const view = viewFor(s.state, { participantId: 'p2' });
    expect(view.topics.map((t) => t.authorId)).toEqual(['p2']);
  });
});
