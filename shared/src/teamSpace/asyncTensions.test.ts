import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { limits } from '../protocol/limits.ts';
import { replayLoop } from './apply.ts';
import { autoAgenda, mayAnswerAsync, mayAskAsync } from './betweenMeetingsPermissions.ts';
import { teamSpace } from './testing/fixtures.ts';
import { loopEventFor, loopViewFor } from './view.ts';

/** Ana (p2) asks the team about the printer between meetings. */
function asked(anonymous = false) {
  const s = teamSpace();
  const [event] = s.run('p2', {
    type: 'tension:add',
    title: 'Drucker',
    description: 'Wer kennt den Techniker?',
    room: 'operational',
    anonymous,
    async: true,
  });
  if (event?.type !== 'tension:added') throw new Error('expected tension:added');
  return { s, tensionId: event.tension.id };
}

describe('tensions asked between meetings', () => {
  it('answered by others and resolved with a next action that lands in the open actions', () => {
    const { s, tensionId } = asked();
    expect(
      s.try('p2', { type: 'tension:async-answer', tensionId, kind: 'information', text: 'Selbst?' }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
    s.run('p3', { type: 'tension:async-answer', tensionId, kind: 'action', text: 'Ich rufe ihn an.' });
    expect(
      s.try('p3', { type: 'tension:async-resolve', tensionId, outcome: { type: 'information', note: '' } }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
    const events = s.run('p2', {
      type: 'tension:async-resolve',
      tensionId,
      outcome: { type: 'next-action', text: 'Techniker anrufen', ownerId: 'p3', ownerName: null, due: null },
    });
    expect(events.map((e) => e.type)).toEqual([
      'action:added',
      'tension:outcome-set',
      'tension:closed',
      'between:recorded',
    ]);
    expect(s.state.actions.at(-1)).toMatchObject({
      text: 'Techniker anrufen',
      ownerId: 'p3',
      status: 'open',
      meetingId: null,
    });
    expect(s.state.tensions.find((t) => t.id === tensionId)).toMatchObject({ status: 'resolved', gotWhatNeeded: true });
    expect(s.state.between.at(-1)).toMatchObject({
      kind: 'tension-resolved',
      tensionId,
      outcome: { type: 'next-action' },
      answers: [{ by: 'p3', kind: 'action' }],
    });
  });

  it('resolved with information, it lands in the between-meetings log', () => {
    const { s, tensionId } = asked();
    s.run('p4', { type: 'tension:async-answer', tensionId, kind: 'information', text: 'Nummer hängt am Kühlschrank.' });
    s.run('p2', { type: 'tension:async-resolve', tensionId, outcome: { type: 'information', note: 'Kühlschrank' } });
    expect(s.state.between).toEqual([
      expect.objectContaining({ kind: 'tension-resolved', outcome: { type: 'information', note: 'Kühlschrank' } }),
    ]);
    expect(s.state.actions).toEqual([]);
  });

  it('resolved while a meeting runs, it stays out of that meeting’s minutes', () => {
    const { s, tensionId } = asked();
    s.run('p3', { type: 'tension:async-answer', tensionId, kind: 'help', text: 'Ich helfe.' });
    s.meetingAtTensions('governance');
    s.run('p2', { type: 'tension:async-resolve', tensionId, outcome: { type: 'help', note: '' } });
    expect(s.state.meeting?.processed).toEqual([]);
    expect(s.state.tensions.find((t) => t.id === tensionId)?.meetingId).toBeNull();
  });

  it('unanswered, it is on the next sync meeting’s agenda by itself; answered, it is not', () => {
    const { s, tensionId } = asked();
    const other = asked(); // a second space: answered before the meeting
    other.s.run('p3', { type: 'tension:async-answer', tensionId: other.tensionId, kind: 'information', text: 'So.' });
    expect(autoAgenda(s.state, 'operational')).toEqual([tensionId]);
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    expect(s.state.meeting?.agenda).toEqual([tensionId]);
    other.s.meetingAtTensions('operational');
    expect(other.s.state.meeting?.agenda).toEqual([]);
  });

  it('a personal-room tension cannot be asked between meetings', () => {
    const s = teamSpace();
    expect(
      s.try('p2', {
        type: 'tension:add',
        title: 'Zeit',
        description: '',
        room: 'individual',
        anonymous: false,
        async: true,
      }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.invalidState } });
    const personal = s.addTension('p2', 'Zeit', 'individual');
    expect(s.try('p2', { type: 'tension:ask-async', tensionId: personal, async: true })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.invalidState },
    });
  });

  it('moved into a personal room, it is no longer asked and its answers go with the move', () => {
    const { s, tensionId } = asked();
    s.run('p3', { type: 'tension:async-answer', tensionId, kind: 'information', text: 'So.' });
    s.run('p1', { type: 'tension:assign-room', tensionId, room: 'relationship' });
    expect(s.state.tensions.find((t) => t.id === tensionId)?.async).toBeNull();
    expect(s.try('p4', { type: 'tension:async-answer', tensionId, kind: 'information', text: 'Noch' })).toMatchObject({
      ok: false,
    });
  });

  it('a tension logged before issue 17 (no async field) folds as not asked, and can be asked', () => {
    const s = teamSpace();
    s.addTension('p2', 'Alt', 'operational');
    const log = s.log.map((e) => {
      if (e.type !== 'tension:added') return e;
      const { async: _dropped, ...old } = e.tension;
      return { ...e, tension: old as typeof e.tension };
    });
    const state = replayLoop(log);
    const tension = state.tensions[0];
    expect(tension?.async).toBeNull();
    expect(tension && mayAskAsync(state, 'p2', tension)).toBe(true);
    expect(tension && mayAnswerAsync(state, 'p3', tension)).toBe(false);
  });

  it('only the holder asks, and may take it back', () => {
    const s = teamSpace();
    const tensionId = s.addTension('p2', 'Kaffee', 'operational');
    expect(s.try('p3', { type: 'tension:ask-async', tensionId, async: true })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    s.run('p2', { type: 'tension:ask-async', tensionId, async: true });
    expect(s.state.tensions.find((t) => t.id === tensionId)?.async).toMatchObject({ answers: [] });
    s.run('p2', { type: 'tension:ask-async', tensionId, async: false });
    expect(s.state.tensions.find((t) => t.id === tensionId)?.async).toBeNull();
  });

  it('refuses answers beyond the cap with limit_reached', () => {
    const { s, tensionId } = asked();
    for (let i = 0; i < limits.asyncAnswersPerTension; i += 1) {
      s.run(i % 2 ? 'p3' : 'p4', { type: 'tension:async-answer', tensionId, kind: 'information', text: `A${i}` });
    }
    expect(s.try('p3', { type: 'tension:async-answer', tensionId, kind: 'information', text: 'Noch' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.limitReached },
    });
  });

  it('keeps an anonymous holder masked in others’ copies, in events and records', () => {
    const { s, tensionId } = asked(true);
    s.run('p3', { type: 'tension:async-answer', tensionId, kind: 'information', text: 'So.' });
    s.run('p2', { type: 'tension:async-resolve', tensionId, outcome: { type: 'information', note: '' } });
    const viewer = { participantId: 'p3' };
    const view = loopViewFor(s.state, viewer);
    expect(view.tensions.find((t) => t.id === tensionId)?.authorId).toBeNull();
    expect(JSON.stringify(view.between)).not.toContain('p2');
    // Folding the masked events gives the masked state, and no event names the holder.
    const folded = replayLoop(s.log.map((e) => loopEventFor(e, viewer)));
    expect(folded.tensions.find((t) => t.id === tensionId)?.authorId).toBeNull();
    const fromHolder = s.log.filter(
      (e) => e.type.startsWith('tension:async') || e.type === 'between:recorded' || e.type === 'tension:closed',
    );
    expect(JSON.stringify(fromHolder.map((e) => loopEventFor(e, viewer)))).not.toContain('"p2"');
    // A proposal names its author, so an anonymous tension cannot carry one.
    const governance = s.addTension('p2', 'Anonyme Regel', 'governance', true);
    expect(
      s.try('p2', { type: 'proposal:publish', tensionId: governance, title: 'Regel', text: 'So.', changes: [] }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.invalidState } });
    expect(loopViewFor(s.state, { participantId: 'p2' }).tensions.find((t) => t.id === tensionId)?.authorId).toBe('p2');
  });
});
