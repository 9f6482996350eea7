import type { DomainEvent } from './events.ts';
import type { Viewer } from '../core/participants.ts';
import type { RotiBallot, SessionState, ThumbsBallot, Topic, Vote } from './state.ts';

export type { Viewer } from '../core/participants.ts';

function topicFor(topic: Topic, viewer: Viewer): Topic {
  return topic.anonymous && topic.authorId !== viewer.participantId ? { ...topic, authorId: null } : topic;
}

function voteFor(vote: Vote, viewer: Viewer, revealed: boolean): Vote {
  if (vote.voterId === viewer.participantId) return vote;
  return { voterId: null, topicId: revealed ? vote.topicId : null };
}

function ballotFor(ballot: ThumbsBallot, viewer: Viewer, revealed: boolean): ThumbsBallot {
  if (ballot.voterId === viewer.participantId) return ballot;
  return { voterId: null, value: revealed ? ballot.value : null };
}

function rotiFor(ballot: RotiBallot, viewer: Viewer): RotiBallot {
  return ballot.voterId === viewer.participantId ? ballot : { ...ballot, voterId: null };
}

/**
 * The copy of the state one viewer may hold: authors of anonymous topics, who voted for what,
 * hidden tallies and unrevealed thumbs are masked. Everything sent to a client passes through
 * this or {@link eventFor}.
 */
export function viewFor(state: SessionState, viewer: Viewer): SessionState {
  return {
    ...state,
    topics: state.topics.map((t) => topicFor(t, viewer)),
    votes: state.votes.map((v) => voteFor(v, viewer, state.votesRevealed)),
    thumbs: state.thumbs && {
      ...state.thumbs,
      ballots: state.thumbs.ballots.map((b) => ballotFor(b, viewer, state.thumbs?.revealed ?? false)),
    },
    roti: state.roti.map((b) => rotiFor(b, viewer)),
  };
}

/**
 * The copy of one event a viewer may receive. Needs no state: events that carry ballots say
 * whether they were hidden. Holds the invariant `apply(viewFor(s, v), eventFor(e, v))` equals
 * `viewFor(apply(s, e), v)` (votes compared as a multiset: their order carries no meaning).
 */
export function eventFor(event: DomainEvent, viewer: Viewer): DomainEvent {
  switch (event.type) {
    case 'topic:added':
      return { ...event, topic: topicFor(event.topic, viewer) };
    case 'topic:removed':
      return {
        ...event,
        returnedVotes: event.returnedVotes.map((v) => voteFor(v, viewer, !event.hidden)),
      };
    case 'vote:cast':
    case 'vote:retracted':
      return {
        ...event,
        vote: voteFor(event.vote, viewer, !event.hidden),
      };
    case 'votes:revealed':
      return {
        ...event,
        votes: event.votes.map((v) => voteFor(v, viewer, true)),
      };
    case 'thumbs:cast':
      return {
        ...event,
        ballot: ballotFor(event.ballot, viewer, !event.hidden),
      };
    case 'thumbs:revealed':
      return {
        ...event,
        ballots: event.ballots.map((b) => ballotFor(b, viewer, true)),
      };
    case 'roti:cast':
      return { ...event, ballot: rotiFor(event.ballot, viewer) };
    default:
      return event;
  }
}

/**
 * Whether someone without a seat may read the session: once it has ended, its summary is the
 * record of the meeting, and a latecomer (or someone whose phone forgot the seat) reads it instead
 * of a join form. While it runs, only seats read it.
 */
export function mayReadWithoutSeat(state: SessionState): boolean {
  return state.phase === 'ended';
}

/**
 * The copy a reader without a seat gets: what every participant sees and nothing one of them
 * sees only of themselves (their own anonymous topics, votes, thumbs and ROTI score stay masked).
 */
export function viewForReaderWithoutSeat(state: SessionState): SessionState {
  return viewFor(state, { participantId: '' });
}
