import { describe, expect, it } from 'vitest';
import { limits } from '../protocol/limits.ts';
import { applyLoopAll } from './apply.ts';
import { loopArchivedByFold } from './archive.ts';
import type { LoopEvent } from './events.ts';
import type { Decision } from './state.ts';
import { upgradeStoredLoopEvent, upgradeStoredTeamSpace } from './storedUpgrade.ts';
import { teamSpace } from './testing/fixtures.ts';
import { worstCaseTeamSpace, WORST_CASE_TEAM_SPACE_BYTES } from './testing/worstCase.ts';

describe('team-space history stays bounded', () => {
  it('keeps the newest meetings, closed tensions, done actions and decisions', () => {
    const state = worstCaseTeamSpace({ years: 1 });
    expect(state.meetings).toHaveLength(limits.meetingsKept);
    expect(state.tensions.filter((t) => t.status !== 'open')).toHaveLength(limits.closedTensionsKept);
    expect(state.actions.filter((a) => a.status === 'done')).toHaveLength(limits.doneActionsKept);
    expect(state.decisions).toHaveLength(limits.decisionsKept);
    // Numbered by adoption, not by position: the oldest kept is not number 1.
    expect(state.decisions.map((d) => d.number)).toEqual(
      Array.from({ length: limits.decisionsKept }, (_, i) => state.decisionsAdopted - limits.decisionsKept + 1 + i),
    );
    // The newest of each are the ones kept.
    expect(state.meetings.at(-1)?.endedAt).toBe(Math.max(...state.meetings.map((m) => m.endedAt)));
  });

  it(`a space at every cap, after years of meetings, stays under ${WORST_CASE_TEAM_SPACE_BYTES} bytes of JSON`, () => {
    const bytes = Buffer.byteLength(JSON.stringify(worstCaseTeamSpace({ years: 1 })));
    expect(bytes).toBeLessThan(WORST_CASE_TEAM_SPACE_BYTES);
    // And it no longer grows with more years, but for the digits of the decision numbers.
    expect(Buffer.byteLength(JSON.stringify(worstCaseTeamSpace({ years: 2 })))).toBeLessThan(bytes + 100);
  });

  it('the worst case reaches every cap of the work between meetings (issue 17)', () => {
    const state = worstCaseTeamSpace({ years: 1 });
    const { roles, rules } = state.register;
    expect([roles.length, rules.length]).toEqual([limits.registerRoles, limits.registerRules]);
    for (const entry of [...roles, ...rules]) {
      expect(entry.history).toHaveLength(limits.registerHistoryPerEntry);
      expect(entry.history.filter((h) => h.before !== null)).toHaveLength(limits.registerHistoryWithBefore);
    }
    const live = state.proposals.filter((p) => p.status === 'open' || p.status === 'to-meeting');
    expect(live).toHaveLength(limits.openProposalsPerSpace);
    expect(state.proposals).toHaveLength(limits.openProposalsPerSpace + limits.closedProposalsKept);
    for (const p of state.proposals) {
      expect([p.changes.length, p.questions.length, p.reactions.length, p.objections.length]).toEqual([
        limits.registerChangesPerProposal,
        limits.questionsPerProposal,
        limits.reactionsPerProposal,
        limits.membersPerSpace,
      ]);
    }
    expect(state.between).toHaveLength(limits.betweenRecordsKept);
    expect(state.tensions.every((t) => t.async?.answers.length === limits.asyncAnswersPerTension)).toBe(true);
    expect(state.decisions.every((d) => d.changes?.length === limits.registerChangesPerProposal)).toBe(true);
    expect(state.meeting?.process?.changes).toHaveLength(limits.registerChangesPerProposal);
    expect(state.rhythm.meetings).toHaveLength(limits.rhythmMeetings);
  });

  it('keeps what the running meeting took up until it ends', () => {
    const s = teamSpace();
    const ids = Array.from({ length: 3 }, (_, i) => s.addTension('p2', `T${i}`, 'individual'));
    const old = s.state.tensions.map((t) => ({ ...t, id: `old-${t.id}`, status: 'withdrawn' as const }));
    const filler = Array.from({ length: limits.closedTensionsKept }, (_, i) => ({ ...old[0]!, id: `old-${i}` }));
    s.meetingAtTensions('individual');
    const closeFirst: LoopEvent[] = [
      { type: 'meeting:tension-started', tensionId: ids[0]! },
      { type: 'tension:closed', tensionId: ids[0]!, gotWhatNeeded: null, resolved: true, at: 1 },
    ];
    // The closed tension is the oldest, yet stays while its meeting runs.
    const during = applyLoopAll({ ...s.state, tensions: [...s.state.tensions, ...filler] }, closeFirst);
    expect(during.tensions.some((t) => t.id === ids[0])).toBe(true);
    expect(during.tensions.filter((t) => t.status !== 'open')).toHaveLength(limits.closedTensionsKept + 1);
    const record = { ...during.meeting!, endedAt: 2 };
    const after = applyLoopAll(during, [{ type: 'meeting:ended', record }]);
    expect(after.tensions.some((t) => t.id === ids[0])).toBe(false);
    expect(after.tensions.filter((t) => t.status !== 'open')).toHaveLength(limits.closedTensionsKept);
  });

  it('moves decisions beyond decisionsKept to the archive with their numbers, except the running meeting ones until it ends', () => {
    const s = teamSpace();
    s.meetingAtTensions('governance');
    const running = s.state.meeting!.id;
    const decision = (number: number, meetingId: string): Decision => ({
      id: `d${number}`,
      number,
      tensionId: `t${number}`,
      title: `Decision ${number}`,
      text: 'Text',
      adoptedAt: number,
      meetingId,
      present: ['Ana'],
    });
    // The oldest decision is the running meeting's; then a full log of older meetings' ones.
    const older = Array.from({ length: limits.decisionsKept + 1 }, (_, i) => decision(i + 2, 'm_old'));
    const before = { ...s.state, decisions: [decision(1, running), ...older], decisionsAdopted: older.length + 1 };
    const adopted = decision(before.decisionsAdopted + 1, running);
    const during = applyLoopAll(before, [{ type: 'decision:adopted', decision: adopted }]);
    expect(during.decisionsAdopted).toBe(adopted.number);
    expect(during.decisions.map((d) => d.number)).not.toContain(2);
    expect(during.decisions.map((d) => d.id)).toContain('d1');
    expect(loopArchivedByFold(before, during, 5)).toEqual([{ kind: 'decision', archivedAt: 5, item: older[0] }]);
    const after = applyLoopAll(during, [{ type: 'meeting:ended', record: { ...during.meeting!, endedAt: 9 } }]);
    expect(after.decisions).toHaveLength(limits.decisionsKept);
    // Numbers stay what they were at adoption, whatever position a decision has now.
    expect(after.decisions.map((d) => d.number)).toEqual(
      Array.from({ length: limits.decisionsKept }, (_, i) => adopted.number - limits.decisionsKept + 1 + i),
    );
    expect(loopArchivedByFold(during, after, 6).map((e) => e.item.id)).toEqual(['d1', 'd3']);
  });

  it('numbers the decisions of a space stored before numbers existed by their position, and new ones after', () => {
    const s = teamSpace();
    const old = [1, 2, 3].map((n) => ({
      id: `d${n}`,
      tensionId: `t${n}`,
      title: `D${n}`,
      text: '',
      adoptedAt: n,
      meetingId: 'm',
      present: [],
    }));
    const { decisionsAdopted: _, ...withoutCount } = s.state;
    const stored = { ...withoutCount, decisions: old } as unknown as typeof s.state;
    const upgraded = upgradeStoredTeamSpace(stored);
    expect(upgraded.decisions.map((d) => d.number)).toEqual([1, 2, 3]);
    expect(upgraded.decisionsAdopted).toBe(3);
    expect(upgradeStoredTeamSpace(upgraded)).toBe(upgraded);
    const logged = { type: 'decision:adopted', decision: { ...old[0]!, id: 'd4' } } as unknown as LoopEvent;
    const event = upgradeStoredLoopEvent(upgraded, logged);
    expect(event).toMatchObject({ decision: { id: 'd4', number: 4 } });
  });
});
