import type { SessionAccess } from '../session/sessionAccess.ts';
import type { z } from 'zod';
import type { leanCoffeeSettingsSchema, outcomeKindSchema, phaseSchema, thumbSchema } from '../protocol/schemas.ts';

import type { IdKind } from '../core/decision.ts';
import type { Participant, ParticipantId, Role } from '../core/participants.ts';
import type { Timer } from '../core/timer.ts';
import type { HallLink } from './hallLink.ts';

// What every kind shares lives in core/; named here too, so this kind's files import one place.
export type { IdKind, Participant, ParticipantId, Role, Timer };

export type TopicId = string;
export type OutcomeId = string;
export type Phase = z.infer<typeof phaseSchema>;
export type LeanCoffeeSettings = z.infer<typeof leanCoffeeSettingsSchema>;
export type Thumb = z.infer<typeof thumbSchema>;
export type OutcomeKind = z.infer<typeof outcomeKindSchema>;

/** Where a topic stands on the board: To discuss, Discussing, Discussed (or skipped). */
export type TopicStatus = 'open' | 'discussing' | 'discussed' | 'skipped';

/** One thumbs vote on a topic, as kept in the topic's history. */
export interface ThumbsRound {
  up: number;
  side: number;
  down: number;
  outcome: 'extended' | 'closed';
  at: number;
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
  /** Titles of duplicates merged into this topic. */
  mergedTitles: string[];
  status: TopicStatus;
  /** When the current stretch of discussion began; `null` while not discussing. */
  discussingSince: number | null;
  /** Discussion time before the current stretch. */
  spentMs: number;
  /** When the topic last left the Discussing column, to order the Discussed column. */
  endedAt: number | null;
  /** Extensions granted so far; picks the next extension length. */
  extensions: number;
  thumbsHistory: ThumbsRound[];
}

/**
 * One dot. In a viewer's copy, other people's dots carry `voterId: null` (tallies are public,
 * who voted for what is not), and while hidden voting is unrevealed also `topicId: null`.
 */
export interface Vote {
  voterId: ParticipantId | null;
  topicId: TopicId | null;
}

/**
 * One thumbs ballot. Ballots sit in `slot` order so a masked copy can follow a changed ballot;
 * other people's ballots are masked until the round is revealed, and their voter always.
 */
export interface ThumbsBallot {
  voterId: ParticipantId | null;
  value: Thumb | null;
}

export interface ThumbsVote {
  topicId: TopicId;
  ballots: ThumbsBallot[];
  revealed: boolean;
}

export interface Outcome {
  id: OutcomeId;
  topicId: TopicId;
  kind: OutcomeKind;
  text: string;
  authorId: ParticipantId;
  /** For actions: a participant, or a typed name, or nobody yet. */
  ownerId: ParticipantId | null;
  ownerName: string | null;
  due: string | null;
  createdAt: number;
}

/** One person's line in the closing round; `text: null` when they passed. */
export interface ClosingEntry {
  participantId: ParticipantId;
  text: string | null;
}

/** A "return on time invested" score, 1 to 5. Anonymous to everyone but the voter. */
export interface RotiBallot {
  voterId: ParticipantId | null;
  score: number;
}

/**
 * The whole state of one session. The server holds the full copy; each client holds the copy
 * {@link viewFor} made for it, and both are advanced by the same `apply`.
 */
export interface SessionState {
  id: string;
  kind: 'lean-coffee';
  /** Who may hold a seat; absent: anyone with the link (see `SessionAccess`). */
  access?: SessionAccess;
  title: string;
  createdAt: number;
  settings: LeanCoffeeSettings;
  phase: Phase;
  participants: Participant[];
  /** In the order they were proposed. */
  topics: Topic[];
  votes: Vote[];
  /** Whether hidden tallies have been shown. Always true when voting is not hidden. */
  votesRevealed: boolean;
  /** The facilitator's order for the To discuss column; `null` means by votes. */
  agenda: TopicId[] | null;
  timer: Timer;
  thumbs: ThumbsVote | null;
  outcomes: Outcome[];
  closing: ClosingEntry[];
  roti: RotiBallot[];
  /** The hall this session is one table of; `null` for every Lean Coffee that is not a table. */
  hall: HallLink | null;
  /** The takeaway the facilitator marked as the most important one (a table's pick for its hall's harvest). */
  highlightId: OutcomeId | null;
}

/** The phases in order; the facilitator moves one step at a time. */
export const phaseOrder: readonly Phase[] = ['collect', 'vote', 'discuss', 'wrapup', 'ended'];
