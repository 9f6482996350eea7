import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { limits } from '../protocol/limits.ts';
import { autoAgenda, nextProposalDeadline } from './betweenMeetingsPermissions.ts';
import { WINDOW_DAY_MS } from './rules/proposalRules.ts';
import { teamSpace } from './testing/fixtures.ts';

type Space = ReturnType<typeof teamSpace>;

/** Ben (p3) proposes a new role "Kasse"; the window is the default 7 days. */
function published(s: Space = teamSpace()) {
  s.run('p3', {
    type: 'proposal:publish',
    title: 'Rolle Kasse',
    text: 'Wir schaffen die Rolle Kasse.',
    changes: [
      { op: 'role:add', role: { name: 'Kasse', purpose: 'Geld im Blick', accountabilities: [] }, fillers: ['p3'] },
    ],
  });
  const proposal = s.state.proposals.at(-1);
  if (!proposal) throw new Error('expected a proposal');
  return { s, proposal };
}

/** Moves the clock so that the next command runs at `at` (every command ticks a second first). */
function nextCommandAt(s: Space, at: number) {
  s.ctx.tick(at - 1000 - s.ctx.now);
}

const proposalOf = (s: Space, id: string) => s.state.proposals.find((p) => p.id === id);

describe('proposals between meetings', () => {
  it('opens a window of exactly objectionWindowDays × 24 h and a governance tension for it', () => {
    const { s, proposal } = published();
    expect(proposal.closesAt - proposal.publishedAt).toBe(7 * WINDOW_DAY_MS);
    expect(proposal.asked).toEqual(['p1', 'p2', 'p3', 'p4']);
    const tension = s.state.tensions.find((t) => t.id === proposal.tensionId);
    expect(tension).toMatchObject({ room: 'governance', authorId: 'p3', status: 'open' });
    expect(proposal.changes[0]).toMatchObject({ op: 'role:add', roleId: expect.any(String) });
    expect(nextProposalDeadline(s.state)).toBe(proposal.closesAt);
  });

  it('is adopted when its window closes without objection: decision, register, record, tension resolved', () => {
    const { s, proposal } = published();
    s.run('p2', { type: 'proposal:respond', proposalId: proposal.id, objection: null });
    s.run('p4', { type: 'proposal:respond', proposalId: proposal.id, objection: null });
    nextCommandAt(s, proposal.closesAt);
    const events = s.run('system', { type: 'proposal:close-due' });
    expect(events.map((e) => e.type)).toEqual([
      'decision:adopted',
      'register:changed',
      'proposal:closed',
      'between:recorded',
      'tension:closed',
    ]);
    const decision = s.state.decisions.at(-1);
    expect(decision).toMatchObject({
      meetingId: null,
      number: 1,
      present: ['Ana', 'Cem'],
      betweenMeetings: { proposalId: proposal.id, noResponse: ['Fee'] },
    });
    expect(proposalOf(s, proposal.id)).toMatchObject({ status: 'adopted', decisionId: decision?.id });
    expect(s.state.register.roles.map((r) => r.name)).toEqual(['Kasse']);
    expect(s.state.tensions.find((t) => t.id === proposal.tensionId)?.status).toBe('resolved');
    expect(s.state.between.at(-1)).toMatchObject({ kind: 'proposal-closed', status: 'adopted' });
    expect(nextProposalDeadline(s.state)).toBeNull();
  });

  it('goes to the next governance meeting with its objections when one was raised', () => {
    const { s, proposal } = published();
    s.run('p2', { type: 'proposal:respond', proposalId: proposal.id, objection: 'Wir haben kein Konto.' });
    nextCommandAt(s, proposal.closesAt + 5000);
    const events = s.run('system', { type: 'proposal:close-due' });
    expect(events.map((e) => e.type)).toEqual(['proposal:closed', 'between:recorded']);
    expect(proposalOf(s, proposal.id)).toMatchObject({ status: 'to-meeting', toMeeting: 'objection' });
    expect(s.state.decisions).toEqual([]);
    expect(autoAgenda(s.state, 'governance')).toEqual([proposal.tensionId]);
  });

  it('takes an objection one second before the close and refuses one at the close', () => {
    const { s, proposal } = published();
    nextCommandAt(s, proposal.closesAt - 1000);
    s.run('p2', { type: 'proposal:respond', proposalId: proposal.id, objection: 'Gerade noch.' });
    expect(proposalOf(s, proposal.id)?.objections).toHaveLength(1);
    nextCommandAt(s, proposal.closesAt);
    const late = s.try('p4', { type: 'proposal:respond', proposalId: proposal.id, objection: 'Zu spät.' });
    expect(late).toMatchObject({ ok: false, error: { code: ErrorCode.wrongPhase } });
    const after = s.try('p4', { type: 'proposal:respond', proposalId: proposal.id, objection: null });
    expect(after).toMatchObject({ ok: false, error: { code: ErrorCode.wrongPhase } });
    s.run('system', { type: 'proposal:close-due' });
    expect(proposalOf(s, proposal.id)).toMatchObject({ status: 'to-meeting', toMeeting: 'objection' });
  });

  it('closed in one run, each proposal meets the register the earlier ones left: a change that no longer fits goes to the meeting', () => {
    const { s, proposal } = published();
    nextCommandAt(s, proposal.closesAt);
    s.run('system', { type: 'proposal:close-due' });
    const roleId = s.state.register.roles[0]?.id;
    if (!roleId) throw new Error('expected the role');
    s.run('p2', {
      type: 'proposal:publish',
      title: 'Weg',
      text: 'Kasse entfällt.',
      changes: [{ op: 'role:remove', roleId }],
    });
    s.run('p4', {
      type: 'proposal:publish',
      title: 'Anders',
      text: 'Kasse prüft.',
      changes: [{ op: 'role:amend', roleId, role: { name: 'Kasse', purpose: 'Prüfen', accountabilities: [] } }],
    });
    const [removal, amendment] = s.state.proposals.slice(-2);
    if (!removal || !amendment) throw new Error('expected two proposals');
    nextCommandAt(s, amendment.closesAt);
    s.run('system', { type: 'proposal:close-due' });
    expect(proposalOf(s, removal.id)).toMatchObject({ status: 'adopted' });
    expect(proposalOf(s, amendment.id)).toMatchObject({ status: 'to-meeting', toMeeting: 'not-applicable' });
    expect(s.state.decisions.map((d) => d.number)).toEqual([1, 2]);
    expect(s.state.register.roles[0]?.status).toBe('removed');
  });

  it('"no objection" after an objection takes the objection back', () => {
    const { s, proposal } = published();
    s.run('p2', { type: 'proposal:respond', proposalId: proposal.id, objection: 'Hm.' });
    s.run('p2', { type: 'proposal:respond', proposalId: proposal.id, objection: null });
    expect(proposalOf(s, proposal.id)).toMatchObject({ objections: [], responses: [{ by: 'p2', objectionId: null }] });
  });

  it('closes nothing before the window ends, and a second close-due emits nothing', () => {
    const { s, proposal } = published();
    nextCommandAt(s, proposal.closesAt - 1000);
    expect(s.run('system', { type: 'proposal:close-due' })).toEqual([]);
    nextCommandAt(s, proposal.closesAt);
    expect(s.run('system', { type: 'proposal:close-due' }).length).toBeGreaterThan(0);
    expect(s.run('system', { type: 'proposal:close-due' })).toEqual([]);
    expect(s.state.decisions).toHaveLength(1);
  });

  it('is sent only by the server', () => {
    const { s } = published();
    expect(s.try('p1', { type: 'proposal:close-due' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
  });

  it('a facilitator pulls it into the next governance meeting, which starts with it on the agenda', () => {
    const { s, proposal } = published();
    expect(s.try('p2', { type: 'proposal:to-meeting', proposalId: proposal.id })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    s.run('p1', { type: 'proposal:to-meeting', proposalId: proposal.id });
    expect(proposalOf(s, proposal.id)).toMatchObject({ status: 'to-meeting', toMeeting: 'pulled' });
    expect(nextProposalDeadline(s.state)).toBeNull();
    s.run('p1', { type: 'meeting:start', room: 'governance' });
    expect(s.state.meeting?.agenda).toEqual([proposal.tensionId]);
    while (s.state.meeting?.stage !== 'tensions') s.run('p1', { type: 'meeting:advance' });
    s.run('p1', { type: 'tension:start', tensionId: proposal.tensionId });
    expect(s.state.meeting?.process).toMatchObject({
      proposalId: proposal.id,
      proposerId: 'p3',
      step: 'proposal',
      proposal: proposal.text,
      changes: proposal.changes,
    });
  });

  it('pulled while a governance meeting runs, it joins that meeting’s agenda at once', () => {
    const { s, proposal } = published();
    s.meetingAtTensions('governance');
    s.run('p1', { type: 'meeting:agenda-remove', tensionId: proposal.tensionId });
    s.run('p1', { type: 'proposal:to-meeting', proposalId: proposal.id });
    expect(s.state.meeting?.agenda).toContain(proposal.tensionId);
  });

  it('objected, it is integrated in the next governance meeting and adopted there: register changed, proposal closed', () => {
    const { s, proposal } = published();
    s.run('p2', { type: 'proposal:respond', proposalId: proposal.id, objection: 'Wer prüft die Kasse?' });
    nextCommandAt(s, proposal.closesAt);
    s.run('system', { type: 'proposal:close-due' });
    s.meetingAtTensions('governance');
    expect(s.state.meeting?.agenda[0]).toBe(proposal.tensionId);
    s.run('p1', { type: 'tension:start', tensionId: proposal.tensionId });
    const process = s.state.meeting?.process;
    expect(process).toMatchObject({ step: 'integration', objections: [{ by: 'p2', status: 'open' }] });
    // No adoption past an open objection.
    expect(s.try('p1', { type: 'process:advance' })).toMatchObject({ ok: false });
    s.run('p3', {
      type: 'proposal:set',
      proposal: 'Wir schaffen die Rolle Kasse; Ana prüft sie.',
      changes: [
        {
          op: 'role:add',
          role: { name: 'Kasse', purpose: 'Geld im Blick', accountabilities: ['Belege prüfen lassen'] },
          fillers: ['p3'],
        },
      ],
    });
    for (const o of s.state.meeting?.process?.objections ?? [])
      s.run('p3', { type: 'objection:integrate', objectionId: o.id });
    s.run('p1', { type: 'process:advance' });
    for (const id of ['p1', 'p2', 'p3', 'p4']) s.run(id, { type: 'objection:none' });
    const events = s.run('p1', { type: 'process:advance' });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['decision:adopted', 'register:changed', 'proposal:closed']),
    );
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    expect(proposalOf(s, proposal.id)).toMatchObject({ status: 'adopted-in-meeting' });
    expect(s.state.register.roles[0]).toMatchObject({ name: 'Kasse', accountabilities: ['Belege prüfen lassen'] });
    expect(s.state.decisions.at(-1)).toMatchObject({ meetingId: s.state.meeting?.id, changes: expect.any(Array) });
  });

  it('closed in a meeting without adoption, the proposal is dropped', () => {
    const { s, proposal } = published();
    s.run('p1', { type: 'proposal:to-meeting', proposalId: proposal.id });
    s.meetingAtTensions('governance');
    s.run('p1', { type: 'tension:start', tensionId: proposal.tensionId });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    expect(proposalOf(s, proposal.id)?.status).toBe('dropped');
  });

  it('the proposer or a facilitator withdraws it, and its tension with it', () => {
    const { s, proposal } = published();
    expect(s.try('p2', { type: 'proposal:withdraw', proposalId: proposal.id })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    s.run('p3', { type: 'proposal:withdraw', proposalId: proposal.id });
    expect(proposalOf(s, proposal.id)?.status).toBe('withdrawn');
    expect(s.state.tensions.find((t) => t.id === proposal.tensionId)?.status).toBe('withdrawn');
  });

  it('questions come from others and the proposer answers them; anyone reacts', () => {
    const { s, proposal } = published();
    expect(s.try('p3', { type: 'proposal:ask', proposalId: proposal.id, text: 'Ich?' })).toMatchObject({ ok: false });
    s.run('p2', { type: 'proposal:ask', proposalId: proposal.id, text: 'Wer füllt sie?' });
    const question = proposalOf(s, proposal.id)?.questions[0];
    if (!question) throw new Error('expected a question');
    expect(
      s.try('p2', { type: 'proposal:answer', proposalId: proposal.id, questionId: question.id, text: 'Ich.' }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    s.run('p3', { type: 'proposal:answer', proposalId: proposal.id, questionId: question.id, text: 'Ben.' });
    s.run('p4', { type: 'proposal:react', proposalId: proposal.id, text: 'Gut so.' });
    expect(proposalOf(s, proposal.id)).toMatchObject({
      questions: [{ answer: 'Ben.' }],
      reactions: [{ by: 'p4', text: 'Gut so.' }],
    });
  });

  it('refuses changes that do not fit the register', () => {
    const s = teamSpace();
    const result = s.try('p2', {
      type: 'proposal:publish',
      title: 'Weg damit',
      text: 'Rolle entfällt.',
      changes: [{ op: 'role:remove', roleId: 'nope' }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.invalidState } });
  });

  it('refuses beyond the caps with limit_reached', () => {
    const { s, proposal } = published();
    for (let i = 0; i < limits.reactionsPerProposal; i += 1) {
      s.run('p2', { type: 'proposal:react', proposalId: proposal.id, text: `R${i}` });
    }
    expect(s.try('p2', { type: 'proposal:react', proposalId: proposal.id, text: 'Eine mehr' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.limitReached },
    });
    for (let i = 0; i < limits.questionsPerProposal; i += 1) {
      s.run('p2', { type: 'proposal:ask', proposalId: proposal.id, text: `F${i}` });
    }
    expect(s.try('p2', { type: 'proposal:ask', proposalId: proposal.id, text: 'Eine mehr' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.limitReached },
    });
  });

  it('refuses more open proposals than a space may hold', () => {
    const s = teamSpace();
    const seats = ['p1', 'p2', 'p3', 'p4'];
    for (let i = 0; i < limits.openProposalsPerSpace; i += 1) {
      s.run(seats[i % 4] ?? 'p1', { type: 'proposal:publish', title: `V${i}`, text: 'Text.', changes: [] });
    }
    expect(s.try('p2', { type: 'proposal:publish', title: 'Zu viel', text: 'Text.', changes: [] })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.limitReached },
    });
  });

  it('counts proposals waiting for a meeting against the cap (else pulling them frees room without end)', () => {
    const s = teamSpace();
    const seats = ['p1', 'p2', 'p3', 'p4'];
    for (let i = 0; i < limits.openProposalsPerSpace; i += 1) {
      s.run(seats[i % 4] ?? 'p1', { type: 'proposal:publish', title: `V${i}`, text: 'Text.', changes: [] });
      const p = s.state.proposals.at(-1);
      if (p) s.run('p1', { type: 'proposal:to-meeting', proposalId: p.id });
    }
    expect(s.state.proposals.every((p) => p.status === 'to-meeting')).toBe(true);
    expect(s.try('p2', { type: 'proposal:publish', title: 'Zu viel', text: 'Text.', changes: [] })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.limitReached },
    });
  });

  it('keeps the newest closed proposals and between records only', () => {
    const s = teamSpace();
    const rounds = limits.closedProposalsKept + 3;
    for (let i = 0; i < rounds; i += 1) {
      s.run('p2', { type: 'proposal:publish', title: `V${i}`, text: 'Text.', changes: [] });
      const p = s.state.proposals.at(-1);
      if (p) s.run('p2', { type: 'proposal:withdraw', proposalId: p.id });
    }
    expect(s.state.proposals).toHaveLength(limits.closedProposalsKept);
    expect(s.state.proposals[0]?.title).toBe('V3');
    expect(s.state.between.length).toBeLessThanOrEqual(limits.betweenRecordsKept);
  });
});
