import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { harvestDotsUsed, mayHarvestVote } from './hallPermissions.ts';
import { hall, hallInHarvest } from './testing/hallFixtures.ts';

describe('harvest dots', () => {
  it('lets a seated phone and an organiser place dots, several on one table', () => {
    const { h, ids } = hallInHarvest();
    const [a = ''] = ids;
    h.run(a, { type: 'hall:harvest-vote', table: 1 });
    h.run(a, { type: 'hall:harvest-vote', table: 1 });
    h.run(h.organiser, { type: 'hall:harvest-vote', table: 2 });
    expect(h.state.harvestVotes).toEqual([
      { voterId: a, table: 1 },
      { voterId: a, table: 1 },
      { voterId: h.organiser, table: 2 },
    ]);
  });

  it('refuses a dot beyond harvestDots', () => {
    const { h, ids } = hallInHarvest(2, 2);
    const [a = ''] = ids;
    h.run(a, { type: 'hall:harvest-vote', table: 1 });
    h.run(a, { type: 'hall:harvest-vote', table: 2 });
    expect(harvestDotsUsed(h.state, a)).toBe(2);
    expect(mayHarvestVote(h.state, a, 1)).toBe(false);
    expect(h.try(a, { type: 'hall:harvest-vote', table: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.voteBudgetExhausted },
    });
    h.run(a, { type: 'hall:harvest-unvote', table: 2 });
    h.run(a, { type: 'hall:harvest-vote', table: 1 });
    expect(h.state.harvestVotes.filter((v) => v.voterId === a).map((v) => v.table)).toEqual([1, 1]);
  });

  it('refuses dots outside the harvest', () => {
    const h = hall();
    const a = h.seat('A');
    h.run('system', { type: 'hall:record-pick', table: 1, outcomeId: 'o1', text: 'Eins' });
    for (const phase of ['seating', 'collect', 'vote', 'discuss', 'ended'] as const) {
      if (h.state.phase !== phase) h.run(h.organiser, { type: 'hall:phase', to: phase });
      expect(h.try(a, { type: 'hall:harvest-vote', table: 1 })).toMatchObject({
        ok: false,
        error: { code: ErrorCode.wrongPhase },
      });
    }
  });

  it('refuses a dot on a table without a pick', () => {
    const { h, ids } = hallInHarvest();
    expect(h.try(ids[0] ?? '', { type: 'hall:harvest-vote', table: 3 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.notFound },
    });
  });

  it('refuses taking back a dot one has not placed', () => {
    const { h, ids } = hallInHarvest();
    const [a = '', b = ''] = ids;
    h.run(b, { type: 'hall:harvest-vote', table: 1 });
    expect(h.try(a, { type: 'hall:harvest-unvote', table: 1 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.noVoteToRetract },
    });
  });

  it('gives the dots back when a table takes its pick back', () => {
    const { h, ids } = hallInHarvest();
    const [a = ''] = ids;
    h.run(a, { type: 'hall:harvest-vote', table: 1 });
    h.run(a, { type: 'hall:harvest-vote', table: 2 });
    h.run('system', { type: 'hall:record-pick', table: 1, outcomeId: null, text: '' });
    expect(h.state.harvestVotes).toEqual([{ voterId: a, table: 2 }]);
  });
});
