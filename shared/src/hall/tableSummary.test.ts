import { describe, expect, it } from 'vitest';
import { session, table } from '../leanCoffee/testing/fixtures.ts';
import { tableSummaryOf } from './tableSummary.ts';

/** Table 7 in discussion: Ana's topic under discussion with the timebox running, four takeaways and an action. */
function busyTable() {
  const s = table();
  const printer = s.addTopic('p2', 'Drucker');
  s.addTopic('p3', 'Kaffee');
  s.relay('vote');
  s.run('p2', { type: 'vote:cast', topicId: printer });
  s.run('p3', { type: 'vote:cast', topicId: printer });
  s.relay('discuss');
  s.run('p1', { type: 'discussion:start' });
  const note = (kind: 'takeaway' | 'action', text: string) => {
    const [added] = s.run('p2', {
      type: 'outcome:add',
      topicId: printer,
      kind,
      text,
      ownerId: null,
      ownerName: null,
      due: null,
    });
    return added?.type === 'outcome:added' ? added.outcome.id : '';
  };
  const first = note('takeaway', 'Eins');
  note('takeaway', 'Zwei');
  note('action', 'Tun');
  note('takeaway', 'Drei');
  note('takeaway', 'Vier');
  return { s, first };
}

describe('tableSummaryOf', () => {
  it('is null for a Lean Coffee that is no table', () => {
    expect(tableSummaryOf(session().state, 4)).toBeNull();
  });

  it('counts the people at the table without the organiser’s placeholder seat', () => {
    const s = table();
    s.run('system', { type: 'participant:presence', participantId: 'p2', online: true });
    s.run('system', { type: 'participant:presence', participantId: 'p1', online: true });
    expect(tableSummaryOf(s.state, 9)).toMatchObject({
      table: 7,
      sessionId: 'ABC234',
      version: 9,
      people: 2,
      online: 1,
    });
  });

  it('shows the topic under discussion, the newest three takeaways and the highlight', () => {
    const { s, first } = busyTable();
    s.run('p1', { type: 'takeaway:highlight', outcomeId: first });
    s.run('p3', { type: 'hall:help', on: true });
    const timer = s.state.timer;
    expect(tableSummaryOf(s.state, 30)).toEqual({
      table: 7,
      sessionId: 'ABC234',
      version: 30,
      people: 2,
      online: 0,
      phase: 'discuss',
      topics: 2,
      votes: 2,
      discussing: { title: 'Drucker', endsAt: timer.status === 'running' ? timer.endsAt : -1 },
      discussed: 0,
      takeaways: [
        { id: expect.any(String), text: 'Vier', at: expect.any(Number) },
        { id: expect.any(String), text: 'Drei', at: expect.any(Number) },
        { id: expect.any(String), text: 'Zwei', at: expect.any(Number) },
      ],
      takeawayCount: 4,
      actionCount: 1,
      highlight: { id: first, text: 'Eins' },
      helpSince: s.state.hall?.helpSince,
    });
    expect(s.state.hall?.helpSince).toEqual(expect.any(Number));
  });

  it('shows a paused discussion without an end, and counts what was discussed', () => {
    const { s } = busyTable();
    s.run('p1', { type: 'timer:pause' });
    expect(tableSummaryOf(s.state, 1)?.discussing).toEqual({ title: 'Drucker', endsAt: null });
    s.run('p1', { type: 'discussion:close' });
    expect(tableSummaryOf(s.state, 2)).toMatchObject({ discussing: null, discussed: 1 });
  });
});
