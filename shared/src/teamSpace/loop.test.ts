import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { applyLoop, replayLoop } from './apply.ts';
import { backlog, currentSpeaker, openActions } from './selectors.ts';
import type { TeamSpaceState } from './state.ts';
import { teamSpace } from './testing/fixtures.ts';
import { loopEventFor, loopViewFor } from './view.ts';

type Result = { ok: true } | { ok: false; error: { code: string } };
const codeOf = (result: Result) => (result.ok ? 'ok' : result.error.code);

describe('tension intake', () => {
  it('takes a tension from anyone at any time, in the proposed room until a facilitator sorts it', () => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Unclear who answers citizen emails', 'governance');
    expect(s.state.tensions[0]).toMatchObject({ id, room: 'governance', roomConfirmed: false, status: 'open' });
    expect(codeOf(s.try('p3', { type: 'tension:assign-room', tensionId: id, room: 'operational' }))).toBe(
      ErrorCode.forbidden,
    );
    s.run('p1', { type: 'tension:assign-room', tensionId: id, room: 'operational' });
    expect(s.state.tensions[0]).toMatchObject({ proposedRoom: 'governance', room: 'operational', roomConfirmed: true });
  });

  it.each([
    { actor: 'p2', command: 'tension:edit', expected: 'ok' },
    { actor: 'p3', command: 'tension:edit', expected: ErrorCode.forbidden },
    { actor: 'p1', command: 'tension:withdraw', expected: 'ok' },
    { actor: 'p3', command: 'tension:withdraw', expected: ErrorCode.forbidden },
  ] as const)('$actor may $command Ana’s tension: $expected', ({ actor, command, expected }) => {
    const s = teamSpace();
    const tensionId = s.addTension('p2', 'X', 'operational');
    const result =
      command === 'tension:edit'
        ? s.try(actor, { type: command, tensionId, title: 'Y', description: '' })
        : s.try(actor, { type: command, tensionId });
    expect(codeOf(result)).toBe(expected);
  });
});

describe('anonymity', () => {
  it('never shows another member who brought an anonymous tension, in state or events', () => {
    const s = teamSpace();
    s.addTension('p2', 'Conflict in the team', 'relationship', true);
    s.addTension('p3', 'Open one', 'operational');
    for (const viewer of ['p1', 'p3', 'p4'].map((participantId) => ({ participantId }))) {
      const frames = JSON.stringify([loopViewFor(s.state, viewer), s.log.map((e) => loopEventFor(e, viewer))]);
      expect(frames).not.toContain('"authorId":"p2"');
    }
    expect(loopViewFor(s.state, { participantId: 'p2' }).tensions[0]?.authorId).toBe('p2');
  });

  it('a client applying masked events holds exactly its view', () => {
    const s = teamSpace();
    s.addTension('p2', 'Anonymous', 'governance', true);
    s.meetingAtTensions('governance');
    const viewer = { participantId: 'p3' };
    let copy = loopViewFor(replayLoop(s.log.slice(0, 1)), viewer);
    let full: TeamSpaceState = replayLoop(s.log.slice(0, 1));
    for (const event of s.log.slice(1)) {
      full = applyLoop(full, event);
      copy = applyLoop(copy, loopEventFor(event, viewer));
      expect(copy).toEqual(loopViewFor(full, viewer));
    }
  });

  it('lets a facilitator present an anonymous governance tension, keeping its holder hidden', () => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Anonymous rule change', 'governance', true);
    s.meetingAtTensions('governance');
    s.run('p1', { type: 'tension:start', tensionId: id });
    expect(s.state.meeting?.process?.proposerId).toBe('p1');
  });
});

