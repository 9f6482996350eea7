import type { HallHarvestVote, HallPick, HallTable, HallTableSummary } from '@runde/shared/client';

/**
 * What the organiser's grid and the projector make of the hall's tables and the per-table
 * summaries the server pushes (`hall:overview`). Pure, so 250 tables are tested without a browser.
 */

/** One card of the grid: a table of the hall, with its summary once the server sent one. */
export interface HallCard {
  number: number;
  closed: boolean;
  summary: HallTableSummary | null;
}

/** Which tables the grid shows, in which order. */
export type HallGridFilter = 'all' | 'help-first' | 'help-only';

export const hallGridFilters: readonly HallGridFilter[] = ['all', 'help-first', 'help-only'];

/** Summaries arrive as changes; a full one (on connect) replaces what was known. */
export function mergeSummaries(
  known: ReadonlyMap<number, HallTableSummary>,
  pushed: readonly HallTableSummary[],
  full: boolean,
): Map<number, HallTableSummary> {
  const next = new Map(full ? [] : known);
  for (const summary of pushed) {
    const before = next.get(summary.table);
    // A late push of an older version never replaces a newer one.
    if (!before || before.sessionId !== summary.sessionId || before.version <= summary.version) {
      next.set(summary.table, summary);
    }
  }
  return next;
}

/** The hall's tables as cards, in table order; closed tables after the open ones. */
export function hallCards(tables: readonly HallTable[], summaries: ReadonlyMap<number, HallTableSummary>): HallCard[] {
  return tables
    .map((table) => ({ number: table.number, closed: table.closed, summary: summaries.get(table.number) ?? null }))
    .sort((a, b) => Number(a.closed) - Number(b.closed) || a.number - b.number);
}

export const needsHelp = (card: HallCard): boolean => !card.closed && (card.summary?.helpSince ?? null) !== null;

/** Tables that asked for help come first (or alone), the longest waiting first. */
export function filterCards(cards: readonly HallCard[], filter: HallGridFilter): HallCard[] {
  if (filter === 'all') return [...cards];
  const helping = cards
    .filter(needsHelp)
    .sort((a, b) => (a.summary?.helpSince ?? 0) - (b.summary?.helpSince ?? 0) || a.number - b.number);
  return filter === 'help-only' ? helping : [...helping, ...cards.filter((card) => !needsHelp(card))];
}

export interface HallPage<T> {
  items: T[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
}

/** One page of `perPage` items; a page beyond the last (tables merged away) shows the last. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): HallPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: items.slice((shown - 1) * perPage, shown * perPage), page: shown, pages };
}

export interface WallTakeaway {
  id: string;
  table: number;
  text: string;
  at: number;
}

/** The newest takeaways across tables, newest first: each summary carries its table's newest three. */
export function takeawayWall(summaries: Iterable<HallTableSummary>, max = 30): WallTakeaway[] {
  const all: WallTakeaway[] = [];
  for (const summary of summaries) {
    for (const takeaway of summary.takeaways) all.push({ ...takeaway, table: summary.table });
  }
  return all.sort((a, b) => b.at - a.at || a.table - b.table).slice(0, max);
}

export interface RankedPick {
  pick: HallPick;
  dots: number;
  /** This viewer's dots on it. */
  mine: number;
  /** 1-based; tables with as many dots share a rank. */
  rank: number;
}

/**
 * The harvest's picks with their dots, ranked by dots (ties in table order) when `ranked`, else in
 * table order, as people vote (the order then does not nudge anyone).
 */
export function harvestPicks(
  picks: readonly HallPick[],
  votes: readonly HallHarvestVote[],
  you: string,
  ranked: boolean,
): RankedPick[] {
  const rows = picks.map((pick) => {
    const onIt = votes.filter((vote) => vote.table === pick.table);
    return { pick, dots: onIt.length, mine: onIt.filter((vote) => vote.voterId === you).length, rank: 0 };
  });
  const byDots = [...rows].sort((a, b) => b.dots - a.dots || a.pick.table - b.pick.table);
  byDots.forEach((row, index) => {
    const before = byDots[index - 1];
    row.rank = before && before.dots === row.dots ? before.rank : index + 1;
  });
  return ranked ? byDots : [...rows].sort((a, b) => a.pick.table - b.pick.table);
}

/**
 * A card's line cut to `max` characters at a word where it can be: the grid shows the start of a
 * long topic, the organiser's table view and the export hold all of it. Cut in code, not by CSS
 * line clamping: a clamped box hides content, and the projector would shrink the whole screen to
 * show what it hides (`fitToScreen`).
 */
export function shortLine(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
