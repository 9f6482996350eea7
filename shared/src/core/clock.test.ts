import { describe, expect, it } from 'vitest';
import { estimateClockOffset, type ClockSample } from './clock.ts';

/** A ping from a device whose clock is `skew` ms off, sent at server time `at`, taking `up` and `down` ms each way. */
function ping(skew: number, at: number, up: number, down: number): ClockSample {
  return { sentAt: at + skew, serverNow: at + up, receivedAt: at + up + down + skew };
}

describe('estimateClockOffset', () => {
  it.each([
    { name: 'a device 90 s behind', skew: -90_000, offsetMs: 90_000 },
    { name: 'a device 45 s ahead', skew: 45_000, offsetMs: -45_000 },
    { name: 'a device in step', skew: 0, offsetMs: 0 },
  ])('recovers the offset of $name from one symmetric ping', ({ skew, offsetMs }) => {
    expect(estimateClockOffset([ping(skew, 1_000_000, 20, 20)])).toEqual({ offsetMs, roundTripMs: 40 });
  });

  it('keeps the sample with the shortest round trip and ignores slower ones', () => {
    const samples = [ping(3_000, 1_000, 400, 50), ping(3_000, 2_000, 6, 4), ping(3_000, 3_000, 30, 900)];
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: -3_000 + 1, roundTripMs: 10 });
  });

  it('is off by at most half the round trip when the way there and back differ', () => {
    const skew = -90_000;
    const estimate = estimateClockOffset([ping(skew, 5_000, 0, 80)]);
    expect(estimate?.roundTripMs).toBe(80);
    expect(Math.abs((estimate?.offsetMs ?? 0) - -skew)).toBeLessThanOrEqual(40);
  });

  it('keeps the first of equally fast samples', () => {
    const estimate = estimateClockOffset([
      { sentAt: 0, receivedAt: 10, serverNow: 105 },
      { sentAt: 20, receivedAt: 30, serverNow: 135 },
    ]);
    expect(estimate).toEqual({ offsetMs: 100, roundTripMs: 10 });
  });

  it.each([
    { name: 'no samples', samples: [] },
    { name: 'a clock set back during the ping', samples: [{ sentAt: 100, receivedAt: 50, serverNow: 70 }] },
    { name: 'a missing answer', samples: [{ sentAt: 0, receivedAt: 10, serverNow: Number.NaN }] },
  ])('returns null for $name', ({ samples }) => {
    expect(estimateClockOffset(samples)).toBeNull();
  });

  it('skips unusable samples among good ones', () => {
    expect(
      estimateClockOffset([
        { sentAt: 100, receivedAt: 50, serverNow: 0 },
        { sentAt: 0, receivedAt: 4, serverNow: 1_002 },
      ]),
    ).toEqual({ offsetMs: 1_000, roundTripMs: 4 });
  });
});
