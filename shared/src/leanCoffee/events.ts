import type {
  ClosingEntry,
  LeanCoffeeSettings,
  Outcome,
  OutcomeId,
  ParticipantId,
  Phase,
  RotiBallot,
  ThumbsBallot,
  ThumbsRound,
  Topic,
  TopicId,
  TopicStatus,
  Vote,
} from './state.ts';

import type { SessionAccessEvent } from '../session/sessionAccess.ts';
import type { ParticipantEvent } from '../core/participants.ts';
import type { HallLink } from './hallLink.ts';
import type { TimerSetEvent } from '../core/timer.ts';

export type { TimerChange } from '../core/timer.ts';

/** Facts that happened to a session. Events are never rejected: `decide` already checked the rules. */
export type DomainEvent =
  | {
      type: 'session:created';
      id: string;
      kind: 'lean-coffee';
      title: string;
      settings: LeanCoffeeSettings;
      createdAt: number;
      /** Present when the session opens as a table of a hall; logs of earlier releases lack it. */
      hall?: HallLink;
    }
  | ParticipantEvent
  | SessionAccessEvent
  | { type: 'settings:updated'; title: string; settings: LeanCoffeeSettings }
  | { type: 'phase:changed'; phase: Phase }
  | { type: 'topic:added'; topic: Topic }
  | {
      type: 'topic:edited';
      topicId: TopicId;
      title: string;
      description: string;
    }
  /** Carries the dots that go back to their voters, so masked copies can drop them too. */
  /**
   * Carries the dots that go back to their voters, so masked copies can drop them too. `hidden`
   * (on every event that carries ballots) says whether tallies were hidden when it happened, so
   * each event can be masked on its own, without the state around it.
   */
  | { type: 'topic:removed'; topicId: TopicId; returnedVotes: Vote[]; hidden: boolean }
  | {
      type: 'topics:merged';
      sourceId: TopicId;
      targetId: TopicId;
      mergedTitles: string[];
    }
  | {
      type: 'topic:status-changed';
      topicId: TopicId;
      status: TopicStatus;
      at: number;
    }
  | { type: 'topic:extended'; topicId: TopicId }
  | { type: 'agenda:reordered'; agenda: TopicId[] | null }
  | { type: 'vote:cast'; vote: Vote; hidden: boolean }
  | { type: 'vote:retracted'; vote: Vote; hidden: boolean }
  | { type: 'votes:revealed'; votes: Vote[] }
  | TimerSetEvent
  | { type: 'thumbs:opened'; topicId: TopicId }
  | { type: 'thumbs:cast'; slot: number; ballot: ThumbsBallot; hidden: boolean }
  | { type: 'thumbs:revealed'; ballots: ThumbsBallot[] }
  | { type: 'thumbs:closed'; topicId: TopicId; round: ThumbsRound | null }
  | { type: 'outcome:added'; outcome: Outcome }
  | {
      type: 'outcome:edited';
      outcomeId: OutcomeId;
      text: string;
      ownerId: ParticipantId | null;
      ownerName: string | null;
      due: string | null;
    }
  | { type: 'outcome:removed'; outcomeId: OutcomeId }
  | { type: 'closing:submitted'; entry: ClosingEntry }
  | { type: 'roti:cast'; slot: number; ballot: RotiBallot }
  | { type: 'takeaway:highlighted'; outcomeId: OutcomeId | null }
  /** The hall's rhythm as the server copied it in; the table's own `helpSince` already folded in. */
  | { type: 'hall:relayed'; link: HallLink }
  | { type: 'hall:help-changed'; since: number | null };

export type DomainEventType = DomainEvent['type'];

/** An event as stored and sent: with the session version it produced. */
export interface VersionedEvent {
  version: number;
  event: DomainEvent;
}
