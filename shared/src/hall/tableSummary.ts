import { discussingTopic } from '../leanCoffee/selectors.ts';
import type { SessionState } from '../leanCoffee/state.ts';
import type { HallTableSummary } from './hallState.ts';

/** Takeaways an overview card shows of one table. */
const takeawaysShown = 3;

/**
 * What the organiser's overview shows of one table, made from the table's full state after each of
 * its commits (`version`); `null` for a Lean Coffee that is no table. The first seat is the
 * organiser's placeholder, so it is not counted among the people at the table.
 */
export function tableSummaryOf(state: SessionState, version: number): HallTableSummary | null {
  if (state.hall === null) return null;
  const people = state.participants.slice(1);
  const discussing = discussingTopic(state);
  const takeaways = state.outcomes.filter((o) => o.kind === 'takeaway');
  const highlight = state.highlightId === null ? undefined : takeaways.find((o) => o.id === state.highlightId);
  return {
    table: state.hall.table,
    sessionId: state.id,
    version,
    people: people.length,
    online: people.filter((p) => p.online).length,
    phase: state.phase,
    topics: state.topics.length,
    votes: state.votes.length,
    discussing: discussing
      ? { title: discussing.title, endsAt: state.timer.status === 'running' ? state.timer.endsAt : null }
      : null,
    discussed: state.topics.filter((t) => t.status === 'discussed').length,
    takeaways: takeaways
      .map((o, index) => ({ o, index }))
      // Newest first; two written in one millisecond keep the order they were written in, reversed.
      .sort((a, b) => b.o.createdAt - a.o.createdAt || b.index - a.index)
      .slice(0, takeawaysShown)
      .map(({ o }) => ({ id: o.id, text: o.text, at: o.createdAt })),
    takeawayCount: takeaways.length,
    actionCount: state.outcomes.length - takeaways.length,
    highlight: highlight ? { id: highlight.id, text: highlight.text } : null,
    helpSince: state.hall.helpSince,
  };
}
