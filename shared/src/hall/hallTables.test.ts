import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { hall } from './testing/hallFixtures.ts';

describe('closing a table', () => {
  it('spreads its people evenly over the other open tables, fewest first, then closes it', () => {
    const h = hall({ mode: 'count', tables: 4 });
    for (let i = 0; i < 13; i += 1) h.seat(`Gast ${i}`);
    h.run('system', { type: 'hall:move', participantId: h.state.seats[0]?.participantId ?? '', table: 2 });
    expect(h.counts()).toEqual([3, 4, 3, 3]);
    const events = h.run(h.organiser, { type: 'hall:close-table', table: 2 });
    expect(events.map((e) => e.type)).toEqual([...Array<string>(4).fill('hall:seated'), 'hall:table-closed']);
    expect(events.map((e) => (e.type === 'hall:seated' ? [e.from, e.table, e.participant] : null))).toEqual([
      [2, 1, null],
      [2, 3, null],
      [2, 4, null],
      [2, 1, null],
      null,
    ]);
    expect(h.counts()).toEqual([5, 0, 4, 4]);
    expect(h.state.tables.find((t) => t.number === 2)?.closed).toBe(true);
  });

  it('closes an empty table with no seat events', () => {
    const h = hall({ mode: 'count', tables: 3 });
    expect(h.run(h.organiser, { type: 'hall:close-table', table: 3 })).toEqual([
      { type: 'hall:table-closed', table: 3 },
    ]);
  });

  it('refuses to close the last open table, a closed one, an unknown one', () => {
    const h = hall({ mode: 'count', tables: 2 });
    h.run(h.organiser, { type: 'hall:close-table', table: 1 });
    const refused = (table: number) => h.try(h.organiser, { type: 'hall:close-table', table });
    expect(refused(2)).toMatchObject({ ok: false, error: { code: ErrorCode.invalidState } });
    expect(refused(1)).toMatchObject({ ok: false, error: { code: ErrorCode.invalidState } });
    expect(refused(7)).toMatchObject({ ok: false, error: { code: ErrorCode.notFound } });
  });

  it('is an organiser’s to do', () => {
    const h = hall();
    const a = h.seat('A');
    expect(h.try(a, { type: 'hall:close-table', table: 2 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    expect(h.try('system', { type: 'hall:close-table', table: 2 })).toMatchObject({ ok: false });
  });

  it('never seats anyone at a closed table again, and never reuses its number', () => {
    const h = hall({ mode: 'size', size: 2 });
    for (let i = 0; i < 4; i += 1) h.seat(`Gast ${i}`);
    h.run(h.organiser, { type: 'hall:close-table', table: 1 });
    expect(h.counts()).toEqual([0, 4]);
    h.seat('E');
    h.seat('F');
    expect(h.state.tables.map((t) => t.number)).toEqual([1, 2, 3]);
    expect(h.counts()).toEqual([0, 4, 2]);
  });
});

describe('linking a table to its Lean Coffee', () => {
  it('records the session once; a second link for the table is refused', () => {
    const h = hall();
    h.run('system', { type: 'hall:link-table', table: 2, sessionId: 'TAB002' });
    expect(h.state.tables[1]).toEqual({ number: 2, sessionId: 'TAB002', closed: false });
    expect(h.try('system', { type: 'hall:link-table', table: 2, sessionId: 'TAB999' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.invalidState },
    });
    expect(h.state.tables[1]?.sessionId).toBe('TAB002');
  });

  it('refuses an unknown table, and a link from anyone but the server', () => {
    const h = hall();
    expect(h.try('system', { type: 'hall:link-table', table: 9, sessionId: 'X' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.notFound },
    });
    expect(h.try(h.organiser, { type: 'hall:link-table', table: 1, sessionId: 'X' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
  });
});

describe('picks', () => {
  it('records, replaces and removes a table’s pick, kept in table order', () => {
    const h = hall();
    h.run('system', { type: 'hall:record-pick', table: 3, outcomeId: 'o1', text: 'Drei' });
    h.run('system', { type: 'hall:record-pick', table: 1, outcomeId: 'o2', text: 'Eins' });
    h.run('system', { type: 'hall:record-pick', table: 3, outcomeId: 'o3', text: 'Drei neu' });
    expect(h.state.picks).toEqual([
      { table: 1, outcomeId: 'o2', text: 'Eins' },
      { table: 3, outcomeId: 'o3', text: 'Drei neu' },
    ]);
    h.run('system', { type: 'hall:record-pick', table: 1, outcomeId: null, text: '' });
    expect(h.state.picks.map((p) => p.table)).toEqual([3]);
  });

  it('changes nothing when the pick is the same, or there is none to remove', () => {
    const h = hall();
    h.run('system', { type: 'hall:record-pick', table: 1, outcomeId: 'o1', text: 'Eins' });
    expect(h.run('system', { type: 'hall:record-pick', table: 1, outcomeId: 'o1', text: 'Eins' })).toEqual([]);
    expect(h.run('system', { type: 'hall:record-pick', table: 2, outcomeId: null, text: '' })).toEqual([]);
  });

  it('is the server’s to record, for a table the hall has', () => {
    const h = hall();
    expect(h.try(h.organiser, { type: 'hall:record-pick', table: 1, outcomeId: 'o', text: 't' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    expect(h.try('system', { type: 'hall:record-pick', table: 8, outcomeId: 'o', text: 't' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.notFound },
    });
  });
});
