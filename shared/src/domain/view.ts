import type { DomainEvent } from './events.ts';
import type { ParticipantId, SessionState, Topic, Vote } from './state.ts';

/** The seat a copy of the state is made for. */
export interface Viewer {
  participantId: ParticipantId;
}

function topicFor(topic: Topic, viewer: Viewer): Topic {
  return topic.anonymous && topic.authorId !== viewer.participantId ? { ...topic, authorId: null } : topic;
}

function voteFor(vote: Vote, viewer: Viewer): Vote {
  return vote.voterId === viewer.participantId ? vote : { ...vote, voterId: null };
}

/**
 * The copy of the state one viewer may hold: authors of anonymous topics and other people's
 * dots are masked. Everything sent to a client passes through this or {@link eventFor}.
 */
export function viewFor(state: SessionState, viewer: Viewer): SessionState {
  return {
    ...state,
    topics: state.topics.map((t) => topicFor(t, viewer)),
    votes: state.votes.map((v) => voteFor(v, viewer)),
  };
}

/**
 * The copy of one event a viewer may receive. Holds the invariant
 * `apply(viewFor(s, v), eventFor(e, v))` equals `viewFor(apply(s, e), v)`.
 */
export function eventFor(event: DomainEvent, viewer: Viewer): DomainEvent {
  switch (event.type) {
    case 'topic:added':
      return { ...event, topic: topicFor(event.topic, viewer) };
    case 'vote:cast':
    case 'vote:retracted':
      return { ...event, vote: voteFor(event.vote, viewer) };
    default:
      return event;
  }
}
