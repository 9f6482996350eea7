import { ownerNameFor } from '../core/participants.ts';
import type { HallPhase, HallState } from '../hall/hallState.ts';
import type { SessionState, TopicStatus } from '../leanCoffee/state.ts';
import { summarizeLeanCoffee, type TopicSummary } from './leanCoffeeSummary.ts';

export const HALL_EXPORT_FORMAT = 'runde-hall-export';

/** One topic of a table, as the event's record keeps it. Never its author: anonymous or not, a topic is the table's. */
export interface HallExportTopic {
  title: string;
  description: string;
  status: TopicStatus;
  votes: number;
  thumbs: Array<{ up: number; side: number; down: number; outcome: 'extended' | 'closed' }>;
  takeaways: string[];
  actions: Array<{ text: string; owner: string | null; due: string | null }>;
}

export interface HallExportTable {
  number: number;
  closed: boolean;
  /** People who sat at the table (its phones; the organiser's placeholder seat not counted). */
  people: number;
  /** Discussed first (in the order they were discussed), then the rest by votes. */
  topics: HallExportTopic[];
  /** The takeaway the table's host marked as its most important, if any. */
  highlight: string | null;
}

/** The record of a whole event: the hall, every table, the harvest and the announcements. One shape for JSON, Markdown and CSV. */
export interface HallExport {
  format: typeof HALL_EXPORT_FORMAT;
  version: 1;
  exportedAt: number;
  hall: { title: string; createdAt: number; phase: HallPhase; tables: number; people: number };
  tables: HallExportTable[];
  /** The tables' picks, most dots first (ties: lower table number first); equal dots share a rank. */
  harvest: Array<{ rank: number; table: number; text: string; dots: number }>;
  announcements: Array<{ text: string; at: number }>;
}

function topicOf(entry: TopicSummary, state: SessionState): HallExportTopic {
  return {
    title: entry.topic.title,
    description: entry.topic.description,
    status: entry.topic.status,
    votes: entry.votes,
    thumbs: entry.thumbs.map(({ up, side, down, outcome }) => ({ up, side, down, outcome })),
    takeaways: entry.takeaways.map((t) => t.text),
    actions: entry.actions.map((a) => ({
      text: a.text,
      owner: ownerNameFor(state.participants, a.ownerId, a.ownerName),
      due: a.due,
    })),
  };
}

function tableOf(hall: HallState, number: number, state: SessionState | undefined, now: number): HallExportTable {
  const closed = hall.tables.find((t) => t.number === number)?.closed ?? false;
  const highlight = hall.picks.find((p) => p.table === number)?.text ?? null;
  if (!state) return { number, closed, people: 0, topics: [], highlight };
  const summary = summarizeLeanCoffee(state, now);
  return {
    number,
    closed,
    // participants[0] is the organiser's placeholder seat, which nobody holds.
    people: Math.max(0, state.participants.length - 1),
    topics: [...summary.discussed, ...summary.notDiscussed].map((entry) => topicOf(entry, state)),
    highlight,
  };
}

/** The picks ranked by dots, competition style (1, 1, 3). */
function harvestOf(hall: HallState): HallExport['harvest'] {
  const ranked = hall.picks
    .map((pick) => ({
      table: pick.table,
      text: pick.text,
      dots: hall.harvestVotes.filter((v) => v.table === pick.table).length,
    }))
    .sort((a, b) => b.dots - a.dots || a.table - b.table);
  return ranked.map((entry) => ({ rank: 1 + ranked.filter((other) => other.dots > entry.dots).length, ...entry }));
}

/**
 * The record of a hall and its tables, built by the server from the full states (an organiser
 * asked for it): every table the hall opened, with what each table's Lean Coffee holds, whether
 * or not a table's session exists yet.
 */
export function hallExportFor(
  hall: HallState,
  tables: ReadonlyArray<{ number: number; state: SessionState }>,
  now: number,
): HallExport {
  const byNumber = new Map(tables.map((t) => [t.number, t.state]));
  return {
    format: HALL_EXPORT_FORMAT,
    version: 1,
    exportedAt: now,
    hall: {
      title: hall.title,
      createdAt: hall.createdAt,
      phase: hall.phase,
      tables: hall.tables.length,
      people: hall.seats.length,
    },
    tables: hall.tables.map((t) => tableOf(hall, t.number, byNumber.get(t.number), now)),
    harvest: harvestOf(hall),
    announcements: hall.announcements.map(({ text, at }) => ({ text, at })),
  };
}
