import type { z } from 'zod';
import type { leanCoffeeSettingsSchema, phaseSchema } from '../protocol/schemas.ts';

export type ParticipantId = string;
export type TopicId = string;
export type Role = 'facilitator' | 'participant';
export type Phase = z.infer<typeof phaseSchema>;
export type LeanCoffeeSettings = z.infer<typeof leanCoffeeSettingsSchema>;

export interface Participant {
  id: ParticipantId;
  name: string;
  role: Role;
  online: boolean;
  joinedAt: number;
}

export interface Topic {
  id: TopicId;
  title: string;
  description: string;
  /** `null` in a viewer's copy when the topic is anonymous and the viewer is not its author. */
  authorId: ParticipantId | null;
  /** Fixed when the topic is proposed, so switching the setting later never unmasks anyone. */
  anonymous: boolean;
  createdAt: number;
}

/**
 * One dot. In a viewer's copy, other people's dots carry `voterId: null`: tallies are public,
 * who voted for what is not.
 */
export interface Vote {
  voterId: ParticipantId | null;
  topicId: TopicId;
}

/**
 * The whole state of one session. The server holds the full copy; each client holds the copy
 * {@link viewFor} made for it, and both are advanced by the same `apply`.
 */
export interface SessionState {
  id: string;
  kind: 'lean-coffee';
  title: string;
  createdAt: number;
  settings: LeanCoffeeSettings;
  phase: Phase;
  participants: Participant[];
  /** In the order they were proposed. */
  topics: Topic[];
  votes: Vote[];
}

/** The phases in order; the facilitator moves one step at a time. */
export const phaseOrder: readonly Phase[] = ['collect', 'vote', 'discuss', 'done'];
