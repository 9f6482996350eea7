import type { HallLink, HallState } from '@runde/shared';

/**
 * What one table of the hall is told of it (`hall:relay`, and the link a new table opens with):
 * the hall's rhythm as it stands, the newest announcement and whether the table was merged away.
 * `helpSince` belongs to the table, which keeps its own and ignores this one.
 */
export function hallLinkOf(hall: HallState, table: number): HallLink {
  return {
    hallId: hall.id,
    hallTitle: hall.title,
    table,
    phase: hall.phase,
    timer: hall.timer,
    announcement: hall.announcements.at(-1) ?? null,
    closed: hall.tables.some((t) => t.number === table && t.closed),
    helpSince: null,
  };
}
