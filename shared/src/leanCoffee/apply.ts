import { applyAccess } from '../session/sessionAccess.ts';
import { assertNever } from '../core/assertNever.ts';
import type { DomainEvent } from './events.ts';
import { applyToParticipants } from '../core/participants.ts';
import type { SessionState, Topic, TopicId, TopicStatus, Vote } from './state.ts';

/** Builds the first state from the `session:created` event. */
export function initialState(event: Extract<DomainEvent, { type: 'session:created' }>): SessionState {
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    createdAt: event.createdAt,
    settings: event.settings,
    phase: 'collect',
    participants: [],
    topics: [],
    votes: [],
    votesRevealed: !event.settings.hiddenVoting,
    agenda: null,
    timer: { status: 'idle' },
    thumbs: null,
    outcomes: [],
    closing: [],
    roti: [],
    hall: event.hall ?? null,
    highlightId: null,
  };
}

function sameVote(a: Vote, b: Vote): boolean {
  return a.voterId === b.voterId && a.topicId === b.topicId;
}

function withoutFirst<T>(items: T[], matches: (item: T) => boolean): T[] {
  const index = items.findIndex(matches);
  return index === -1 ? items : [...items.slice(0, index), ...items.slice(index + 1)];
}

function putAt<T>(items: T[], slot: number, item: T): T[] {
  const next = items.slice();
  next[slot] = item;
  return next;
}

function updateTopic(state: SessionState, topicId: TopicId, change: (topic: Topic) => Topic): SessionState {
  return {
    ...state,
    topics: state.topics.map((t) => (t.id === topicId ? change(t) : t)),
  };
}

/** Moves a topic between columns, booking the time it spent in Discussing. */
function withStatus(topic: Topic, status: TopicStatus, at: number): Topic {
  const wasDiscussing = topic.status === 'discussing' && topic.discussingSince !== null;
  const spentMs = wasDiscussing ? topic.spentMs + Math.max(0, at - (topic.discussingSince ?? at)) : topic.spentMs;
  return {
    ...topic,
    status,
    spentMs,
    discussingSince: status === 'discussing' ? at : null,
    endedAt: status === 'discussed' || status === 'skipped' ? at : status === 'open' ? null : topic.endedAt,
  };
}

/**
 * Folds one event into a state, returning a new state. Pure, and total over masked copies too:
 * a client applies the masked events it receives to the masked state it holds.
 */
export function apply(state: SessionState, event: DomainEvent): SessionState {
  switch (event.type) {
    case 'session:created':
      return initialState(event);
    case 'participant:joined':
    case 'participant:renamed':
    case 'participant:presence-changed':
    case 'participant:role-changed':
      return { ...state, participants: applyToParticipants(state.participants, event) };
    case 'participant:bound':
    case 'access:changed':
      return applyAccess(state, event);
    case 'settings:updated':
      return {
        ...state,
        title: event.title,
        settings: event.settings,
        votesRevealed: state.votesRevealed || !event.settings.hiddenVoting,
      };
    case 'phase:changed':
      return { ...state, phase: event.phase };
    case 'topic:added':
      return { ...state, topics: [...state.topics, event.topic] };
    case 'topic:edited':
      return updateTopic(state, event.topicId, (t) => ({
        ...t,
        title: event.title,
        description: event.description,
      }));
    case 'topic:removed':
      return {
        ...state,
        topics: state.topics.filter((t) => t.id !== event.topicId),
        votes: event.returnedVotes.reduce(
          (votes, returned) => withoutFirst(votes, (v) => sameVote(v, returned)),
          state.votes,
        ),
        agenda: state.agenda && state.agenda.filter((id) => id !== event.topicId),
      };
    case 'topics:merged': {
      const merged = updateTopic(state, event.targetId, (t) => ({
        ...t,
        mergedTitles: event.mergedTitles,
      }));
      return {
        ...merged,
        topics: merged.topics.filter((t) => t.id !== event.sourceId),
        votes: merged.votes.map((v) => (v.topicId === event.sourceId ? { ...v, topicId: event.targetId } : v)),
        agenda: merged.agenda && merged.agenda.filter((id) => id !== event.sourceId),
      };
    }
    case 'topic:status-changed':
      return updateTopic(state, event.topicId, (t) => withStatus(t, event.status, event.at));
    case 'topic:extended':
      return updateTopic(state, event.topicId, (t) => ({
        ...t,
        extensions: t.extensions + 1,
      }));
    case 'agenda:reordered':
      return { ...state, agenda: event.agenda };
    case 'vote:cast':
      return { ...state, votes: [...state.votes, event.vote] };
    case 'vote:retracted':
      return {
        ...state,
        votes: withoutFirst(state.votes, (v) => sameVote(v, event.vote)),
      };
    case 'votes:revealed':
      return { ...state, votes: event.votes, votesRevealed: true };
    case 'timer:set':
      return { ...state, timer: event.timer };
    case 'thumbs:opened':
      return {
        ...state,
        thumbs: { topicId: event.topicId, ballots: [], revealed: false },
      };
    case 'thumbs:cast':
      return state.thumbs
        ? {
            ...state,
            thumbs: {
              ...state.thumbs,
              ballots: putAt(state.thumbs.ballots, event.slot, event.ballot),
            },
          }
        : state;
    case 'thumbs:revealed':
      return state.thumbs
        ? {
            ...state,
            thumbs: { ...state.thumbs, ballots: event.ballots, revealed: true },
          }
        : state;
    case 'thumbs:closed': {
      const round = event.round;
      const closed = { ...state, thumbs: null };
      return round
        ? updateTopic(closed, event.topicId, (t) => ({
            ...t,
            thumbsHistory: [...t.thumbsHistory, round],
          }))
        : closed;
    }
    case 'outcome:added':
      return { ...state, outcomes: [...state.outcomes, event.outcome] };
    case 'outcome:edited':
      return {
        ...state,
        outcomes: state.outcomes.map((o) =>
          o.id === event.outcomeId
            ? {
                ...o,
                text: event.text,
                ownerId: event.ownerId,
                ownerName: event.ownerName,
                due: event.due,
              }
            : o,
        ),
      };
    case 'outcome:removed':
      return {
        ...state,
        outcomes: state.outcomes.filter((o) => o.id !== event.outcomeId),
        highlightId: state.highlightId === event.outcomeId ? null : state.highlightId,
      };
    case 'closing:submitted':
      return {
        ...state,
        closing: [...state.closing.filter((c) => c.participantId !== event.entry.participantId), event.entry],
      };
    case 'roti:cast':
      return { ...state, roti: putAt(state.roti, event.slot, event.ballot) };
    case 'takeaway:highlighted':
      return { ...state, highlightId: event.outcomeId };
    case 'hall:relayed':
      return { ...state, hall: event.link };
    case 'hall:help-changed':
      return state.hall ? { ...state, hall: { ...state.hall, helpSince: event.since } } : state;
    default:
      return assertNever(event);
  }
}

/** Folds a list of events, in order. */
export function applyAll(state: SessionState, events: readonly DomainEvent[]): SessionState {
  return events.reduce(apply, state);
}

/** Rebuilds a state from a full log, which must open with `session:created`. */
export function replay(events: readonly DomainEvent[]): SessionState {
  const [first, ...rest] = events;
  if (first?.type !== 'session:created') throw new Error('A session log must start with session:created.');
  return applyAll(initialState(first), rest);
}
