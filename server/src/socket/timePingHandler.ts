import { succeed, timePingSchema, type TimePong } from '@runde/shared';
import { defineHandler } from './defineHandler.ts';

/**
 * `time:ping`: answers with this node's clock, so a device can estimate how far its own clock is
 * off (`estimateClockOffset`) and show the same remaining time as every other device. No store
 * access: the answer must be quick for the round trip to be short and the estimate tight.
 */
export function timePingHandler(clock: () => number) {
  return defineHandler(
    timePingSchema,
    (_payload, _ctx) => Promise.resolve(succeed<TimePong>({ serverNow: clock() })),
    // A projector counts the timer down like every device.
    { forProjector: true },
  );
}
