import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { loopEventFor, loopViewFor } from './view.ts';
import { applyLoop } from './apply.ts';
import { teamSpace } from './testing/fixtures.ts';

/** Issue 12: the holder's answer is one command for the whole meeting; steps left undone read "skipped". */
describe('"Did you get what you need?" in a sync meeting', () => {
  /** Ana (p2) holds the printer tension, on the table with an outcome; Cem (p4) is the scribe. */
  function onTable() {
    const s = teamSpace();
    const id = s.addTension('p2', 'Printer', 'operational');
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'meeting:assign-role', role: 'scribe', participantId: 'p4' });
    s.run('p1', { type: 'tension:start', tensionId: id });
    s.run('p1', { type: 'tension:outcome', outcome: { type: 'information', note: 'Fixed Monday' } });
    return { s, id };
  }

  it.each([
    ['the holder', 'p2', 'ok'],
    ['the facilitator, for the holder', 'p1', 'ok'],
    ['the scribe, for the holder', 'p4', 'ok'],
    ['anyone else', 'p3', ErrorCode.forbidden],
  ])('may be answered by %s', (_who, actor, expected) => {
    const { s } = onTable();
    const result = s.try(actor, { type: 'tension:answer', gotWhatNeeded: true });
    expect(result.ok ? 'ok' : result.error.code).toBe(expected);
  });

  it('is kept when someone else closes the tension, and an answer can be taken back', () => {
    const { s, id } = onTable();
    s.run('p2', { type: 'tension:answer', gotWhatNeeded: false });
    s.run('p4', { type: 'tension:answer', gotWhatNeeded: null });
    s.run('p2', { type: 'tension:answer', gotWhatNeeded: true });
    expect(s.state.tensions.find((t) => t.id === id)?.gotWhatNeeded).toBe(true);
    // The closing device never saw a tap: it sends no answer of its own.
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    expect(s.state.meeting?.processed[0]).toMatchObject({ tensionId: id, gotWhatNeeded: true });
  });

  it('is asked afresh when the tension is taken up again', () => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Printer', 'operational');
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'tension:start', tensionId: id });
    s.run('p2', { type: 'tension:answer', gotWhatNeeded: false });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    expect(s.state.tensions[0]?.status).toBe('open');
    s.run('p1', { type: 'tension:start', tensionId: id });
    expect(s.state.tensions[0]?.gotWhatNeeded).toBeNull();
  });

  it('is not asked outside sync meetings or without a tension on the table', () => {
    const s = teamSpace();
    s.addTension('p2', 'Grants', 'governance');
    s.meetingAtTensions('governance');
    const result = s.try('p1', { type: 'tension:answer', gotWhatNeeded: true });
    expect(result.ok ? 'ok' : result.error.code).toBe(ErrorCode.invalidState);
  });

  it('reaches every member alike, naming nobody', () => {
    const { s } = onTable();
    const [event] = s.run('p2', { type: 'tension:answer', gotWhatNeeded: true });
    if (!event) throw new Error('no event');
    expect(event).toEqual({ type: 'tension:answered', tensionId: expect.any(String), gotWhatNeeded: true });
    for (const viewer of ['p1', 'p3']) {
      expect(loopEventFor(event, { participantId: viewer })).toEqual(event);
    }
  });
});

describe('skipped steps and ending a meeting early', () => {
  it('marks check-in skipped when the meeting moves on without a round, and done with one', () => {
    const s = teamSpace();
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    s.run('p1', { type: 'meeting:advance' });
    expect(s.state.meeting?.skipped).toEqual(['checkin']);
    // Back to the check-in, this time with a round: no longer skipped.
    s.run('p1', { type: 'meeting:back' });
    expect(s.state.meeting?.skipped).toEqual([]);
    s.run('p1', { type: 'round:start', kind: 'checkin' });
    s.run('p1', { type: 'meeting:advance' });
    expect(s.state.meeting?.skipped).toEqual([]);
  });

  it('ends from any step: every step not done is skipped, the backlog keeps what was not taken up', () => {
    const s = teamSpace();
    s.run('p1', { type: 'space:update', checklist: ['Post'], metrics: [] });
    const printer = s.addTension('p2', 'Printer', 'operational');
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    s.run('p1', { type: 'round:start', kind: 'checkin' });
    s.run('p1', { type: 'meeting:advance' });
    s.run('p1', { type: 'meeting:mark-checklist', index: 0, done: true });
    s.run('p1', { type: 'meeting:end' });
    expect(s.state.meeting).toBeNull();
    expect(s.state.meetings.at(-1)?.skipped).toEqual(['projects', 'agenda', 'tensions', 'closing']);
    expect(s.state.tensions.find((t) => t.id === printer)?.status).toBe('open');
  });

  it('ending with a tension on the table closes it into the record, answer and all', () => {
    const s = teamSpace();
    const printer = s.addTension('p2', 'Printer', 'operational');
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'tension:start', tensionId: printer });
    s.run('p2', { type: 'tension:answer', gotWhatNeeded: false });
    s.run('p1', { type: 'meeting:end' });
    const record = s.state.meetings.at(-1);
    expect(record?.processed).toEqual([expect.objectContaining({ tensionId: printer, gotWhatNeeded: false })]);
    // Checklist and project updates had nothing to tick or update: on screen, they count as done.
    expect(record?.skipped).toEqual(['checkin', 'closing']);
    // No outcome: it stays open for the next meeting.
    expect(s.state.tensions.find((t) => t.id === printer)?.status).toBe('open');
  });

  it('only whoever runs the meeting may end it', () => {
    const s = teamSpace();
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    const result = s.try('p3', { type: 'meeting:end' });
    expect(result.ok ? 'ok' : result.error.code).toBe(ErrorCode.forbidden);
  });

  it('keeps a member view equal to the masked state through the new events', () => {
    const s = teamSpace();
    s.addTension('p2', 'Printer', 'operational');
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    const before = loopViewFor(s.state, { participantId: 'p3' });
    const events = s.run('p1', { type: 'meeting:end' });
    const folded = events.reduce((state, e) => applyLoop(state, loopEventFor(e, { participantId: 'p3' })), before);
    expect(folded).toEqual(loopViewFor(s.state, { participantId: 'p3' }));
  });
});
