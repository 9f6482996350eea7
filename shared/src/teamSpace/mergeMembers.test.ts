import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import type { ArchivedItem } from './archive.ts';
import { archiveForViewer, withMergedSeats } from './mergeMembers.ts';
import { mayMergeMembers } from './permissions.ts';
import { roundMerged } from './mergeMembers.ts';
import { teamSpace } from './testing/fixtures.ts';
import type { Round } from './state.ts';

/*
 * The rules of `space:members-merged` where one person may appear once. Fixture: facilitator `p1`
 * (Fee, opened the space), `p2` Ana, `p3` Ben, `p4` Cem. "Ana" has a second seat: `p4` merges into `p2`.
 */

describe('space:merge-members', () => {
  it.each([
    ['a member who does not facilitate', 'p3', 'p4', 'p2', ErrorCode.forbidden],
    ['one seat twice', 'p1', 'p2', 'p2', ErrorCode.invalidState],
    ['a seat nobody has', 'p1', 'nope', 'p2', ErrorCode.notFound],
    ['the seat that opened the space', 'p1', 'p1', 'p2', ErrorCode.forbidden],
  ])('refuses %s', (_, actor, from, into, code) => {
    const s = teamSpace();
    const result = s.try(actor, { type: 'space:merge-members', from, into });
    expect(result.ok ? 'accepted' : result.error.code).toBe(code);
    expect(mayMergeMembers(s.state, actor, from, into)).toBe(false);
  });

  it('refuses two seats bound by sign-in (two identities), and merges one bound seat into a link seat', () => {
    const s = teamSpace();
    const bound = (id: string) => s.state.participants.find((p) => p.id === id)?.boundBy;
    const bind = (id: string) => {
      const state = s.state;
      state.participants = state.participants.map((p) => (p.id === id ? { ...p, boundBy: 'sign-in' as const } : p));
    };
    bind('p2');
    bind('p3');
    const refused = s.try('p1', { type: 'space:merge-members', from: 'p3', into: 'p2' });
    expect(refused.ok ? 'accepted' : refused.error.code).toBe(ErrorCode.forbidden);
    expect(mayMergeMembers(s.state, 'p1', 'p3', 'p2')).toBe(false);
    s.run('p1', { type: 'space:merge-members', from: 'p3', into: 'p4' });
    expect(bound('p4')).toBe('sign-in');
  });

  it('moves tensions, actions and role into the kept seat; its name and join date stay', () => {
    const s = teamSpace();
    const t = s.addTension('p4', 'Drucker', 'operational', true);
    s.run('p1', { type: 'participant:set-role', participantId: 'p4', role: 'facilitator' });
    s.meetingAtTensions('operational');
    s.run('p1', { type: 'tension:start', tensionId: t });
    s.run('p1', {
      type: 'tension:outcome',
      outcome: { type: 'next-action', text: 'Anrufen', ownerId: 'p4', ownerName: null, due: null },
    });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: true });
    s.run('p1', { type: 'meeting:end' });
    expect(mayMergeMembers(s.state, 'p1', 'p4', 'p2')).toBe(true);
    s.run('p1', { type: 'space:merge-members', from: 'p4', into: 'p2' });
    const ana = s.state.participants.find((p) => p.id === 'p2');
    expect(ana).toMatchObject({ name: 'Ana', role: 'facilitator' });
    expect(s.state.participants.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(s.state.tensions.find((x) => x.id === t)?.authorId).toBe('p2');
    // The typed owner name keeps what it said; the owner is the kept seat.
    expect(s.state.actions[0]).toMatchObject({ ownerId: 'p2', ownerName: 'Cem' });
    expect(s.state.meetings[0]?.attendees).toEqual(['p1', 'p2', 'p3']);
    expect(s.state.mergedSeats).toEqual([{ from: 'p4', into: 'p2' }]);
  });

  it('keeps the newer of two responses to a proposal, and the open objection that belongs to it', () => {
    const s = teamSpace();
    s.run('p3', { type: 'proposal:publish', title: 'Rolle', text: 'Neue Rolle.', changes: [] });
    const id = s.state.proposals[0]?.id ?? '';
    s.run('p2', { type: 'proposal:respond', proposalId: id, objection: 'Zu teuer.' });
    s.run('p4', { type: 'proposal:respond', proposalId: id, objection: null });
    s.run('p1', { type: 'space:merge-members', from: 'p4', into: 'p2' });
    const proposal = s.state.proposals[0];
    expect(proposal?.responses).toEqual([expect.objectContaining({ by: 'p2', objectionId: null })]);
    expect(proposal?.objections).toEqual([]);
    expect(proposal?.asked).toEqual(['p1', 'p2', 'p3']);
  });

  it('keeps both seats’ objection when the newer response is the objection', () => {
    const s = teamSpace();
    s.run('p3', { type: 'proposal:publish', title: 'Rolle', text: 'Neue Rolle.', changes: [] });
    const id = s.state.proposals[0]?.id ?? '';
    s.run('p4', { type: 'proposal:respond', proposalId: id, objection: null });
    s.run('p2', { type: 'proposal:respond', proposalId: id, objection: 'Zu teuer.' });
    s.run('p1', { type: 'space:merge-members', from: 'p2', into: 'p4' });
    const proposal = s.state.proposals[0];
    expect(proposal?.responses).toEqual([expect.objectContaining({ by: 'p4', objectionId: expect.any(String) })]);
    expect(proposal?.objections).toEqual([expect.objectContaining({ by: 'p4', status: 'open' })]);
  });

  it('keeps a running check-in round consistent: one turn per person, the earlier one', () => {
    const s = teamSpace();
    s.run('p1', { type: 'meeting:start', room: 'operational' });
    s.run('p1', { type: 'round:start', kind: 'checkin' });
    expect(s.state.meeting?.round?.order).toEqual(['p1', 'p2', 'p3', 'p4']);
    s.run('p1', { type: 'round:next' });
    s.run('p2', { type: 'round:pass' });
    s.run('p1', { type: 'space:merge-members', from: 'p2', into: 'p4' });
    // p2 (now p4) passed its turn already; its later turn goes, Ben is still next.
    expect(s.state.meeting?.round).toMatchObject({ order: ['p1', 'p4', 'p3'], index: 2, passed: ['p4'] });
    expect(s.state.meeting?.attendees).toEqual(['p1', 'p4', 'p3']);
  });
});

