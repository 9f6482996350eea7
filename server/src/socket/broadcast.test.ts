import type { AnyVersionedEvent } from '@runde/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './broadcast.ts';

const vote = (version: number): AnyVersionedEvent => ({
  version,
  event: { type: 'phase:changed', phase: 'vote' },
});

describe('coalesce', () => {
  let clock = 0;
  let sent: Array<[string, number[]]>;
  let fanOut: ReturnType<typeof coalesce>;

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 1_000;
    sent = [];
    fanOut = coalesce(
      (sessionId, events) => sent.push([sessionId, events.map((e) => e.version)]),
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
