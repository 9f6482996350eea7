import type { Participant, ParticipantId, SessionState, Topic, TopicId } from './state.ts';

export function findParticipant(state: SessionState, id: ParticipantId): Participant | undefined {
  return state.participants.find((p) => p.id === id);
}

export function findTopic(state: SessionState, id: TopicId): Topic | undefined {
  return state.topics.find((t) => t.id === id);
}

export function isFacilitator(state: SessionState, id: ParticipantId): boolean {
  return findParticipant(state, id)?.role === 'facilitator';
}

/** Dots on one topic. */
export function tally(state: SessionState, topicId: TopicId): number {
  let count = 0;
  for (const vote of state.votes) if (vote.topicId === topicId) count += 1;
  return count;
}

/** Dots a person has placed, in total or on one topic. */
export function votesBy(state: SessionState, voterId: ParticipantId, topicId?: TopicId): number {
  let count = 0;
  for (const vote of state.votes) {
    if (vote.voterId === voterId && (topicId === undefined || vote.topicId === topicId)) count += 1;
  }
  return count;
}

export function votesLeft(state: SessionState, voterId: ParticipantId): number {
  return Math.max(0, state.settings.votesPerPerson - votesBy(state, voterId));
}

/** The rule for buttons and the server alike: may this person place one more dot on this topic? */
export function canVote(state: SessionState, voterId: ParticipantId, topicId: TopicId): boolean {
  if (state.phase !== 'vote' || !findTopic(state, topicId)) return false;
  if (votesLeft(state, voterId) === 0) return false;
  return state.settings.allowStacking || votesBy(state, voterId, topicId) === 0;
}

/** Whether this person may edit or withdraw this topic now. */
export function canEditTopic(state: SessionState, actorId: ParticipantId, topic: Topic): boolean {
  if (state.phase === 'done') return false;
  if (isFacilitator(state, actorId)) return true;
  return state.phase === 'collect' && topic.authorId === actorId;
}

export interface RankedTopic {
  topic: Topic;
  votes: number;
  rank: number;
}

/**
 * Topics by votes, most first. Ties go to the topic proposed earlier (the rule the board states),
 * and tied topics share a rank.
 */
export function rankTopics(state: SessionState): RankedTopic[] {
  const counts = new Map<TopicId, number>();
  for (const vote of state.votes) counts.set(vote.topicId, (counts.get(vote.topicId) ?? 0) + 1);
  const sorted = state.topics
    .map((topic, order) => ({ topic, votes: counts.get(topic.id) ?? 0, order }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order);
  let rank = 0;
  let previousVotes = Number.NaN;
  return sorted.map(({ topic, votes }, index) => {
    if (votes !== previousVotes) rank = index + 1;
    previousVotes = votes;
    return { topic, votes, rank };
  });
}
