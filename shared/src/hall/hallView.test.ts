import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionEventFor, sessionViewFor } from '../kinds.ts';
import { projectorViewer } from '../session/projectorGrant.ts';
import { applyHall, initialHall } from './hallApply.ts';
import type { HallState } from './hallState.ts';
import { hallEventFor, hallViewFor } from './hallView.ts';
import { hall, hallInHarvest } from './testing/hallFixtures.ts';
import { hallStep } from './testing/hallSteps.ts';

/** Votes carry no order that means anything: compare them sorted. */
const comparable = (state: HallState) => ({
  ...state,
  harvestVotes: [...state.harvestVotes].sort((a, b) =>
    `${a.table}:${a.voterId ?? ''}`.localeCompare(`${b.table}:${b.voterId ?? ''}`),
  ),
});

describe('a phone’s copy of a hall', () => {
  it('names only the phone itself and the organisers', () => {
    const h = hall();
    const ana = h.seat('Ana Sommer');
    h.seat('Ben Winter');
    h.run('system', { type: 'participant:join', name: 'Olaf Orga', role: 'facilitator' });
    const copy = JSON.stringify(hallViewFor(h.state, { participantId: ana }));
    expect(copy).toContain('Ana Sommer');
    expect(copy).not.toContain('Ben Winter');
    expect(copy).toContain('Olga');
    expect(copy).toContain('Olaf Orga');
    // Counts per table stay exact: seats and nameless entries remain.
    expect(hallViewFor(h.state, { participantId: ana }).seats).toHaveLength(2);
  });

  it('shows other people’s dots without who placed them', () => {
    const { h, ids } = hallInHarvest();
    const [a = '', b = ''] = ids;
    h.run(a, { type: 'hall:harvest-vote', table: 1 });
    h.run(b, { type: 'hall:harvest-vote', table: 1 });
    expect(hallViewFor(h.state, { participantId: a }).harvestVotes).toEqual([
      { voterId: a, table: 1 },
      { voterId: null, table: 1 },
    ]);
  });

  it('gives the projector counts and tallies, no phone’s name or dot owner', () => {
    const { h, ids } = hallInHarvest(2);
    h.run(ids[0] ?? '', { type: 'hall:harvest-vote', table: 2 });
    const copy = sessionViewFor(h.state, projectorViewer);
    expect(JSON.stringify(copy)).not.toMatch(/Gast/);
    expect(copy.kind === 'hall' && copy.harvestVotes).toEqual([{ voterId: null, table: 2 }]);
  });
});

describe('a phone’s copy of a hall event', () => {
  it('masks another phone’s name when it sits down, and dots', () => {
    const h = hall();
    const ana = h.seat('Ana Sommer');
    const [seated] = h.run('system', { type: 'hall:seat', name: 'Ben Winter', table: null });
    if (!seated) throw new Error('expected an event');
    expect(JSON.stringify(sessionEventFor(seated, { participantId: ana }))).not.toContain('Ben Winter');
    expect(JSON.stringify(sessionEventFor(seated, projectorViewer))).not.toContain('Ben Winter');
    const own = seated.type === 'hall:seated' ? seated.participantId : '';
    expect(JSON.stringify(hallEventFor(seated, { participantId: own }))).toContain('Ben Winter');
    const vote = { type: 'hall:harvest-voted', voterId: ana, table: 1 } as const;
    expect(hallEventFor(vote, { participantId: own })).toEqual({ ...vote, voterId: null });
    expect(hallEventFor(vote, { participantId: ana })).toEqual(vote);
  });

  it('folds to the masked snapshot, whatever happened and whoever looks', () => {
    fc.assert(
      fc.property(fc.array(hallStep, { maxLength: 30 }), fc.nat(), (steps, pick) => {
        const h = hall({ mode: 'size', size: 3 });
        for (const step of steps) step(h);
        const everyone = [...h.state.participants.map((p) => p.id), projectorViewer.participantId];
        const viewer = { participantId: everyone[pick % everyone.length] ?? '' };
        const [first, ...rest] = h.log;
        if (first?.type !== 'hall:created') throw new Error('a hall log opens with hall:created');
        let full = initialHall(first);
        let masked = hallViewFor(full, viewer);
        for (const event of rest) {
          full = applyHall(full, event);
          masked = applyHall(masked, hallEventFor(event, viewer));
          expect(comparable(masked)).toEqual(comparable(hallViewFor(full, viewer)));
        }
        // Every other phone's entry is nameless (two phones may share a name, so compared by id).
        const seated = new Set(full.seats.map((s) => s.participantId));
        for (const p of masked.participants) {
          if (seated.has(p.id) && p.id !== viewer.participantId) expect(p.name).toBe('');
        }
      }),
      { numRuns: 200 },
    );
  });
});

it('leaves participant events of other kinds as they are (shared names are not masked by the hall)', () => {
  const joined = {
    type: 'participant:joined',
    participant: { id: 'p7', name: 'Ana', role: 'participant', online: false, joinedAt: 1 },
  } as const;
  expect(sessionEventFor(joined, { participantId: 'p2' })).toEqual(joined);
});
