import { describe, expect, it } from 'vitest';
import type { HallTableSummary } from '@runde/shared/client';
import {
  filterCards,
  hallCards,
  harvestPicks,
  mergeSummaries,
  pageOf,
  shortLine,
  takeawayWall,
} from './hallOverview.ts';

const summary = (table: number, extra: Partial<HallTableSummary> = {}): HallTableSummary => ({
  table,
  sessionId: `T${table}`,
  version: 1,
  people: 4,
  online: 3,
  phase: 'collect',
  topics: 0,
  votes: 0,
  discussing: null,
  discussed: 0,
  takeaways: [],
  takeawayCount: 0,
  actionCount: 0,
  highlight: null,
  helpSince: null,
  ...extra,
});

const tables = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ number: i + 1, sessionId: `T${i + 1}`, closed: false }));

describe('hall overview', () => {
  it('merges pushed summaries, keeps the newer version, and starts over on a full push', () => {
    const first = mergeSummaries(new Map(), [summary(1), summary(2)], true);
    const newer = mergeSummaries(first, [summary(1, { version: 5, topics: 3 })], false);
    expect(newer.get(1)?.topics).toBe(3);
    expect(newer.get(2)).toBeDefined();
    const late = mergeSummaries(newer, [summary(1, { version: 4, topics: 1 })], false);
    expect(late.get(1)?.topics).toBe(3);
    expect([...mergeSummaries(late, [summary(3)], true).keys()]).toEqual([3]);
  });

  it('puts closed tables last and tables needing help first, the longest waiting first', () => {
    const summaries = mergeSummaries(
      new Map(),
      [summary(2, { helpSince: 200 }), summary(5, { helpSince: 100 }), summary(3, { helpSince: 50 })],
      true,
    );
    const hall = tables(6).map((table) => (table.number === 3 ? { ...table, closed: true } : table));
    const cards = hallCards(hall, summaries);
    expect(cards.map((card) => card.number)).toEqual([1, 2, 4, 5, 6, 3]);
    expect(filterCards(cards, 'help-first').map((card) => card.number)).toEqual([5, 2, 1, 4, 6, 3]);
    expect(filterCards(cards, 'help-only').map((card) => card.number)).toEqual([5, 2]);
  });

  it.each([
    [250, 1, 40, 7, 40],
    [250, 7, 40, 7, 10],
    [250, 9, 40, 7, 10],
    [0, 1, 40, 1, 0],
  ])('pages %i tables: page %i of %i per page is page of %i with %i cards', (count, page, perPage, pages, shown) => {
    const result = pageOf(tables(count), page, perPage);
    expect(result.pages).toBe(pages);
    expect(result.items).toHaveLength(shown);
  });

  it('shows the newest takeaways across tables first, at most as many as asked', () => {
    const summaries = [
      summary(1, { takeaways: [{ id: 'a', text: 'A', at: 10 }] }),
      summary(2, {
        takeaways: [
          { id: 'c', text: 'C', at: 30 },
          { id: 'b', text: 'B', at: 20 },
        ],
      }),
    ];
    expect(takeawayWall(summaries).map((t) => [t.table, t.text])).toEqual([
      [2, 'C'],
      [2, 'B'],
      [1, 'A'],
    ]);
    expect(takeawayWall(summaries, 2)).toHaveLength(2);
  });

  it('ranks picks by dots, ties sharing a rank, and counts the viewer’s own dots', () => {
    const picks = [1, 2, 3].map((table) => ({ table, outcomeId: `o${table}`, text: `pick ${table}` }));
    const votes = [
      { voterId: 'me', table: 3 },
      { voterId: null, table: 3 },
      { voterId: null, table: 1 },
      { voterId: 'me', table: 2 },
    ];
    const ranked = harvestPicks(picks, votes, 'me', true);
    expect(ranked.map((row) => [row.pick.table, row.dots, row.mine, row.rank])).toEqual([
      [3, 2, 1, 1],
      [1, 1, 0, 2],
      [2, 1, 1, 2],
    ]);
    expect(harvestPicks(picks, votes, 'me', false).map((row) => row.pick.table)).toEqual([1, 2, 3]);
  });

  it.each([
    ['Kurz', 10, 'Kurz'],
    ['Wie gehen wir mit der Nachfrage um', 20, 'Wie gehen wir mit…'],
    ['Donaudampfschifffahrtsgesellschaft', 10, 'Donaudamp…'],
  ])('cuts %s to %i characters as %s', (text, max, expected) => {
    expect(shortLine(text, max)).toBe(expected);
    expect(shortLine(text, max).length).toBeLessThanOrEqual(max);
  });
});
