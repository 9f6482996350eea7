import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLoop } from '../teamSpace/apply.ts';
import { withMergedSeats } from '../teamSpace/mergeMembers.ts';
import { loopArchiveFor } from '../teamSpace/view.ts';
import { ARCHIVE_PAGE_MAX } from '../protocol/socketEvents.ts';
import { EXPORT_ARCHIVE_PAGE, withTeamSpaceArchive } from './exportAccess.ts';
import { parseLeanCoffeeExport } from './leanCoffeeExport.ts';
import { richTeamSpace } from './testing/richTeamSpace.ts';
import { parseTeamSpaceExport, teamSpaceExportFor, teamSpaceFromExport } from './teamSpaceExport.ts';

const now = Date.UTC(2030, 0, 1);

describe('backup properties', () => {
  it('pages the archive as archive:page allows', () => {
    expect(EXPORT_ARCHIVE_PAGE).toBe(ARCHIVE_PAGE_MAX);
  });

  it('export → parse → restore → export is the identity for generated team spaces', () => {
    fc.assert(
      fc.property(
        fc.record({
          weeks: fc.integer({ min: 0, max: 8 }),
          tensionsPerWeek: fc.integer({ min: 1, max: 6 }),
          decisionsPerWeek: fc.integer({ min: 0, max: 2 }),
          exporter: fc.constantFrom('p1', 'p2'),
        }),
        ({ exporter, ...options }) => {
          const { state, archive } = richTeamSpace(options);
          // Another member made facilitator exports their own copy: what they may read, masked otherwise.
          const space =
            exporter === 'p1'
              ? state
              : {
                  ...state,
                  participants: state.participants.map((p) =>
                    p.id === exporter ? { ...p, role: 'facilitator' as const } : p,
                  ),
                };
          const collect = (s: typeof space, items: typeof archive) =>
            withTeamSpaceArchive(
              teamSpaceExportFor(s, exporter, now),
              loopArchiveFor(
                items.map((item, i) => ({ ...item, seq: i + 1 })),
                { participantId: exporter },
              ),
            );
          const file = collect(space, archive);
          const parsed = parseTeamSpaceExport(JSON.parse(JSON.stringify(file)), now);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
          const restored = teamSpaceFromExport(parsed.value, 'NEW234', now);
          expect(collect(restored.state, restored.archive)).toEqual(file);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a space whose seats were merged exports a file the import accepts, its archive read through the merges', () => {
    fc.assert(
      fc.property(
        fc.record({
          // Long enough that meetings (more than `limits.meetingsKept`) went to the archive.
          weeks: fc.integer({ min: 14, max: 16 }),
          tensionsPerWeek: fc.integer({ min: 1, max: 3 }),
          // The creator's seat (p1) stays; any other goes into any seat.
          from: fc.constantFrom('p2', 'p3', 'p4'),
          into: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        }),
        ({ from, into, ...options }) => {
          if (from === into) return;
          const { state, archive } = richTeamSpace({ ...options, decisionsPerWeek: 1 });
          const merged = applyLoop(state, { type: 'space:members-merged', from, into });
          const entries = archive.map((item, i) => ({ ...item, seq: i + 1 }));
          const collect = (read: typeof entries) =>
            withTeamSpaceArchive(teamSpaceExportFor(merged, 'p1', now), loopArchiveFor(read, { participantId: 'p1' }));
          const parsed = parseTeamSpaceExport(
            JSON.parse(JSON.stringify(collect(withMergedSeats(entries, merged.mergedSeats ?? [])))),
            now,
          );
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
          expect(parsed.value.space.members.map((m) => m.id)).not.toContain(from);
          // Read as written, the archive names a seat the file no longer has: the import would refuse it.
          expect(JSON.stringify(entries.map((e) => e.item))).toContain(`"${from}"`);
          expect(parseTeamSpaceExport(JSON.parse(JSON.stringify(collect(entries))), now).ok).toBe(false);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('answers any JSON with a result, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        for (const parse of [parseTeamSpaceExport, parseLeanCoffeeExport]) {
          expect(parse(json, now).ok).toBe(false);
          const framed = { format: 'runde-export', version: 1, kind: 'team-space', space: json };
          expect(parse(framed, now).ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
