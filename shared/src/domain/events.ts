import type { LeanCoffeeSettings, Participant, ParticipantId, Phase, Topic, TopicId, Vote } from './state.ts';

/** Facts that happened to a session. Events are never rejected: `decide` already checked the rules. */
export type DomainEvent =
  | {
      type: 'session:created';
      id: string;
      kind: 'lean-coffee';
      title: string;
      settings: LeanCoffeeSettings;
      createdAt: number;
    }
  | { type: 'participant:joined'; participant: Participant }
  | { type: 'participant:renamed'; participantId: ParticipantId; name: string }
  | { type: 'participant:presence-changed'; participantId: ParticipantId; online: boolean }
  | { type: 'settings:updated'; title: string; settings: LeanCoffeeSettings }
  | { type: 'phase:changed'; phase: Phase }
  | { type: 'topic:added'; topic: Topic }
  | { type: 'topic:edited'; topicId: TopicId; title: string; description: string }
  | { type: 'topic:removed'; topicId: TopicId }
  | { type: 'vote:cast'; vote: Vote }
  | { type: 'vote:retracted'; vote: Vote };

export type DomainEventType = DomainEvent['type'];

/** An event as stored and sent: with the session version it produced. */
export interface VersionedEvent {
  version: number;
  event: DomainEvent;
}
