import type { Participant, ParticipantEvent, ParticipantId } from '../core/participants.ts';
import type { TimerSetEvent } from '../core/timer.ts';
import type { LeanCoffeeSettings } from '../leanCoffee/state.ts';
import type { HallAnnouncement, HallPhase, HallPick, HallSeating } from './hallState.ts';

/** Facts that happened to a hall. */
export type HallEvent =
  | {
      type: 'hall:created';
      id: string;
      kind: 'hall';
      title: string;
      settings: LeanCoffeeSettings;
      seating: HallSeating;
      tableSize: number;
      harvestDots: number;
      createdAt: number;
    }
  | ParticipantEvent
  /**
   * A phone took a seat (a join), moved, or was moved by a merge; `from` null on the first seat.
   * The first seat carries the new phone's `participant` (every other seat event `null`): a phone
   * joins the hall by this hall-owned event, not by the shared `participant:joined`, so the hall's
   * `eventFor` can mask its name for everyone else (`participant:*` names are shared by every kind,
   * and masking one there would mask it in Lean Coffees and team spaces too).
   */
  | {
      type: 'hall:seated';
      participantId: ParticipantId;
      table: number;
      from: number | null;
      participant: Participant | null;
    }
  /** Tables that exist now (count mode: all at once; size mode: one more when all are full). */
  | { type: 'hall:tables-added'; numbers: number[] }
  /** The server opened a table's Lean Coffee under this code. */
  | { type: 'hall:table-linked'; table: number; sessionId: string }
  /** The organiser merged a table into others; its people were seated elsewhere by the `hall:seated` events before this one. */
  | { type: 'hall:table-closed'; table: number }
  | { type: 'hall:phase-changed'; phase: HallPhase }
  | TimerSetEvent
  | { type: 'hall:announced'; announcement: HallAnnouncement }
  /** A table's host marked (or unmarked, `pick: null`) its most important takeaway. */
  | { type: 'hall:pick-recorded'; table: number; pick: HallPick | null }
  | { type: 'hall:harvest-voted'; voterId: ParticipantId | null; table: number }
  | { type: 'hall:harvest-unvoted'; voterId: ParticipantId | null; table: number };
