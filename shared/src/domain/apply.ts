import { assertNever } from './assertNever.ts';
import type { DomainEvent } from './events.ts';
import type { SessionState, Vote } from './state.ts';

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
  };
}

function sameVote(a: Vote, b: Vote): boolean {
  return a.voterId === b.voterId && a.topicId === b.topicId;
}

function withoutFirst<T>(items: T[], matches: (item: T) => boolean): T[] {
  const index = items.findIndex(matches);
  return index === -1 ? items : [...items.slice(0, index), ...items.slice(index + 1)];
}

/**
 * Folds one event into a state, returning a new state. Pure, and total over redacted copies too:
 * a client applies the redacted events it receives to the redacted state it holds.
 */
export function apply(state: SessionState, event: DomainEvent): SessionState {
  switch (event.type) {
    case 'session:created':
      return initialState(event);
    case 'participant:joined':
      return { ...state, participants: [...state.participants, event.participant] };
    case 'participant:renamed':
      return {
        ...state,
        participants: state.participants.map((p) => (p.id === event.participantId ? { ...p, name: event.name } : p)),
      };
    case 'participant:presence-changed':
      return {
        ...state,
        participants: state.participants.map((p) =>
          p.id === event.participantId ? { ...p, online: event.online } : p,
        ),
      };
    case 'settings:updated':
      return { ...state, title: event.title, settings: event.settings };
    case 'phase:changed':
      return { ...state, phase: event.phase };
    case 'topic:added':
      return { ...state, topics: [...state.topics, event.topic] };
    case 'topic:edited':
      return {
        ...state,
        topics: state.topics.map((t) =>
          t.id === event.topicId ? { ...t, title: event.title, description: event.description } : t,
        ),
      };
    case 'topic:removed':
      return {
        ...state,
        topics: state.topics.filter((t) => t.id !== event.topicId),
        votes: state.votes.filter((v) => v.topicId !== event.topicId),
      };
    case 'vote:cast':
      return { ...state, votes: [...state.votes, event.vote] };
    case 'vote:retracted':
      return { ...state, votes: withoutFirst(state.votes, (v) => sameVote(v, event.vote)) };
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
