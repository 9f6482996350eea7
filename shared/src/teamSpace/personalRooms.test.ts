import { describe, expect, it } from 'vitest';
import { applyLoop, replayLoop } from './apply.ts';
import type { LoopEvent } from './events.ts';
import { mayReadTension } from './privacy.ts';
import type { TeamSpaceState } from './state.ts';
import { teamSpace } from './testing/fixtures.ts';
import { loopEventFor, loopViewFor } from './view.ts';

/** Words that stand for private content: none may reach anyone who may not read it. */
const secret = { title: 'Ben-and-me', description: 'feels-unheard', agreement: 'weekly-walk' };

/**
 * A relationship tension from Ana (p2) and an anonymous one from Ben (p3) in the backlog; Cem (p4)
 * goes offline before the relationship meeting and comes back after it;
 * an operational tension moves into the relationship room, an individual one into it after the meeting.
 */
function scriptedSpace() {
  const s = teamSpace();
  const anas = s.addTension('p2', secret.title, 'relationship');
  s.run('p2', { type: 'tension:edit', tensionId: anas, title: secret.title, description: secret.description });
  const bens = s.addTension('p3', 'Ben-anonymous', 'relationship', true);
  const moved = s.addTension('p2', 'Moved-in-later', 'operational');
  const personal = s.addTension('p3', 'Personal-from-start', 'individual');
  s.run('system', { type: 'participant:presence', participantId: 'p4', online: false });
  s.meetingAtTensions('relationship');
  s.run('p1', { type: 'tension:assign-room', tensionId: moved, room: 'relationship' });
  s.run('p1', { type: 'tension:start', tensionId: anas });
  s.run('p1', { type: 'tension:agreement', agreement: secret.agreement });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  s.run('p1', { type: 'tension:start', tensionId: bens });
  s.run('p1', { type: 'tension:agreement', agreement: 'Ben-agreement' });
  s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
  s.run('p1', { type: 'meeting:end' });
  s.run('p1', { type: 'tension:assign-room', tensionId: personal, room: 'relationship' });
  s.run('p1', { type: 'meeting:start', room: 'individual' });
  s.run('p1', { type: 'meeting:end' });
  s.run('system', { type: 'participant:presence', participantId: 'p4', online: true });
  return { s, anas, bens, moved };
}

function statesAlong(log: readonly LoopEvent[]) {
  const steps: Array<{ event: LoopEvent; after: TeamSpaceState }> = [];
  let state = replayLoop(log.slice(0, 1));
  for (const event of log.slice(1)) {
    state = applyLoop(state, event);
    steps.push({ event, after: state });
  }
  return { first: replayLoop(log.slice(0, 1)), steps };
}

const viewers = ['p1', 'p2', 'p3', 'p4', 'p-newcomer'].map((participantId) => ({ participantId }));

describe('personal-room content', () => {
  const { s, anas, bens, moved } = scriptedSpace();

  it.each(viewers)('a client of $participantId that applies masked events holds exactly its view', (viewer) => {
    const { first, steps } = statesAlong(s.log);
    let copy = loopViewFor(first, viewer);
    for (const { event, after } of steps) {
      copy = applyLoop(copy, loopEventFor(event, viewer));
      expect(copy).toEqual(loopViewFor(after, viewer));
    }
  });

  it.each(['p4', 'p-newcomer'])('never reaches %s, who was not present: not in the view, not in any event', (id) => {
    const viewer = { participantId: id };
    const wire = JSON.stringify([loopViewFor(s.state, viewer), s.log.map((e) => loopEventFor(e, viewer))]);
    for (const word of [...Object.values(secret), 'Ben-anonymous', 'Ben-agreement', 'Personal-from-start']) {
      expect(wire).not.toContain(word);
    }
    // Public while it was operational, so its first events told everyone; private since the move.
    expect(JSON.stringify(loopViewFor(s.state, viewer))).not.toContain('Moved-in-later');
    // Positive control: what is not private does arrive.
    expect(wire).toContain('Jugendhilfeplanung');
  });

  it('reaches those present, and its holder', () => {
    for (const id of ['p1', 'p2', 'p3']) {
      const view = loopViewFor(s.state, { participantId: id });
      expect(view.tensions.find((t) => t.id === anas)).toMatchObject(secret);
      expect(view.meetings[0]?.processed.map((p) => p.agreement)).toEqual([secret.agreement, 'Ben-agreement']);
      expect(view.tensions.find((t) => t.id === moved)?.title).toBe('Moved-in-later');
    }
  });

  it('is masked for a facilitator too until a meeting of its room, then follows the holder into the room', () => {
    const fresh = teamSpace();
    const id = fresh.addTension('p2', 'Private-before', 'relationship');
    const before = loopViewFor(fresh.state, { participantId: 'p1' }).tensions[0];
    expect(before && { title: before.title, room: before.room }).toEqual({ title: '', room: 'relationship' });
    expect(before && mayReadTension(before, 'p1')).toBe(false);
    const events = fresh.run('p1', { type: 'meeting:start', room: 'relationship' });
    expect(events.map((e) => e.type)).toEqual(['meeting:started', 'tension:readers-set']);
    expect(loopViewFor(fresh.state, { participantId: 'p1' }).tensions.find((t) => t.id === id)?.title).toBe(
      'Private-before',
    );
  });

  it('reaches everyone once marked shareable, also those not present', () => {
    const fresh = teamSpace();
    fresh.run('system', { type: 'participant:presence', participantId: 'p4', online: false });
    const id = fresh.addTension('p2', 'Share-me', 'individual');
    fresh.meetingAtTensions('individual');
    fresh.run('p1', { type: 'tension:start', tensionId: id });
    fresh.run('p1', { type: 'tension:agreement', agreement: 'Shared-agreement' });
    const events = fresh.run('p1', { type: 'tension:set-shareable', tensionId: id, shareable: true });
    const masked = JSON.stringify(events.map((e) => loopEventFor(e, { participantId: 'p4' })));
    expect(masked).toContain('Share-me');
    expect(masked).toContain('Shared-agreement');
  });

  it('never names the holder of an anonymous tension to anyone else, in any copy', () => {
    for (const id of ['p1', 'p2', 'p4', 'p-newcomer']) {
      const viewer = { participantId: id };
      const copies = [loopViewFor(s.state, viewer), ...s.log.map((e) => loopEventFor(e, viewer))];
      const addedByBen = s.log.find((e) => e.type === 'tension:added' && e.tension.id === bens);
      expect(addedByBen && loopEventFor(addedByBen, viewer)).toMatchObject({ tension: { authorId: null } });
      // Every list of who may read an event's content names at most the viewer.
      for (const copy of copies) {
        const lists = JSON.stringify(copy).match(/"shownTo":\[[^\]]*\]/g) ?? [];
        for (const list of lists) expect(['"shownTo":[]', `"shownTo":["${id}"]`]).toContain(list);
      }
    }
  });

  it('lets nobody rewrite a personal tension they may not read, facilitators included', () => {
    const fresh = teamSpace();
    const id = fresh.addTension('p2', 'Mine-only', 'relationship');
    const edit = { type: 'tension:edit', tensionId: id, title: 'Overwritten', description: '' } as const;
    expect(fresh.try('p1', edit)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fresh.try('p2', edit).ok).toBe(true);
  });
});
