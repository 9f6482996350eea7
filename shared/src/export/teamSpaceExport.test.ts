import { describe, expect, it } from 'vitest';
import type { ArchivedEntry } from '../teamSpace/archive.ts';
import { withTeamSpaceArchive } from './exportAccess.ts';
import { betweenMeetingsSpace } from './testing/betweenMeetingsSpace.ts';
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

describe('team-space backup of the work between meetings', () => {
  const space = betweenMeetingsSpace();

  it('carries the register with its history, proposals, records, rhythm and asked tensions, and restores them', () => {
    const file = teamSpaceExportFor(space, 'p1', now);
    expect(file.space.register.roles[0]?.history).toHaveLength(2);
    expect(file.space.proposals.map((p) => p.status)).toEqual(['adopted', 'adopted-in-meeting']);
    expect(file.space.tensions.some((t) => t.async?.answers.length === 2)).toBe(true);
    const parsed = parseTeamSpaceExport(JSON.parse(JSON.stringify(file)), now);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const restored = teamSpaceFromExport(parsed.value, 'NEW234', now).state;
    for (const key of ['register', 'proposals', 'between', 'rhythm', 'tensions', 'decisions'] as const) {
      expect(restored[key]).toEqual(space[key]);
    }
    expect(teamSpaceExportFor(restored, 'p1', now)).toEqual(file);
  });

  it('still imports a file written before issue 17: no register, proposals, records, rhythm or asked tensions', () => {
    // A file as version 1 was written before issue 17: none of its fields, and tensions without `async`.
    const old = JSON.parse(JSON.stringify(teamSpaceExportFor(teamSpace().state, 'p1', now))) as {
      space: Record<string, unknown>;
    };
    for (const key of ['register', 'proposals', 'between', 'rhythm']) delete old.space[key];
    old.space.tensions = [
      {
        id: 't_old',
        title: 'Alt',
        description: '',
        authorId: 'p2',
        anonymous: false,
        createdAt: now - 1000,
        proposedRoom: 'operational',
        room: 'operational',
        roomConfirmed: false,
        status: 'open',
        outcome: null,
        gotWhatNeeded: null,
        agreement: null,
        shareable: false,
        readers: [],
        resolvedAt: null,
        meetingId: null,
      },
    ];
    const parsed = parseTeamSpaceExport(old, now);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const restored = teamSpaceFromExport(parsed.value, 'NEW234', now).state;
    expect(restored.register).toEqual({ roles: [], rules: [] });
    expect(restored.proposals).toEqual([]);
    expect(restored.between).toEqual([]);
    expect(restored.rhythm).toEqual({ timeZone: 'Europe/Berlin', meetings: [], objectionWindowDays: 7 });
    expect(restored.tensions[0]?.async).toBeNull();
  });

  type Space = TeamSpaceExport['space'];
  it.each<[string, (s: Space) => void, string]>([
    ['a proposal by nobody the space knows', (s) => (s.proposals[0]!.authorId = 'ghost'), 'dangling-reference'],
    [
      'an answer by nobody the space knows',
      (s) => (s.tensions.find((t) => t.async)!.async!.answers[0]!.by = 'ghost'),
      'dangling-reference',
    ],
    [
      'a record of a decision not in the log',
      (s) => (s.between.find((r) => r.kind === 'proposal-closed')!.decisionId = 'd_none'),
      'dangling-reference',
    ],
    ['a decision changing a role the register lacks', (s) => (s.register.roles = []), 'dangling-reference'],
    [
      'a role filled by nobody the space knows',
      (s) => (s.register.roles[0]!.fillers = ['ghost']),
      'dangling-reference',
    ],
    ['a response to an objection the proposal lacks', (s) => (s.proposals[1]!.objections = []), 'dangling-reference'],
    ['two proposals with one id', (s) => (s.proposals[1]!.id = s.proposals[0]!.id), 'duplicate-id'],
    [
      'a history line after the export',
      (s) => (s.register.roles[0]!.history[0]!.at = now + 3_600_000),
      'date-out-of-range',
    ],
  ])('refuses %s', (_, corrupt, reason) => {
    const file = structuredClone(teamSpaceExportFor(space, 'p1', now));
    corrupt(file.space);
    expect(parseTeamSpaceExport(JSON.parse(JSON.stringify(file)), now)).toMatchObject({
      ok: false,
      problem: { reason },
    });
  });

  it.each<[string, (s: Space) => void]>([
    [
      'more proposals than a space keeps',
      (s) => (s.proposals = Array.from({ length: 51 }, (_, i) => ({ ...s.proposals[0]!, id: `p${i}` }))),
    ],
    [
      'more records than a space keeps',
      (s) => (s.between = Array.from({ length: 201 }, (_, i) => ({ ...s.between[0]!, id: `b${i}` }))),
    ],
    ['an objection window longer than allowed', (s) => (s.rhythm.objectionWindowDays = 31)],
    ['an unknown time zone', (s) => (s.rhythm.timeZone = 'Mars/Olympus')],
    ['a role name longer than allowed', (s) => (s.register.roles[0]!.name = 'x'.repeat(61))],
    [
      'more register changes than one proposal may make',
      (s) => (s.proposals[0]!.changes = Array.from({ length: 11 }, () => s.proposals[0]!.changes[0]!)),
    ],
  ])('refuses %s (bounds)', (_, corrupt) => {
    const file = structuredClone(teamSpaceExportFor(space, 'p1', now));
    corrupt(file.space);
    expect(parseTeamSpaceExport(JSON.parse(JSON.stringify(file)), now)).toMatchObject({
      ok: false,
      problem: { reason: 'invalid' },
    });
  });
});
