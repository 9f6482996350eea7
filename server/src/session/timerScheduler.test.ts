import { fail, type Timer } from '@runde/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import { StoreUnavailableError } from '../store/sessionStore.ts';
import type { RunResult } from './commandRunner.ts';
import { EXPIRE_RETRY_MS, TimerScheduler } from './timerScheduler.ts';

const running = (endsAt: number): Timer => ({ status: 'running', durationMs: 60_000, endsAt });
const expired: RunResult = { ok: true, version: 9, events: [] };

/**
 * A scheduler on fake timers. `decide` stands in for the command runner: by default it expires
 * whatever is due by the (fake) wall clock, like `decide` does, and counts its calls.
 */
function harness(decide?: (sessionId: string) => RunResult | Promise<RunResult>) {
  const watched = new Set(['S1', 'S2']);
  const calls: { sessionId: string; at: number }[] = [];
  const scheduler = new TimerScheduler({
    clock: () => Date.now(),
    logger: createLogger('silent'),
    isWatched: (id) => watched.has(id),
    expire: async (sessionId) => {
      calls.push({ sessionId, at: Date.now() });
      return decide ? decide(sessionId) : expired;
    },
  });
  return { scheduler, watched, calls };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TimerScheduler', () => {
  it('expires a running timer once, at its endsAt and not before', async () => {
    const { scheduler, calls } = harness();
    scheduler.track('S1', running(1_060_000));
    expect(scheduler.dueAt('S1')).toBe(1_060_000);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ sessionId: 'S1', at: 1_060_000 }]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
    expect(scheduler.size).toBe(0);
  });

  it('keeps one timeout per session: seeing a new deadline replaces the old one', async () => {
    const { scheduler, calls } = harness();
    scheduler.track('S1', running(1_010_000));
    scheduler.track('S1', running(1_010_000));
    scheduler.track('S1', running(1_030_000));
    scheduler.track('S2', running(1_020_000));
    expect(scheduler.size).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([
      { sessionId: 'S2', at: 1_020_000 },
      { sessionId: 'S1', at: 1_030_000 },
    ]);
  });

  it('fires at once for a timer that is already due', async () => {
    const { scheduler, calls } = harness();
    scheduler.track('S1', running(999_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ sessionId: 'S1', at: 1_000_000 }]);
  });

  it.each<[string, Timer]>([
    ['idle', { status: 'idle' }],
    ['paused', { status: 'paused', durationMs: 60_000, remainingMs: 5_000 }],
    ['expired', { status: 'expired', durationMs: 60_000, endedAt: 1_005_000 }],
  ])('cancels when the timer is seen %s', async (_status, timer) => {
    const { scheduler, calls } = harness();
    scheduler.track('S1', running(1_010_000));
    scheduler.track('S1', timer);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([]);
    expect(scheduler.size).toBe(0);
  });

  it('tracks the newest timer among events and ignores events without one', async () => {
    const { scheduler, calls } = harness();
    scheduler.trackEvents('S1', [
      { version: 4, event: { type: 'timer:set', timer: running(1_005_000), change: 'start' } },
      { version: 5, event: { type: 'timer:set', timer: running(1_008_000), change: 'add' } },
      { version: 6, event: { type: 'phase:changed', phase: 'discuss' } },
    ]);
    scheduler.trackEvents('S1', [{ version: 7, event: { type: 'phase:changed', phase: 'wrapup' } }]);
    expect(scheduler.dueAt('S1')).toBe(1_008_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([{ sessionId: 'S1', at: 1_008_000 }]);
  });

  it('leaves a session no local socket watches to the nodes and devices that do', async () => {
    const { scheduler, watched, calls } = harness();
    scheduler.track('S3', running(1_001_000));
    expect(scheduler.size).toBe(0);

    scheduler.track('S1', running(1_001_000));
    scheduler.release('S1');
    expect(scheduler.size).toBe(1);
    watched.delete('S1');
    scheduler.release('S1');
    expect(scheduler.size).toBe(0);

    watched.add('S1');
    scheduler.track('S1', running(1_002_000));
    watched.delete('S1');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([]);
  });

  it('waits out what is left when its timeout fired before the deadline (a wait longer than setTimeout holds)', async () => {
    const endsAt = 1_000_000 + 2 ** 31 + 5_000;
    const { scheduler, calls } = harness(() =>
      Date.now() >= endsAt ? expired : fail('timer_not_due', 'The timer has not run out yet.'),
    );
    scheduler.track('S1', running(endsAt));
    await vi.advanceTimersByTimeAsync(2 ** 31 - 1);
    expect(calls).toHaveLength(1);
    expect(scheduler.dueAt('S1')).toBe(endsAt);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.at)).toEqual([1_000_000 + 2 ** 31 - 1, endsAt]);
  });

  it('tries again a millisecond later when the deciding clock rounds the other way', async () => {
    const { scheduler, calls } = harness(() =>
      Date.now() >= 1_010_002 ? expired : fail('timer_not_due', 'The timer has not run out yet.'),
    );
    scheduler.track('S1', running(1_010_000));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.map((c) => c.at)).toEqual([1_010_000, 1_010_001, 1_010_002]);
  });

  it('does not double-arm when the runner already re-armed it from the state it loaded', async () => {
    const h = harness(() => {
      // What the runner's observer does with the state it decided on.
      h.scheduler.track('S1', running(1_015_000));
      return fail('timer_not_due', 'The timer has not run out yet.');
    });
    h.scheduler.track('S1', running(1_010_000));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.scheduler.dueAt('S1')).toBe(1_015_000);
    expect(h.scheduler.size).toBe(1);
  });

  it.each([
    ['the store is unreachable', () => Promise.reject(new StoreUnavailableError('down'))],
    ['another node keeps winning the version check', () => fail('conflict', 'busy')],
  ])('tries again later when %s', async (_case, outcome) => {
    let attempt = 0;
    const { scheduler, calls } = harness(() => (attempt++ === 0 ? outcome() : expired));
    scheduler.track('S1', running(1_010_000));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(EXPIRE_RETRY_MS);
    expect(calls.map((c) => c.at)).toEqual([1_010_000, 1_010_000 + EXPIRE_RETRY_MS]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
  });

  it.each(['session_ended', 'not_found'] as const)('gives up on %s', async (code) => {
    const { scheduler, calls } = harness(() => fail(code, 'no'));
    scheduler.track('S1', running(1_010_000));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
    expect(scheduler.size).toBe(0);
  });

  it('clears every timeout on close and arms no more', async () => {
    const { scheduler, calls } = harness();
    scheduler.track('S1', running(1_010_000));
    scheduler.track('S2', running(1_020_000));
    scheduler.close();
    scheduler.track('S1', running(1_030_000));
    expect(scheduler.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toEqual([]);
  });
});