describe('sync meeting (operational room)', () => {
  it('walks check-in, checklist, metrics, project updates, agenda, tensions and closing', () => {
    const s = teamSpace();
    s.run('p1', { type: 'space:update', checklist: ['Minutes sent'], metrics: ['Open cases'] });
    s.addTension('p2', 'Printer broken', 'operational');
    s.addTension('p3', 'Rule unclear', 'governance');
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    const stages = [s.state.meeting?.stage];
    s.run('p1', { type: 'round:start', kind: 'checkin' });
    expect(currentSpeaker(s.state.meeting!.round)).toBe('p1');
    s.run('p1', { type: 'round:next' });
    s.run('p2', { type: 'round:pass' });
    expect(codeOf(s.try('p4', { type: 'round:next' }))).toBe(ErrorCode.forbidden);
    while (s.state.meeting?.stage !== 'closing') {
      if (s.state.meeting?.stage === 'checklist') {
        s.run('p1', { type: 'meeting:mark-checklist', index: 0, done: true });
        s.run('p1', { type: 'meeting:set-metric', index: 0, value: '42' });
      }
      s.run('p1', { type: 'meeting:advance' });
      stages.push(s.state.meeting?.stage);
      if (s.state.meeting?.stage === 'agenda') expect(s.state.meeting.agenda).toHaveLength(1);
    }
    expect(stages).toEqual(['checkin', 'checklist', 'projects', 'agenda', 'tensions', 'closing']);
    expect(s.state.meeting).toMatchObject({
      checklist: [{ label: 'Minutes sent', done: true }],
      metrics: [{ value: '42' }],
    });
  });

  it('lets the scribe fill in checklist, metrics and project updates, and no other member', () => {
    const s = teamSpace();
    s.run('p1', { type: 'space:update', checklist: ['Minutes sent'], metrics: ['Open cases'] });
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    s.run('p1', { type: 'meeting:assign-role', role: 'scribe', participantId: 'p3' });
    s.run('p3', { type: 'meeting:mark-checklist', index: 0, done: false });
    s.run('p3', { type: 'meeting:set-metric', index: 0, value: '17' });
    expect(codeOf(s.try('p2', { type: 'meeting:set-metric', index: 0, value: '99' }))).toBe(ErrorCode.forbidden);
    expect(s.state.meeting).toMatchObject({ checklist: [{ done: false }], metrics: [{ value: '17' }] });
  });

  it.each([
    {
      outcome: { type: 'information', note: 'It is on the intranet' },
      resolved: true,
      actions: 0,
      room: 'operational',
    },
    { outcome: { type: 'help', note: 'Ben helps' }, resolved: true, actions: 0, room: 'operational' },
    { outcome: { type: 'sharing', note: '' }, resolved: true, actions: 0, room: 'operational' },
    {
      outcome: { type: 'next-action', text: 'Call the vendor', ownerId: 'p3', ownerName: null, due: '2026-12-01' },
      resolved: true,
      actions: 1,
      room: 'operational',
    },
    {
      outcome: { type: 'project', text: 'New printer', ownerId: null, ownerName: 'IT-Abteilung', due: null },
      resolved: true,
      actions: 1,
      room: 'operational',
    },
    { outcome: { type: 'to-governance' }, resolved: false, actions: 0, room: 'governance' },
  ] as const)('outcome $outcome.type resolves it: $resolved', ({ outcome, resolved, actions, room }) => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Printer broken', 'operational');
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'tension:start', tensionId: id });
    expect(s.state.meeting?.timer).toMatchObject({ status: 'running', durationMs: 120_000 });
    expect(codeOf(s.try('p4', { type: 'tension:outcome', outcome }))).toBe(ErrorCode.forbidden);
    s.run('p1', { type: 'tension:outcome', outcome });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: true });
    const tension = s.state.tensions[0]!;
    expect(tension.status).toBe(resolved ? 'resolved' : 'open');
    expect(tension.room).toBe(room);
    // A tension moved to governance starts afresh there.
    expect(tension.gotWhatNeeded).toBe(room === 'governance' ? null : true);
    expect(openActions(s.state)).toHaveLength(actions);
    if (actions)
      expect(openActions(s.state)[0]).toMatchObject({
        ownerName: outcome.type === 'next-action' ? 'Ben' : 'IT-Abteilung',
      });
    expect(s.state.meeting?.timer.status).toBe('idle');
  });

  it('lets the scribe record but not run the meeting', () => {
    const s = teamSpace();
    const id = s.addTension('p2', 'X', 'operational');
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'meeting:assign-role', role: 'scribe', participantId: 'p4' });
    s.run('p1', { type: 'tension:start', tensionId: id });
    expect(codeOf(s.try('p4', { type: 'tension:outcome', outcome: { type: 'sharing', note: '' } }))).toBe('ok');
    expect(codeOf(s.try('p4', { type: 'meeting:advance' }))).toBe(ErrorCode.forbidden);
  });
});

