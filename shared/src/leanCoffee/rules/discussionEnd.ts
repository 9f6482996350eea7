import type { DomainEvent } from '../events.ts';
import { thumbsTally } from '../selectors.ts';
import type { SessionState, Topic, TopicStatus } from '../state.ts';

/**
 * The events that take the topic under discussion out of Discussing: the open thumbs vote is
 * closed (kept in the topic's history when it decided something) and the timer stops.
 */
export function endDiscussion(
  state: SessionState,
  topic: Topic,
  status: TopicStatus,
  now: number,
  thumbsOutcome: 'closed' | null,
): DomainEvent[] {
  const events: DomainEvent[] = [];
  if (state.thumbs) {
    const { up, side, down, cast } = thumbsTally(state.thumbs.ballots);
    const round = thumbsOutcome && cast > 0 ? { up, side, down, outcome: thumbsOutcome, at: now } : null;
    events.push({
      type: 'thumbs:closed',
      topicId: state.thumbs.topicId,
      round,
    });
  }
  events.push({
    type: 'topic:status-changed',
    topicId: topic.id,
    status,
    at: now,
  });
  if (state.timer.status !== 'idle')
    events.push({
      type: 'timer:set',
      timer: { status: 'idle' },
      change: 'reset',
    });
  return events;
}
