import {
  discussedTopics,
  discussionMs,
  findParticipant,
  rankTopics,
  tally,
  toDiscuss,
} from '../leanCoffee/selectors.ts';
import type { Outcome, SessionState, ThumbsRound, Topic } from '../leanCoffee/state.ts';

export interface TopicSummary {
  topic: Topic;
  votes: number;
  spentMs: number;
  thumbs: ThumbsRound[];
  takeaways: Outcome[];
  actions: Outcome[];
}

/** Everything a record of a Lean Coffee shows, in the order it shows it. */
export interface LeanCoffeeSummary {
  title: string;
  createdAt: number;
  votesPerPerson: number;
  participants: Array<{ name: string; facilitator: boolean }>;
  discussed: TopicSummary[];
  notDiscussed: Array<TopicSummary & { skipped: boolean }>;
  closing: Array<{ name: string; text: string | null }>;
  roti: { average: number | null; count: number; distribution: number[] };
  /** The takeaway marked as the most important (a table's pick for its hall), if one is. */
  highlightId: string | null;
}

/** Builds the summary from a (viewer's) state at `now`. Pure; exports and the summary page share it. */
export function summarizeLeanCoffee(state: SessionState, now: number): LeanCoffeeSummary {
  const byTopic = (topic: Topic): TopicSummary => {
    const outcomes = state.outcomes.filter((o) => o.topicId === topic.id);
    return {
      topic,
      votes: tally(state, topic.id),
      spentMs: discussionMs(topic, now),
      thumbs: topic.thumbsHistory,
      takeaways: outcomes.filter((o) => o.kind === 'takeaway'),
      actions: outcomes.filter((o) => o.kind === 'action'),
    };
  };
  const discussing = state.topics.filter((t) => t.status === 'discussing');
  const ended = discussedTopics(state);
  const ranked = new Map(rankTopics(state).map((r) => [r.topic.id, r.votes]));
  const scores = state.roti.map((b) => b.score);
  return {
    title: state.title,
    createdAt: state.createdAt,
    votesPerPerson: state.settings.votesPerPerson,
    participants: state.participants.map((p) => ({
      name: p.name,
      facilitator: p.role === 'facilitator',
    })),
    discussed: [...ended.filter((t) => t.status === 'discussed'), ...discussing].map(byTopic),
    notDiscussed: [...ended.filter((t) => t.status === 'skipped'), ...toDiscuss(state)].map((topic) => ({
      ...byTopic(topic),
      votes: ranked.get(topic.id) ?? 0,
      skipped: topic.status === 'skipped',
    })),
    closing: state.closing.map((c) => ({
      name: findParticipant(state, c.participantId)?.name ?? '?',
      text: c.text,
    })),
    roti: {
      average: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      count: scores.length,
      distribution: [1, 2, 3, 4, 5].map((score) => scores.filter((s) => s === score).length),
    },
    highlightId: state.highlightId,
  };
}