/** A governance meeting with Ana's proposal on the table, at the given step. */
function governance() {
  const s = teamSpace();
  const id = s.addTension('p2', 'Who signs off youth grants?', 'governance');
  s.meetingAtTensions('governance');
  s.run('p1', { type: 'tension:start', tensionId: id });
  const answerAll = (answer: (speaker: string) => 'none' | string) => {
    while (s.state.meeting?.round && s.state.meeting.round.index < s.state.meeting.round.order.length) {
      const speaker = currentSpeaker(s.state.meeting.round)!;
      const reply = answer(speaker);
      if (reply === 'none') s.run(speaker, { type: 'objection:none' });
      else s.run(speaker, { type: 'objection:raise', reason: reply });
    }
  };
  return { s, id, answerAll };
}

describe('governance meeting (integrative decision-making)', () => {
  it('adopts a proposal after an objection is integrated, and records it in the decision log', () => {
    const { s, id, answerAll } = governance();
    expect(codeOf(s.try('p3', { type: 'proposal:set', proposal: 'x' }))).toBe(ErrorCode.forbidden);
    expect(codeOf(s.try('p1', { type: 'process:advance' }))).toBe(ErrorCode.invalidState);
    s.run('p2', { type: 'proposal:set', proposal: 'The team lead signs off grants up to 5,000 €.' });
    s.run('p1', { type: 'process:advance' });
    s.run('p1', { type: 'process:advance' });
    expect(s.state.meeting?.round?.kind).toBe('reaction');
    s.run('p1', { type: 'process:advance' });
    s.run('p1', { type: 'process:advance' });
    expect(s.state.meeting?.process?.step).toBe('objection');
    answerAll((speaker) => (speaker === 'p3' ? 'Deputies are left out when the lead is ill.' : 'none'));
    s.run('p1', { type: 'process:advance' });
    expect(s.state.meeting?.process?.step).toBe('integration');
    expect(codeOf(s.try('p1', { type: 'process:advance' }))).toBe(ErrorCode.invalidState);
    s.run('p2', { type: 'proposal:set', proposal: 'The team lead, or the deputy, signs off grants up to 5,000 €.' });
    s.run('p2', { type: 'objection:integrate', objectionId: s.state.meeting!.process!.objections[0]!.id });
    s.run('p1', { type: 'process:advance' });
    expect(s.state.meeting?.process).toMatchObject({ step: 'objection', objectionRounds: 2 });
    answerAll(() => 'none');
    s.run('p1', { type: 'process:advance' });
    expect(s.state.meeting?.process?.step).toBe('adopted');
    expect(s.state.decisions).toEqual([
      expect.objectContaining({
        tensionId: id,
        text: 'The team lead, or the deputy, signs off grants up to 5,000 €.',
        present: ['Fee', 'Ana', 'Ben', 'Cem'],
      }),
    ]);
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    expect(s.state.tensions[0]?.status).toBe('resolved');
  });

  it('never adopts before everyone present has answered the objection round', () => {
    const { s } = governance();
    s.run('p2', { type: 'proposal:set', proposal: 'P' });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    s.run('p1', { type: 'objection:none' });
    s.run('p2', { type: 'objection:none' });
    expect(codeOf(s.try('p1', { type: 'process:advance' }))).toBe(ErrorCode.invalidState);
    expect(codeOf(s.try('p1', { type: 'round:next' }))).toBe(ErrorCode.invalidState);
    expect(codeOf(s.try('p4', { type: 'objection:none' }))).toBe(ErrorCode.forbidden);
    expect(s.state.decisions).toHaveLength(0);
  });

  it('hears each member in the objection round: the facilitator cannot answer for anyone', () => {
    const { s } = governance();
    s.run('p2', { type: 'proposal:set', proposal: 'P' });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    s.run('p1', { type: 'objection:none' });
    // Ana's turn: neither "no objection" nor an objection may come from the facilitator.
    expect(codeOf(s.try('p1', { type: 'objection:none' }))).toBe(ErrorCode.forbidden);
    expect(codeOf(s.try('p1', { type: 'objection:raise', reason: 'R' }))).toBe(ErrorCode.forbidden);
    expect(currentSpeaker(s.state.meeting!.round)).toBe('p2');
  });

  it('lets the facilitator mark a member absent, and the decision log says so instead of "no objection"', () => {
    const { s } = governance();
    s.run('p2', { type: 'proposal:set', proposal: 'P' });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    s.run('p1', { type: 'objection:none' });
    s.run('p2', { type: 'objection:none' });
    // Ben's turn, but Ben is not answering: only the current speaker can be marked, only by the facilitator.
    expect(codeOf(s.try('p2', { type: 'objection:mark-absent', participantId: 'p3' }))).toBe(ErrorCode.forbidden);
    expect(codeOf(s.try('p1', { type: 'objection:mark-absent', participantId: 'p4' }))).toBe(ErrorCode.invalidState);
    s.run('p1', { type: 'objection:mark-absent', participantId: 'p3' });
    expect(s.state.meeting?.round).toMatchObject({ index: 3, passed: ['p1', 'p2'], absent: ['p3'] });
    s.run('p4', { type: 'objection:none' });
    s.run('p1', { type: 'process:advance' });
    expect(s.state.decisions[0]).toMatchObject({ present: ['Fee', 'Ana', 'Cem'], markedAbsent: ['Ben'] });
  });

  it('cannot close a governance tension as resolved without adoption', () => {
    const { s } = governance();
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    expect(s.state.tensions[0]?.status).toBe('open');
    expect(s.state.decisions).toHaveLength(0);
  });

  it('drops an objection the facilitator’s test finds invalid', () => {
    const { s, answerAll } = governance();
    s.run('p2', { type: 'proposal:set', proposal: 'P' });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    answerAll((speaker) => (speaker === 'p4' ? 'I just prefer another wording.' : 'none'));
    const objectionId = s.state.meeting!.process!.objections[0]!.id;
    expect(codeOf(s.try('p3', { type: 'objection:test', objectionId, valid: false }))).toBe(ErrorCode.forbidden);
    s.run('p1', { type: 'objection:test', objectionId, valid: false });
    s.run('p1', { type: 'process:advance' });
    expect(s.state.meeting?.process?.step).toBe('adopted');
  });

  it('records an objection the test upholds, and still needs it integrated before adoption', () => {
    const { s, answerAll } = governance();
    s.run('p2', { type: 'proposal:set', proposal: 'P' });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    answerAll((speaker) => (speaker === 'p4' ? 'This removes the deputy rule we rely on.' : 'none'));
    const objectionId = s.state.meeting!.process!.objections[0]!.id;
    s.run('p1', { type: 'objection:test', objectionId, valid: true });
    expect(s.state.meeting?.process?.objections[0]?.status).toBe('valid');
    // Tested once: a second test changes nothing.
    s.run('p1', { type: 'objection:test', objectionId, valid: false });
    expect(s.state.meeting?.process?.objections[0]?.status).toBe('valid');
    s.run('p1', { type: 'process:advance' });
    expect(s.state.meeting?.process?.step).toBe('integration');
    expect(codeOf(s.try('p1', { type: 'process:advance' }))).toBe(ErrorCode.invalidState);
    s.run('p2', { type: 'objection:integrate', objectionId });
    expect(s.state.meeting?.process?.objections[0]?.status).toBe('integrated');
  });

  it.each([
    { from: 'clarifying', back: 'proposal' },
    { from: 'reaction', back: 'clarifying' },
    { from: 'amend', back: 'reaction' },
    { from: 'objection', back: 'amend' },
  ] as const)('the facilitator steps back one step, from $from to $back', ({ from, back }) => {
    const { s } = governance();
    s.run('p2', { type: 'proposal:set', proposal: 'P' });
    while (s.state.meeting?.process?.step !== from) s.run('p1', { type: 'process:advance' });
    expect(codeOf(s.try('p2', { type: 'process:back' }))).toBe(ErrorCode.forbidden);
    s.run('p1', { type: 'process:back' });
    expect(s.state.meeting?.process?.step).toBe(back);
  });

  it('cannot step back from an adopted proposal', () => {
    const { s, answerAll } = governance();
    s.run('p2', { type: 'proposal:set', proposal: 'P' });
    for (let i = 0; i < 4; i += 1) s.run('p1', { type: 'process:advance' });
    answerAll(() => 'none');
    s.run('p1', { type: 'process:advance' });
    expect(codeOf(s.try('p1', { type: 'process:back' }))).toBe(ErrorCode.invalidTransition);
  });
});