describe('roundMerged', () => {
  const round = (order: string[], index: number, passed: string[] = [], absent?: string[]): Round => ({
    kind: 'objection',
    order,
    index,
    passed,
    ...(absent ? { absent } : {}),
  });
  it.each([
    ['neither seat in the round', round(['a', 'b'], 1), round(['a', 'b'], 1)],
    ['`from` not yet asked', round(['a', 'f', 'b'], 1), round(['a', 'i', 'b'], 1)],
    ['both pending: the earlier turn stays', round(['a', 'f', 'i'], 1), round(['a', 'i'], 1)],
    ['`into` spoke, `from` is next: the round moves on', round(['i', 'f', 'b'], 1), round(['i', 'b'], 1)],
    ['`from` passed, `into` pending', round(['f', 'a', 'i'], 2, ['f']), round(['i', 'a'], 2, ['i'])],
    ['`from` marked absent, later turn of `into` goes', round(['f', 'i'], 1, [], ['f']), round(['i'], 1, [], ['i'])],
    ['`into` passed, `from` passed later: one mark', round(['i', 'f'], 2, ['i', 'f']), round(['i'], 1, ['i'])],
    ['round complete', round(['f', 'i'], 2), round(['i'], 1)],
  ])('%s', (_, before, after) => {
    expect(roundMerged(before, 'f', 'i')).toEqual(after);
  });
});

describe('withMergedSeats', () => {
  it('reads archived items as the seats are today, through a chain of merges', () => {
    const s = teamSpace();
    s.run('p1', { type: 'space:merge-members', from: 'p4', into: 'p3' });
    s.run('p1', { type: 'space:merge-members', from: 'p3', into: 'p2' });
    expect(s.state.mergedSeats).toEqual([
      { from: 'p4', into: 'p2' },
      { from: 'p3', into: 'p2' },
    ]);
    const record = {
      id: 'm1',
      room: 'operational' as const,
      startedAt: 1,
      endedAt: 2,
      facilitatorId: 'p4',
      scribeId: 'p3',
      attendees: ['p1', 'p4', 'p3', 'p2'],
      checklist: [],
      metrics: [],
      projectUpdates: [],
      processed: [],
    };
    const [entry] = withMergedSeats(
      [{ kind: 'meeting', archivedAt: 3, seq: 1, item: record }],
      s.state.mergedSeats ?? [],
    );
    expect(entry?.item).toMatchObject({ facilitatorId: 'p2', scribeId: 'p2', attendees: ['p1', 'p2'] });
  });
});

describe('archiveForViewer', () => {
  /** Ana's (`p2`) personal tension, archived; then `p2` is merged into `p1` or `p3`. */
  function archivedPersonal() {
    const s = teamSpace();
    s.addTension('p2', 'Mein Anliegen', 'individual');
    const tension = s.state.tensions.at(-1);
    if (!tension) throw new Error('no tension');
    return { s, entries: [{ kind: 'tension' as const, archivedAt: 3, seq: 1, item: tension }] };
  }
  const titles = (entries: readonly ArchivedItem[]) =>
    entries.flatMap((e) => (e.kind === 'tension' ? [e.item.title] : []));

  it('lets the kept seat read the merged seat’s archive when someone else merged them', () => {
    const { s, entries } = archivedPersonal();
    // Fee (p1) merges Ana's second seat p2 into Ben's p3 (Ben's seat is Ana's other one here).
    s.run('p1', { type: 'space:merge-members', from: 'p2', into: 'p3' });
    expect(s.state.mergedSeats).toEqual([{ from: 'p2', into: 'p3' }]);
    expect(titles(archiveForViewer(entries, s.state.mergedSeats ?? [], { participantId: 'p3' }))).toContain(
      'Mein Anliegen',
    );
  });

  it('keeps the merged seat’s archive hidden from a facilitator who merged it into their own seat', () => {
    const { s, entries } = archivedPersonal();
    // Live, the tension is gone to the archive: the live rule sees nothing hidden and lets it pass.
    s.state.tensions = s.state.tensions.filter((t) => t.title !== 'Mein Anliegen');
    s.run('p1', { type: 'space:merge-members', from: 'p2', into: 'p1' });
    expect(s.state.mergedSeats).toEqual([{ from: 'p2', into: 'p1', byParty: true }]);
    const read = archiveForViewer(entries, s.state.mergedSeats ?? [], { participantId: 'p1' });
    expect(titles(read)).not.toContain('Mein Anliegen');
    // Still read as today's seats: the archive names no seat the space no longer has.
    expect(JSON.stringify(read)).not.toContain('"p2"');
  });
});
