import { describe, expect, it } from 'vitest';
import { limits } from '../protocol/limits.ts';
import { applyLoop } from './apply.ts';
import { loopArchivedByFold } from './archive.ts';
import { worstCaseTeamSpace } from './testing/worstCase.ts';
import { loopArchiveFor } from './view.ts';

describe('team-space archive', () => {
  it('names what a fold trimmed: the oldest meeting once one more has ended', () => {
    const before = worstCaseTeamSpace({ years: 1 });
    const oldest = before.meetings[0]!;
    const record = { ...before.meetings.at(-1)!, id: 'mt_newest', endedAt: oldest.endedAt + 10 ** 10 };
    const after = applyLoop({ ...before, meeting: null }, { type: 'meeting:ended', record });
    expect(after.meetings).toHaveLength(limits.meetingsKept);
    expect(loopArchivedByFold(before, after, 7)).toEqual([{ kind: 'meeting', archivedAt: 7, item: oldest }]);
    expect(loopArchivedByFold(after, after, 7)).toEqual([]);
  });

  it('masks archived items as the live view does: an anonymous author only for themselves', () => {
    const tension = { ...worstCaseTeamSpace({ years: 1 }).tensions[0]!, anonymous: true, authorId: 'p_author' };
    const entries = [{ kind: 'tension' as const, archivedAt: 1, seq: 1, item: tension }];
    expect(loopArchiveFor(entries, { participantId: 'p_other' })[0]?.item).toMatchObject({ authorId: null });
    expect(loopArchiveFor(entries, { participantId: 'p_author' })[0]?.item).toMatchObject({ authorId: 'p_author' });
  });

  it('gives archived decisions to every member as the live log does', () => {
    const decision = { ...worstCaseTeamSpace({ years: 1 }).decisions[0]! };
    const entries = [{ kind: 'decision' as const, archivedAt: 1, seq: 1, item: decision }];
    expect(loopArchiveFor(entries, { participantId: 'p_other' })).toEqual(entries);
  });
});
