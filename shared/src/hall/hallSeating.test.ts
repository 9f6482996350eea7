import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { createHall } from './createHall.ts';
import { hallLimits, type HallState } from './hallState.ts';
import { chooseHallTable } from './hallSeating.ts';
import { hall } from './testing/hallFixtures.ts';

describe('opening a hall', () => {
  it('opens every table at once in count mode, with the largest table size as a soft cap', () => {
    const h = hall({ mode: 'count', tables: 4 });
    expect(h.state.tables.map((t) => t.number)).toEqual([1, 2, 3, 4]);
    expect(h.state.tableSize).toBe(hallLimits.tableSizeMax);
    expect(h.state.participants).toMatchObject([{ id: 'p1', name: 'Olga', role: 'facilitator' }]);
    expect(h.state.harvestDots).toBe(3);
    expect(h.state.phase).toBe('seating');
  });

  it('opens table 1 in size mode, with the chosen size', () => {
    const h = hall({ mode: 'size', size: 5 }, 4);
    expect(h.state.tables).toEqual([{ number: 1, sessionId: null, closed: false }]);
    expect(h.state.tableSize).toBe(5);
    expect(h.state.harvestDots).toBe(4);
  });

  it('opens with hall:created, the organiser and the tables', () => {
    const events = createHall(
      {
        id: 'H',
        title: 'T',
        organiserName: 'O',
        settings: hall().state.settings,
        seating: { mode: 'count', tables: 2 },
      },
      { now: 5, newId: () => 'p9' },
    );
    expect(events.map((e) => e.type)).toEqual(['hall:created', 'participant:joined', 'hall:tables-added']);
  });
});

describe('seating', () => {
  it('fills the tables of count mode evenly, lowest number first on a tie', () => {
    const h = hall({ mode: 'count', tables: 3 });
    const tables = Array.from({ length: 8 }, (_, i) => {
      h.seat(`Gast ${i}`);
      return h.state.seats.at(-1)?.table;
    });
    expect(tables).toEqual([1, 2, 3, 1, 2, 3, 1, 2]);
    expect(h.counts()).toEqual([3, 3, 2]);
  });

  it('keeps seating evenly in count mode beyond the soft cap', () => {
    const h = hall({ mode: 'count', tables: 2 });
    for (let i = 0; i < 2 * hallLimits.tableSizeMax + 3; i += 1) h.seat(`Gast ${i}`);
    expect(h.counts()).toEqual([hallLimits.tableSizeMax + 2, hallLimits.tableSizeMax + 1]);
    expect(h.state.tables).toHaveLength(2);
  });

  it('adds a table in size mode when every open table is full', () => {
    const h = hall({ mode: 'size', size: 3 });
    for (let i = 0; i < 7; i += 1) h.seat(`Gast ${i}`);
    expect(h.counts()).toEqual([3, 3, 1]);
    const added = h.log.filter((e) => e.type === 'hall:tables-added').map((e) => e.numbers);
    expect(added).toEqual([[1], [2], [3]]);
  });

  it('fills the emptiest table in size mode before adding one (after a move)', () => {
    const h = hall({ mode: 'size', size: 2 });
    const [a] = [h.seat('A'), h.seat('B'), h.seat('C')];
    h.run('system', { type: 'hall:move', participantId: a ?? '', table: 2 });
    // Table 1 has 1, table 2 has 2: the next phone goes to table 1, no new table.
    h.seat('D');
    expect(h.counts()).toEqual([2, 2]);
  });

  it('honours a requested open table even above the table size, up to the largest table', () => {
    const h = hall({ mode: 'size', size: 2 });
    for (let i = 0; i < hallLimits.tableSizeMax; i += 1) h.seat(`Gast ${i}`, 1);
    expect(h.counts()).toEqual([hallLimits.tableSizeMax]);
    // Table 1 is at the largest size: the next request for it is seated elsewhere.
    h.seat('Spät', 1);
    expect(h.counts()).toEqual([hallLimits.tableSizeMax, 1]);
  });

  it('seats a request for a closed or unknown table where there is most room', () => {
    const h = hall({ mode: 'count', tables: 3 });
    h.run(h.organiser, { type: 'hall:close-table', table: 2 });
    h.seat('A', 2);
    h.seat('B', 99);
    expect(h.counts()).toEqual([1, 0, 1]);
  });

  it('gives each new phone a participant seat carrying its name', () => {
    const h = hall();
    const id = h.seat('Ana', 2);
    expect(h.state.participants.find((p) => p.id === id)).toMatchObject({ name: 'Ana', role: 'participant' });
    expect(h.state.seats).toEqual([{ participantId: id, table: 2 }]);
  });

  const full = (seating: HallState['seating'], tables: number, seats: number): HallState => {
    const base = hall(seating).state;
    return {
      ...base,
      tables: Array.from({ length: tables }, (_, i) => ({ number: i + 1, sessionId: null, closed: false })),
      seats: Array.from({ length: seats }, (_, i) => ({ participantId: `x${i}`, table: (i % tables) + 1 })),
    };
  };

  it('refuses a phone when the hall holds its most seats', () => {
    const state = full({ mode: 'count', tables: 250 }, 250, hallLimits.seatsPerHall);
    expect(chooseHallTable(state, 1)).toMatchObject({ ok: false, error: { code: ErrorCode.sessionFull } });
  });

  it('refuses a phone in size mode when every table is full and no table can be added', () => {
    const state = full({ mode: 'size', size: 2 }, hallLimits.tablesMax, hallLimits.tablesMax * 2);
    expect(chooseHallTable(state, null)).toMatchObject({ ok: false, error: { code: ErrorCode.sessionFull } });
  });
});

describe('moving', () => {
  it('moves a phone to another open table', () => {
    const h = hall();
    const a = h.seat('A');
    const events = h.run('system', { type: 'hall:move', participantId: a, table: 3 });
    expect(events).toEqual([{ type: 'hall:seated', participantId: a, table: 3, from: 1, participant: null }]);
    expect(h.counts()).toEqual([0, 0, 1]);
  });

  it('changes nothing when the phone sits at that table already', () => {
    const h = hall();
    const a = h.seat('A');
    expect(h.run('system', { type: 'hall:move', participantId: a, table: 1 })).toEqual([]);
  });

  it.each([
    { name: 'a closed table', table: 2, code: ErrorCode.invalidState },
    { name: 'an unknown table', table: 9, code: ErrorCode.notFound },
  ])('refuses a move to $name', ({ table, code }) => {
    const h = hall();
    const a = h.seat('A');
    h.run(h.organiser, { type: 'hall:close-table', table: 2 });
    expect(h.try('system', { type: 'hall:move', participantId: a, table })).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('refuses a move of someone without a seat, and a move to a table at the largest size', () => {
    const h = hall({ mode: 'count', tables: 2 });
    expect(h.try('system', { type: 'hall:move', participantId: 'p1', table: 2 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.notFound },
    });
    for (let i = 0; i < hallLimits.tableSizeMax; i += 1) h.seat(`Gast ${i}`, 2);
    const a = h.seat('A', 1);
    expect(h.try('system', { type: 'hall:move', participantId: a, table: 2 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.limitReached },
    });
  });

  it('is the server’s to do, never a person’s', () => {
    const h = hall();
    const a = h.seat('A');
    expect(h.try(a, { type: 'hall:move', participantId: a, table: 2 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
  });
});
