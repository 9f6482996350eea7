import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
