import type { KindEvent } from '@runde/shared';

/** Two seats of one person made one: `from`'s devices now prove `into`. */
export interface MergedSeats {
  from: string;
  into: string;
}

/**
 * The seats these events merged (a team space's `space:members-merged`), if any: the store points
 * `from`'s tokens at `into` in the same atomic write as the event, so no device ever proves a seat
 * that is no longer in the space. One command merges at most one pair.
 */
export function seatsMergedBy(events: readonly KindEvent[]): MergedSeats | undefined {
  for (const event of events) {
    if (event.type === 'space:members-merged') return { from: event.from, into: event.into };
  }
  return undefined;
}
