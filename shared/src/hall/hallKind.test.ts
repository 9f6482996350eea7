import { describe, expect, it } from 'vitest';
import { decideCommand, exportSession, kinds, replayEvents, sessionTimer } from '../kinds.ts';
import { session } from '../leanCoffee/testing/fixtures.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { hall } from './testing/hallFixtures.ts';

const ctx = (id: string) =>
  ({ actor: { kind: 'participant', id }, now: 1_800_000_000_000, newId: () => 'x1' }) as const;
const otherKind = {
  ok: false,
  error: { code: ErrorCode.invalidState, message: 'Not available in this kind of session.' },
};

describe('the hall in the registry', () => {
  it('rebuilds a hall from its log', () => {
    const h = hall();
    h.seat('Ana');
    h.run(h.organiser, { type: 'hall:phase', to: 'collect', minutes: 5 });
    expect(replayEvents(h.log)).toEqual(h.state);
    expect(sessionTimer(h.state)).toEqual(h.state.timer);
  });

  it('accepts the hall’s commands and the server’s own, and refuses other kinds’ commands', () => {
    const h = hall();
    expect(kinds.hall.accepts({ type: 'hall:seat' })).toBe(true);
    expect(kinds.hall.accepts({ type: 'hall:phase' })).toBe(true);
    expect(kinds['lean-coffee'].accepts({ type: 'hall:seat' })).toBe(false);
    expect(decideCommand(h.state, { type: 'topic:add', title: 'T', description: '' }, ctx('p1'))).toEqual(otherKind);
    expect(decideCommand(session().state, { type: 'hall:phase', to: 'vote' }, ctx('p1'))).toEqual(otherKind);
  });

  it('gives an organiser the hall’s own file, and a phone nothing', () => {
    const h = hall();
    const a = h.seat('Ana');
    const file = exportSession(h.state, 'p1', 5);
    expect(file).toMatchObject({ ok: true, file: { kind: 'hall', exportedBy: 'p1', hall: h.state } });
    expect(exportSession(h.state, a, 5)).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
  });

  it('lives at /h/CODE', () => {
    expect(kinds.hall.paths.join('ABC123')).toBe('/h/ABC123');
    expect(kinds.hall.paths.page('ABC123')).toBe('/h/ABC123');
  });
});
