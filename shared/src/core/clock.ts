/** One `time:ping` round trip, timed with this device's own clock. */
export interface ClockSample {
  /** Local time just before the ping was sent. */
  sentAt: number;
  /** Local time when the answer arrived. */
  receivedAt: number;
  /** The server's clock when it answered. */
  serverNow: number;
}

/** How far this device's clock is from the server's, and how sure that is. */
export interface ClockOffset {
  /** Add to local time to get server time: `serverNow ≈ localNow + offsetMs`. */
  offsetMs: number;
  /** Round trip of the sample the estimate rests on; the estimate is off by at most half of it. */
  roundTripMs: number;
}

/**
 * Estimates the server clock's offset from a few pings, NTP style: the server is assumed to have
 * answered halfway through the round trip, so `offset = serverNow − (sentAt + receivedAt) / 2`,
 * wrong by at most half the round trip. The sample with the shortest round trip has the tightest
 * bound, so it alone is used; averaging would let one answer delayed by a busy radio or a garbage
 * collection pull every device apart. Samples with a negative or non-finite round trip (the local
 * clock was set back meanwhile) are ignored. Returns `null` when no sample is usable.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null;
  for (const { sentAt, receivedAt, serverNow } of samples) {
    const roundTripMs = receivedAt - sentAt;
    if (!Number.isFinite(roundTripMs) || !Number.isFinite(serverNow) || roundTripMs < 0) continue;
    if (best && roundTripMs >= best.roundTripMs) continue;
    best = { offsetMs: serverNow - (sentAt + receivedAt) / 2, roundTripMs };
  }
  return best;
}
