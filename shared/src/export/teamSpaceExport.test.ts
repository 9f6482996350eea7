import { describe, expect, it } from 'vitest';
import type { ArchivedEntry } from '../teamSpace/archive.ts';
import { withTeamSpaceArchive } from './exportAccess.ts';
import { richTeamSpace } from './testing/richTeamSpace.ts';
import { teamSpace } from '../teamSpace/testing/fixtures.ts';
import {
  parseTeamSpaceExport,
  teamSpaceExportFor,
  teamSpaceFromExport,
  type TeamSpaceExport,
} from './teamSpaceExport.ts';
import { loopArchiveFor } from '../teamSpace/view.ts';
import type { ArchivedItem } from '../teamSpace/archive.ts';
import type { TeamSpaceState } from '../teamSpace/state.ts';

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

  it('holds only what the exporter may read: a private tension of a room they were not at stays masked', () => {
    const s = teamSpace();
    const secret = s.addTension('p4', 'Konflikt mit Ben', 'relationship');
    s.run('p4', { type: 'tension:edit', tensionId: secret, title: 'Konflikt mit Ben', description: 'Sehr persönlich' });
    const file = teamSpaceExportFor(s.state, 'p1', now);
    expect(file.space.tensions.find((t) => t.id === secret)).toMatchObject({ title: '', description: '' });
    expect(JSON.stringify(file)).not.toContain('Konflikt');
    // Such a file is still a valid backup; the masked tension stays masked in the new space.
    const parsed = parseTeamSpaceExport(JSON.parse(JSON.stringify(file)), now);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(teamSpaceFromExport(parsed.value, 'NEW234', now).state.tensions.find((t) => t.id === secret)?.title).toBe(
      '',
    );
    // An empty title on a tension everyone may read is a broken file, not a masked one.
    const open = structuredClone(file);
    open.space.tensions.find((t) => t.id === secret)!.room = 'operational';
    expect(parseTeamSpaceExport(JSON.parse(JSON.stringify(open)), now)).toMatchObject({
      ok: false,
      problem: { reason: 'invalid' },
    });
  });
});
