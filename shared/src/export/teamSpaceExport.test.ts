import { describe, expect, it } from 'vitest';
import type { ArchivedEntry } from '../loop/archive.ts';
import { withTeamSpaceArchive } from './exportAccess.ts';
import { richTeamSpace } from './testing/richTeamSpace.ts';
import {
  parseTeamSpaceExport,
  teamSpaceExportFor,
  teamSpaceFromExport,
  type TeamSpaceExport,
} from './teamSpaceExport.ts';
import { loopArchiveFor } from '../loop/view.ts';
import type { ArchivedItem } from '../loop/archive.ts';
import type { TeamSpaceState } from '../loop/state.ts';

const now = Date.UTC(2030, 0, 1);

/** What a device collects: the live file plus the archive as this member may read it. */
function exportOf(state: TeamSpaceState, archive: readonly ArchivedItem[], memberId: string): TeamSpaceExport {
  const entries: ArchivedEntry[] = loopArchiveFor(
    archive.map((item, i) => ({ ...item, seq: i + 1 })),
    { participantId: memberId },
  );
  return withTeamSpaceArchive(teamSpaceExportFor(state, memberId, now), entries);
}

describe('team-space backup', () => {
  it('reads back what it wrote: export → parse → restore → export is the identity', () => {
    const { state, archive } = richTeamSpace({ weeks: 30, tensionsPerWeek: 5, decisionsPerWeek: 1 });
    expect(archive.length).toBeGreaterThan(0);
    const file = exportOf(state, archive, 'p1');
    const parsed = parseTeamSpaceExport(JSON.parse(JSON.stringify(file)), now);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const restored = teamSpaceFromExport(parsed.value, 'NEW234', now);
    expect(restored.facilitatorId).toBe('p1');
    expect(restored.state.participants.every((p) => !p.online)).toBe(true);
    expect(exportOf(restored.state, restored.archive, 'p1')).toEqual(file);
  });
});
