import type { QueuedCommand, SessionState, TopicId, Vote } from '@runde/shared/client';

function topicIdOf(entry: QueuedCommand): TopicId | null {
  const payload = entry.payload as { topicId?: unknown } | null;
  return typeof payload?.topicId === 'string' ? payload.topicId : null;
}

/**
 * The Lean Coffee state as this seat will see it once its queued votes land: the same shared
 * rules (votes left, may I vote here) then answer for the person's own intent, not for the last
 * state the server confirmed. A retract removes one of the seat's dots, like `apply` does.
 */
export function withQueuedVotes(state: SessionState, you: string, queued: readonly QueuedCommand[]): SessionState {
  let votes: Vote[] | null = null;
  for (const entry of queued) {
    const topicId = topicIdOf(entry);
    if (!topicId) continue;
    votes ??= [...state.votes];
    if (entry.type === 'vote:cast') votes.push({ voterId: you, topicId });
    else if (entry.type === 'vote:retract') {
      const index = votes.findIndex((v) => v.voterId === you && v.topicId === topicId);
      if (index >= 0) votes.splice(index, 1);
    }
  }
  return votes ? { ...state, votes } : state;
}

/** Per topic, how many of the seat's dots on it are still waiting to be sent (net of retracts). */
export function queuedVoteChanges(queued: readonly QueuedCommand[]): Map<TopicId, number> {
  const changes = new Map<TopicId, number>();
  for (const entry of queued) {
    const topicId = topicIdOf(entry);
    const step = entry.type === 'vote:cast' ? 1 : entry.type === 'vote:retract' ? -1 : 0;
    if (topicId && step !== 0) changes.set(topicId, (changes.get(topicId) ?? 0) + step);
  }
  return changes;
}

export interface QueuedTopic {
  commandId: string;
  title: string;
  description: string;
}

/** Topics this seat proposed that have not reached the server yet, oldest first. */
export function queuedTopics(queued: readonly QueuedCommand[]): QueuedTopic[] {
  return queued.flatMap((entry) => {
    if (entry.type !== 'topic:add') return [];
    const payload = entry.payload as { title?: unknown; description?: unknown } | null;
    if (typeof payload?.title !== 'string') return [];
    const description = typeof payload.description === 'string' ? payload.description : '';
    return [{ commandId: entry.commandId, title: payload.title, description }];
  });
}
