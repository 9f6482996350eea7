import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { mayChangeHallRole } from './hallPermissions.ts';
import { hallLimits, hallPhaseOrder } from './hallState.ts';
import { hall } from './testing/hallFixtures.ts';

describe('the hall’s phase', () => {
  it('moves forward and back in any order', () => {
    const h = hall();
    for (const to of ['vote', 'collect', 'harvest', 'discuss', 'seating'] as const) {
      h.run(h.organiser, { type: 'hall:phase', to });
      expect(h.state.phase).toBe(to);
    }
  });

  it('allows nothing after ended', () => {
    const h = hall();
    h.run(h.organiser, { type: 'hall:phase', to: 'ended' });
    for (const to of hallPhaseOrder) {
      expect(h.try(h.organiser, { type: 'hall:phase', to })).toMatchObject({
        ok: false,
        error: { code: ErrorCode.sessionEnded },
      });
    }
  });

  it('starts the hall timer with minutes', () => {
    const h = hall();
    const events = h.run(h.organiser, { type: 'hall:phase', to: 'collect', minutes: 5 });
    expect(events).toEqual([
      { type: 'hall:phase-changed', phase: 'collect' },
      {
        type: 'timer:set',
        change: 'start',
        timer: { status: 'running', durationMs: 300_000, endsAt: h.ctx.now + 300_000 },
      },
    ]);
  });

  it('resets a running timer on a phase change without minutes, and leaves an idle one alone', () => {
    const h = hall();
    h.run(h.organiser, { type: 'hall:phase', to: 'collect', minutes: 5 });
    const events = h.run(h.organiser, { type: 'hall:phase', to: 'vote' });
    expect(events).toEqual([
      { type: 'hall:phase-changed', phase: 'vote' },
      { type: 'timer:set', change: 'reset', timer: { status: 'idle' } },
    ]);
    expect(h.run(h.organiser, { type: 'hall:phase', to: 'discuss' })).toEqual([
      { type: 'hall:phase-changed', phase: 'discuss' },
    ]);
  });

  it('restarts the timer when the same phase is given again with minutes', () => {
    const h = hall();
    h.run(h.organiser, { type: 'hall:phase', to: 'collect', minutes: 5 });
    const events = h.run(h.organiser, { type: 'hall:phase', to: 'collect', minutes: 2 });
    expect(events.map((e) => e.type)).toEqual(['timer:set']);
  });

  it('is an organiser’s to change', () => {
    const h = hall();
    const a = h.seat('A');
    expect(h.try(a, { type: 'hall:phase', to: 'collect' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
  });
});

describe('the hall timer', () => {
  it('follows the rules of every timer, for organisers', () => {
    const h = hall();
    h.run(h.organiser, { type: 'timer:start', minutes: 3 });
    h.run(h.organiser, { type: 'timer:pause' });
    expect(h.state.timer.status).toBe('paused');
    h.run(h.organiser, { type: 'timer:resume' });
    h.run(h.organiser, { type: 'timer:add', minutes: 1 });
    expect(h.state.timer).toMatchObject({ status: 'running', durationMs: 240_000 });
    expect(h.try(h.organiser, { type: 'timer:expire' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.timerNotDue },
    });
    h.ctx.tick(240_000);
    h.run('system', { type: 'timer:expire' });
    expect(h.state.timer.status).toBe('expired');
  });

  it('is refused to a phone, except the expiry its clock saw', () => {
    const h = hall();
    const a = h.seat('A');
    h.run(h.organiser, { type: 'timer:start', minutes: 1 });
    for (const command of [
      { type: 'timer:start', minutes: 1 },
      { type: 'timer:pause' },
      { type: 'timer:reset' },
      { type: 'timer:add', minutes: 1 },
    ] as const) {
      expect(h.try(a, command)).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
    }
    h.ctx.tick(60_000);
    expect(h.try(a, { type: 'timer:expire' })).toMatchObject({ ok: true });
  });
});

describe('announcements', () => {
  it('keeps the newest ones, each with an id and the time', () => {
    const h = hall();
    for (let i = 0; i < hallLimits.announcementsKept + 3; i += 1) {
      h.run(h.organiser, { type: 'hall:announce', text: `Hinweis ${i}` });
    }
    expect(h.state.announcements).toHaveLength(hallLimits.announcementsKept);
    expect(h.state.announcements[0]?.text).toBe('Hinweis 3');
    expect(h.state.announcements.at(-1)).toEqual({
      id: expect.stringMatching(/^a/),
      text: `Hinweis ${hallLimits.announcementsKept + 2}`,
      at: h.ctx.now,
    });
  });

  it('is an organiser’s to make', () => {
    const h = hall();
    const a = h.seat('A');
    expect(h.try(a, { type: 'hall:announce', text: 'Hallo' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
  });
});

describe('organisers', () => {
  it('join as facilitators up to organisersMax, names unique among them', () => {
    const h = hall();
    const join = (name: string) => h.try('system', { type: 'participant:join', name, role: 'facilitator' });
    expect(join('olga')).toMatchObject({ ok: false, error: { code: ErrorCode.nameTaken } });
    for (let i = 2; i <= hallLimits.organisersMax; i += 1) expect(join(`Orga ${i}`).ok).toBe(true);
    expect(join('Zu viele')).toMatchObject({ ok: false, error: { code: ErrorCode.sessionFull } });
  });

  it('are the only ones joining by participant:join: a phone takes a seat', () => {
    const h = hall();
    expect(h.try('system', { type: 'participant:join', name: 'Ana', role: 'participant' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.invalidState },
    });
  });

  it('may rename themselves; a phone renames at its table', () => {
    const h = hall();
    const a = h.seat('Ana');
    expect(h.run(h.organiser, { type: 'participant:rename', name: 'Olga K.' })).toHaveLength(1);
    expect(h.try(a, { type: 'participant:rename', name: 'Anna' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
  });

  it('change roles exactly where mayChangeHallRole says so, up to organisersMax', () => {
    const h = hall();
    const phones = Array.from({ length: hallLimits.organisersMax + 1 }, (_, i) => h.seat(`Gast ${i}`));
    for (const id of [h.organiser, ...phones]) {
      for (const role of ['facilitator', 'participant'] as const) {
        for (const actor of [h.organiser, phones[0] ?? '']) {
          const target = h.state.participants.find((p) => p.id === id);
          if (!target) throw new Error('no such person');
          const may = mayChangeHallRole(h.state, actor, target, role);
          const result = h.try(actor, { type: 'participant:set-role', participantId: id, role });
          expect(may).toBe(result.ok && result.events.length > 0);
        }
      }
    }
    const promoted = phones.map((id) =>
      h.try(h.organiser, { type: 'participant:set-role', participantId: id, role: 'facilitator' }),
    );
    expect(promoted.map((r) => r.ok)).toEqual([
      ...Array<boolean>(hallLimits.organisersMax - 1).fill(true),
      false,
      false,
    ]);
    expect(promoted.at(-1)).toMatchObject({ ok: false, error: { code: ErrorCode.limitReached } });
  });
});
