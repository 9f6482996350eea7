import { describe, expect, it } from 'vitest';
import { limits } from '../protocol/limits.ts';
import { applyLoopAll } from './apply.ts';
import type { LoopEvent } from './events.ts';
import { teamSpace } from './testing/fixtures.ts';
import { worstCaseTeamSpace, WORST_CASE_TEAM_SPACE_BYTES } from './testing/worstCase.ts';

describe('team-space history stays bounded', () => {
  it('keeps the newest meetings, closed tensions and done actions, and every decision', () => {
    const state = worstCaseTeamSpace({ years: 1 });
    expect(state.meetings).toHaveLength(limits.meetingsKept);
    expect(state.tensions.filter((t) => t.status !== 'open')).toHaveLength(limits.closedTensionsKept);
    expect(state.actions.filter((a) => a.status === 'done')).toHaveLength(limits.doneActionsKept);
    expect(state.decisions).toHaveLength(limits.decisionsPerSpace);
    // The newest of each are the ones kept.
    expect(state.meetings.at(-1)?.endedAt).toBe(Math.max(...state.meetings.map((m) => m.endedAt)));
  });

  it(`a space at every cap, after years of meetings, stays under ${WORST_CASE_TEAM_SPACE_BYTES} bytes of JSON`, () => {
    const bytes = Buffer.byteLength(JSON.stringify(worstCaseTeamSpace({ years: 1 })));
    expect(bytes).toBeLessThan(WORST_CASE_TEAM_SPACE_BYTES);
    // And it no longer grows with more years.
    expect(Buffer.byteLength(JSON.stringify(worstCaseTeamSpace({ years: 2 })))).toBe(bytes);
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
});