describe('space facilitators', () => {
  it('never lets a co-facilitator demote the seat that opened the space', () => {
    const s = teamSpace();
    s.run('p1', { type: 'participant:set-role', participantId: 'p2', role: 'facilitator' });
    expect(codeOf(s.try('p2', { type: 'participant:set-role', participantId: 'p1', role: 'participant' }))).toBe(
      ErrorCode.forbidden,
    );
    expect(s.state.participants[0]).toMatchObject({ id: 'p1', role: 'facilitator' });
  });

  it('reinstates a seat as facilitator only when the server says so', () => {
    const s = teamSpace();
    expect(codeOf(s.try('p2', { type: 'participant:reinstate-facilitator', participantId: 'p2' }))).toBe(
      ErrorCode.forbidden,
    );
    expect(s.run('system', { type: 'participant:reinstate-facilitator', participantId: 'p3' })).toEqual([
      { type: 'participant:role-changed', participantId: 'p3', role: 'facilitator' },
    ]);
  });
});

describe('individual and relationship rooms', () => {
  it('guide a round per speaker and record only an agreement, kept private unless shared', () => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Friction between Ana and Ben', 'relationship');
    s.meetingAtTensions('relationship');
    s.run('p1', { type: 'tension:start', tensionId: id });
    expect(s.state.meeting?.round).toMatchObject({ kind: 'personal', order: ['p1', 'p2', 'p3', 'p4'] });
    expect(codeOf(s.try('p1', { type: 'tension:outcome', outcome: { type: 'sharing', note: 'x' } }))).toBe(
      ErrorCode.invalidState,
    );
    s.run('p1', { type: 'tension:agreement', agreement: 'We talk first before escalating.' });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    expect(s.state.tensions[0]).toMatchObject({
      status: 'resolved',
      agreement: 'We talk first before escalating.',
      shareable: false,
    });
  });
});

