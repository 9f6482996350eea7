import type { Participant, ParticipantId } from '../core/participants.ts';
import type { Timer } from '../core/timer.ts';
import type { LeanCoffeeSettings } from '../leanCoffee/state.ts';

/**
 * A hall: one event where many tables each run their own Lean Coffee. The hall session holds who
 * sits at which table, the rhythm every table follows, announcements and the harvest; each table
 * is a Lean Coffee session of its own (its own code, log and room), so a vote at table 7 costs
 * table 7 and nobody else. The hall never holds a table's topics: the organiser's overview reads
 * compact summaries the server keeps per table (`HallTableSummary`).
 */

/** The hall's rhythm. Tables follow it: collect, vote and discuss are their Lean Coffee phases. */
export type HallPhase = 'seating' | 'collect' | 'vote' | 'discuss' | 'harvest' | 'ended';

export const hallPhaseOrder: readonly HallPhase[] = ['seating', 'collect', 'vote', 'discuss', 'harvest', 'ended'];

/** How tables are made: a fixed number (filled evenly), or a size (a new table when all are full). */
export type HallSeating = { mode: 'count'; tables: number } | { mode: 'size'; size: number };

export interface HallTable {
  /** 1-based, printed on the poster; never reused. */
  number: number;
  /** The table's Lean Coffee (its join code); `null` until the server opened it. */
  sessionId: string | null;
  /** Merged into other tables by the organiser: nobody is seated here any more. */
  closed: boolean;
}

/** Where one phone sits. Organisers have no seat. */
export interface HallSeat {
  participantId: ParticipantId;
  table: number;
}

export interface HallAnnouncement {
  id: string;
  text: string;
  at: number;
}

/** A table's one most important takeaway, as its host marked it (copied from the table). */
export interface HallPick {
  table: number;
  outcomeId: string;
  text: string;
}

/**
 * One harvest dot. In a viewer's copy other people's dots carry `voterId: null` (tallies are
 * public, who voted for what is not).
 */
export interface HallHarvestVote {
  voterId: ParticipantId | null;
  table: number;
}

export interface HallState {
  id: string;
  kind: 'hall';
  title: string;
  createdAt: number;
  /** The Lean Coffee settings every table opens with. */
  settings: LeanCoffeeSettings;
  seating: HallSeating;
  /** Most people at one table; a table at this size is full (count mode: a soft cap, tables may exceed it when all are full). */
  tableSize: number;
  phase: HallPhase;
  /** Organisers (role facilitator) and every seated phone (role participant). */
  participants: Participant[];
  seats: HallSeat[];
  tables: HallTable[];
  /** The hall timer every phone and the projector show (collect for 5 minutes, vote for 3…). */
  timer: Timer;
  /** Newest last; bounded by `hallLimits.announcementsKept`. */
  announcements: HallAnnouncement[];
  /** One per table at most; kept in table order. */
  picks: HallPick[];
  /** Dots each person may place across tables in the harvest. */
  harvestDots: number;
  harvestVotes: HallHarvestVote[];
}

/** What the organiser's overview shows of one table; the server keeps one per table, never the table's full state. */
export interface HallTableSummary {
  table: number;
  sessionId: string;
  /** The table session's version this summary was made at (a feed sends only what changed). */
  version: number;
  /** Seated at the table (the organiser's own seat not counted) and how many of them are online. */
  people: number;
  online: number;
  phase: string;
  topics: number;
  votes: number;
  /** The topic under discussion and when its timebox ends (server clock), if one is. */
  discussing: { title: string; endsAt: number | null } | null;
  discussed: number;
  /** The newest takeaways, newest first, at most 3. */
  takeaways: Array<{ id: string; text: string; at: number }>;
  takeawayCount: number;
  actionCount: number;
  highlight: { id: string; text: string } | null;
  /** The table asked for help (a phone's toggle), since when. */
  helpSince: number | null;
}

export const hallLimits = {
  tablesMax: 250,
  tableSizeMin: 2,
  tableSizeMax: 12,
  /** A hall of 250 tables of 8. */
  seatsPerHall: 2000,
  announcementText: 280,
  announcementsKept: 20,
  harvestDotsMax: 10,
  organisersMax: 5,
} as const;
