import type { KindVersionedEvent } from '@runde/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './broadcast.ts';

const vote = (version: number): KindVersionedEvent => ({
  version,
  event: { type: 'phase:changed', phase: 'vote' },
});

describe('coalesce', () => {
  let clock = 0;
  let sent: Array<[string, number[]]>;
  let fanOut: ReturnType<typeof coalesce>;
  /** How long one fan-out takes on the test's clock: writing to thousands of sockets is not free. */
  let fanOutCostMs = 0;

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 1_000;
    fanOutCostMs = 0;
    sent = [];
    fanOut = coalesce(
      (sessionId, events) => {
        sent.push([sessionId, events.map((e) => e.version)]);
        clock += fanOutCostMs;
      },
      16,
      () => clock,
    );
  });

  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };

  it('sends the first commit after a quiet spell at once', () => {
    fanOut('A', [vote(1)]);
    expect(sent).toEqual([['A', [1]]]);
  });

  it('gathers a burst into one send per window, in version order', () => {
    fanOut('A', [vote(1)]);
    for (let v = 2; v <= 40; v += 1) {
      fanOut('A', [vote(v)]);
      advance(1);
    }
    advance(16);
    expect(sent.length).toBeLessThan(6);
    expect(sent.flatMap(([, versions]) => versions)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('waits at least as long as the last fan-out took, so a slow room still gets gathered frames', () => {
    fanOutCostMs = 40;
    fanOut('A', [vote(1)]);
    // A vote every 20 ms: longer than the minimum window, shorter than one fan-out.
    for (let v = 2; v <= 31; v += 1) {
      advance(20);
      fanOut('A', [vote(v)]);
    }
    advance(200);
    expect(sent.flatMap(([, versions]) => versions)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    // A fixed window gathers nothing here: one frame per vote, 31. Waiting out the 40 ms the
    // previous frame took gathers about two votes per frame.
    expect(sent.length).toBeLessThan(20);
    expect(sent.length).toBeGreaterThan(1);
  });

  it('goes back to sending at once when the session is quiet again', () => {
    fanOutCostMs = 40;
    fanOut('A', [vote(1)]);
    advance(100);
    fanOut('A', [vote(2)]);
    expect(sent).toEqual([
      ['A', [1]],
      ['A', [2]],
    ]);
  });

  it('keeps sessions apart', () => {
    fanOut('A', [vote(1)]);
    fanOut('B', [vote(1)]);
    fanOut('A', [vote(2)]);
    advance(16);
    expect(sent).toEqual([
      ['A', [1]],
      ['B', [1]],
      ['A', [2]],
    ]);
  });
});
