import type { Timer } from '../core/timer.ts';
import type { HallAnnouncement, HallPhase } from '../hall/hallState.ts';

/**
 * What a Lean Coffee that is one table of a hall knows of its hall: enough for its phones to show
 * the hall's rhythm (phase, hall timer, the newest announcement) without ever connecting to the
 * hall. The server copies it in (`hall:relay`) whenever the hall's rhythm changes; `null` on every
 * Lean Coffee that is not a table.
 */
export interface HallLink {
  hallId: string;
  hallTitle: string;
  table: number;
  phase: HallPhase;
  timer: Timer;
  announcement: HallAnnouncement | null;
  /** The organiser merged this table into others: its phones ask the hall for their new table. */
  closed: boolean;
  /** A phone at this table asked the organiser for help, since when (server clock). */
  helpSince: number | null;
}
