import { limits } from '../protocol/limits.ts';
import type { Participant, ParticipantId, SessionState, Thumb, ThumbsBallot, Timer, Topic, TopicId } from './state.ts';

export function findParticipant(state: SessionState, id: ParticipantId): Participant | undefined {
  return state.participants.find((p) => p.id === id);
}

export function findTopic(state: SessionState, id: TopicId): Topic | undefined {
  return state.topics.find((t) => t.id === id);
}

export function isFacilitator(state: SessionState, id: ParticipantId): boolean {
  return findParticipant(state, id)?.role === 'facilitator';
}

/** Dots on one topic (as far as the holder of this copy can see). */
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
  if (state.phase !== 'vote' || findTopic(state, topicId)?.status !== 'open') return false;
  if (votesLeft(state, voterId) === 0) return false;
  return state.settings.allowStacking || votesBy(state, voterId, topicId) === 0;
}

/** Topics this person proposed (only their own are known to a participant's copy). */
export function topicsBy(state: SessionState, authorId: ParticipantId): number {
  return state.topics.filter((t) => t.authorId === authorId).length;
}

/**
 * Topics one person may propose in this session. A session without a setting still has a cap
 * ({@link limits.topicsPerPersonUnset}), so nobody can take the whole board.
 */
export function topicsPerPerson(state: SessionState): number {
  return state.settings.topicsPerPerson ?? limits.topicsPerPersonUnset;
}

/** `null` when another topic fits, otherwise which cap stands in the way: the board's or the person's. */
export function topicCapReached(state: SessionState, authorId: ParticipantId): 'session' | 'person' | null {
  if (state.topics.length >= limits.topicsPerSession) return 'session';
  if (topicsBy(state, authorId) >= topicsPerPerson(state)) return 'person';
  return null;
}

/** Whether this person may propose another topic now. */
export function canAddTopic(state: SessionState, authorId: ParticipantId): boolean {
  return state.phase === 'collect' && topicCapReached(state, authorId) === null;
}

/** Whether this person may write another takeaway or action (the session's cap and their share of it). */
export function canAddOutcome(state: SessionState, authorId: ParticipantId): boolean {
  if (state.outcomes.length >= limits.outcomesPerSession) return false;
  let mine = 0;
  for (const o of state.outcomes) if (o.authorId === authorId) mine += 1;
  return mine < limits.outcomesPerPerson;
}

/**
 * Whether the order of topics by votes is still secret: hidden voting, not yet revealed, and dots
 * may be on the board (voting, or back to collecting after it). While it is, nothing may act on
 * or show the real ranking (moving the agenda would broadcast it), and nothing may take dots off
 * one topic (the returned dots would tell its tally). Uses only what every copy knows, so a
 * refusal tells nobody anything either.
 */
export function rankingHidden(state: SessionState): boolean {
  return !state.votesRevealed && (state.phase === 'vote' || state.votes.length > 0);
}

/** Whether this person may move topics up and down the To discuss column now. */
export function canMoveAgenda(state: SessionState, actorId: ParticipantId): boolean {
  return state.phase !== 'ended' && isFacilitator(state, actorId) && !rankingHidden(state);
}

/** Whether this person may edit or withdraw this topic now. */
export function canEditTopic(state: SessionState, actorId: ParticipantId, topic: Topic): boolean {
  if (state.phase === 'ended') return false;
  if (isFacilitator(state, actorId)) return true;
  return state.phase === 'collect' && topic.authorId === actorId;
}

/** Whether this person may withdraw or remove this topic now (its dots go back to their voters). */
export function canRemoveTopic(state: SessionState, actorId: ParticipantId, topic: Topic): boolean {
  return canEditTopic(state, actorId, topic) && topic.status !== 'discussing' && !rankingHidden(state);
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
export function rankTopics(state: SessionState, topics: readonly Topic[] = state.topics): RankedTopic[] {
  const counts = new Map<TopicId, number>();
  for (const vote of state.votes) if (vote.topicId) counts.set(vote.topicId, (counts.get(vote.topicId) ?? 0) + 1);
  const order = new Map(state.topics.map((t, index) => [t.id, index]));
  const sorted = topics
    .map((topic) => ({
      topic,
      votes: counts.get(topic.id) ?? 0,
      order: order.get(topic.id) ?? 0,
    }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order);
  let rank = 0;
  let previousVotes = Number.NaN;
  return sorted.map(({ topic, votes }, index) => {
    if (votes !== previousVotes) rank = index + 1;
    previousVotes = votes;
    return { topic, votes, rank };
  });
}

/**
 * The To discuss column: the facilitator's order where one was set (topics it does not name
 * follow by votes), otherwise by votes.
 */
export function toDiscuss(state: SessionState): Topic[] {
  const open = state.topics.filter((t) => t.status === 'open');
  const byVotes = rankTopics(state, open).map((r) => r.topic);
  if (!state.agenda) return byVotes;
  const placed = state.agenda.map((id) => open.find((t) => t.id === id)).filter((t): t is Topic => !!t);
  return [...placed, ...byVotes.filter((t) => !placed.includes(t))];
}

export function discussingTopic(state: SessionState): Topic | undefined {
  return state.topics.find((t) => t.status === 'discussing');
}

/** The Discussed column, in the order topics left discussion (skipped ones included). */
export function discussedTopics(state: SessionState): Topic[] {
  return state.topics
    .filter((t) => t.status === 'discussed' || t.status === 'skipped')
    .sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
}

/** The length of this topic's next extension: the list in turn, the last one repeating. */
export function nextExtensionMinutes(state: SessionState, topic: Topic): number {
  const steps = state.settings.extensionMinutes;
  return steps[Math.min(topic.extensions, steps.length - 1)] ?? state.settings.timeboxMinutes;
}

/** Time spent discussing a topic up to `now`. */
export function discussionMs(topic: Topic, now: number): number {
  return topic.spentMs + (topic.discussingSince === null ? 0 : Math.max(0, now - topic.discussingSince));
}

/** What is left on the timer at `now` (the server's clock, as well as a device can estimate it). */
export function timerRemainingMs(timer: Timer, now: number): number {
  switch (timer.status) {
    case 'running':
      return Math.max(0, timer.endsAt - now);
    case 'paused':
      return timer.remainingMs;
    default:
      return 0;
  }
}

export interface ThumbsTally {
  up: number;
  side: number;
  down: number;
  /** Ballots cast, also counting the ones still hidden. */
  cast: number;
}

export function thumbsTally(ballots: readonly ThumbsBallot[]): ThumbsTally {
  const tally: Record<Thumb, number> = { up: 0, side: 0, down: 0 };
  let cast = 0;
  for (const ballot of ballots) {
    if (!ballot) continue;
    cast += 1;
    if (ballot.value) tally[ballot.value] += 1;
  }
  return { ...tally, cast };
}

export function onlineParticipants(state: SessionState): Participant[] {
  return state.participants.filter((p) => p.online);
}