describe('carry-over between meetings', () => {
  it('starts the next meeting with what the last one left open', () => {
    const s = teamSpace();
    const done = s.addTension('p2', 'Done today', 'operational');
    const later = s.addTension('p3', 'Left for next time', 'operational');
    const moved = s.addTension('p4', 'Needs a rule', 'operational');
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'tension:start', tensionId: done });
    s.run('p1', {
      type: 'tension:outcome',
      outcome: { type: 'next-action', text: 'Order toner', ownerId: 'p2', ownerName: null, due: null },
    });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: true });
    s.run('p1', { type: 'tension:start', tensionId: moved });
    s.run('p1', { type: 'tension:outcome', outcome: { type: 'to-governance' } });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: false });
    s.run('p1', { type: 'meeting:end' });
    expect(s.state.meetings).toHaveLength(1);
    expect(s.state.meetings[0]?.processed.map((p) => [p.tensionId, p.outcome?.type, p.resolved])).toEqual([
      [done, 'next-action', true],
      [moved, 'to-governance', false],
    ]);

    s.meetingAtTensions('operational');
    expect(s.state.meeting?.agenda).toEqual([later]);
    expect(openActions(s.state).map((a) => a.text)).toEqual(['Order toner']);
    s.run('p1', { type: 'meeting:end' });
    s.run('p1', { type: 'meeting:start', room: 'governance' });
    s.run('p1', { type: 'meeting:advance' });
    expect(s.state.meeting?.agenda).toEqual([moved]);
    expect(backlog(s.state, 'governance').map((t) => t.title)).toEqual(['Needs a rule']);
  });

  it('marks whoever comes online during a meeting as present', () => {
    const s = teamSpace();
    s.run('system', { type: 'participant:join', name: 'Dana', role: 'participant' });
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    expect(s.state.meeting?.attendees).not.toContain('p5');
    s.run('system', { type: 'participant:presence', participantId: 'p5', online: true });
    expect(s.state.meeting?.attendees).toContain('p5');
  });

  it('allows one meeting at a time, started by a facilitator', () => {
    const s = teamSpace();
    expect(codeOf(s.try('p2', { type: 'meeting:start', room: 'operational' }))).toBe(ErrorCode.forbidden);
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    expect(codeOf(s.try('p1', { type: 'meeting:start', room: 'governance' }))).toBe(ErrorCode.invalidState);
  });
});
