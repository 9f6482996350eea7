import type { SessionAccess } from '../session/sessionAccess.ts';
import type { Participant, ParticipantId } from '../core/participants.ts';
import type { Timer } from '../core/timer.ts';
import type { AsyncAsk, AsyncProposal, BetweenRecord } from './betweenMeetingsTypes.ts';
import type { Register, RegisterChange } from './registerTypes.ts';
import type { SpaceRhythm } from './rhythmTypes.ts';

/** The four rooms of the 4-room model (Tom Thomison's "Four Spaces"), in their usual order. */
export const roomKeys = ['operational', 'governance', 'individual', 'relationship'] as const;
export type RoomKey = (typeof roomKeys)[number];

/** Rooms whose content is personal: kept out of minutes unless the group marks it shareable. */
export const personalRooms: readonly RoomKey[] = ['individual', 'relationship'];

export type TensionId = string;
export type ActionId = string;

/** What a sync meeting gave the tension holder, answering "What do you need?". */
export type SyncOutcome =
  | { type: 'information'; note: string }
  | { type: 'next-action'; actionId: ActionId }
  | { type: 'project'; actionId: ActionId }
  | { type: 'help'; note: string }
  | { type: 'sharing'; note: string }
  | { type: 'to-governance' };

export type SyncOutcomeType = SyncOutcome['type'];

/** The felt gap between how something is and how it could be, brought by a member. */
export interface Tension {
  id: TensionId;
  title: string;
  description: string;
  /** `null` in a viewer's copy when the tension is anonymous and the viewer did not bring it. */
  authorId: ParticipantId | null;
  anonymous: boolean;
  createdAt: number;
  /** The room its holder suggested. */
  proposedRoom: RoomKey;
  /** Where it is processed: the proposed room until a facilitator confirms or moves it. */
  room: RoomKey;
  roomConfirmed: boolean;
  status: 'open' | 'resolved' | 'withdrawn';
  outcome: SyncOutcome | null;
  /** The answer to "Did you get what you need?". */
  gotWhatNeeded: boolean | null;
  /** Individual and relationship rooms record only an agreement, never what was said. */
  agreement: string | null;
  /** Whether personal-room content may appear in minutes and reach the whole team. */
  shareable: boolean;
  /**
   * Members present at a meeting of its room while it was open: with its holder, the only ones
   * who may read it while it is private (see `mayReadTension`). Only ever grows.
   */
  readers: ParticipantId[];
  resolvedAt: number | null;
  /** The meeting that last processed it. */
  meetingId: string | null;
  /** Asked between meetings ("needs an answer, not a meeting"); `null` when not. Missing in stored tensions before it existed. */
  async: AsyncAsk | null;
}

export interface ActionItem {
  id: ActionId;
  kind: 'next-action' | 'project';
  text: string;
  ownerId: ParticipantId | null;
  ownerName: string | null;
  due: string | null;
  status: 'open' | 'done';
  tensionId: TensionId | null;
  meetingId: string | null;
  createdAt: number;
}

/** An entry of the decision log (Beschlussbuch). */
export interface Decision {
  id: string;
  /**
   * The decision's number in its space's log, from 1, given at adoption and never changed: the
   * minutes and the log cite it, and the live state keeps only the newest decisions (older ones
   * move to the archive), so a position in a list cannot number them.
   */
  number: number;
  tensionId: TensionId;
  title: string;
  text: string;
  adoptedAt: number;
  /** The meeting that adopted it; `null` when it was adopted between meetings (see `betweenMeetings`). */
  meetingId: string | null;
  /** Names of those present who answered the last objection round, as they were when it was adopted. */
  present: string[];
  /**
   * Names of those the facilitator marked absent in the last objection round: they were not heard,
   * and the log says so instead of counting them as "no objection". Missing in decisions logged
   * before marking absent existed (team spaces are kept for months).
   */
  markedAbsent?: string[];
  /**
   * Adopted between meetings: its window closed with no objection. `present` then names who said
   * "no objection"; `noResponse` who was asked and did not answer.
   */
  betweenMeetings?: { proposalId: string; noResponse: string[] };
  /** What it changed in the register, as adopted (missing or empty: nothing). */
  changes?: RegisterChange[];
}

export type RoundKind = 'checkin' | 'reaction' | 'objection' | 'closing' | 'personal';

/** One person after another; `index === order.length` when everyone has had their turn. */
export interface Round {
  kind: RoundKind;
  order: ParticipantId[];
  index: number;
  passed: ParticipantId[];
  /**
   * Whom the facilitator marked absent when their turn came (objection rounds only). Missing in a
   * round stored before marking absent existed.
   */
  absent?: ParticipantId[];
}

export type IdmStep = 'proposal' | 'clarifying' | 'reaction' | 'amend' | 'objection' | 'integration' | 'adopted';

/** The steps of integrative decision-making, in order. */
export const idmSteps: readonly IdmStep[] = [
  'proposal',
  'clarifying',
  'reaction',
  'amend',
  'objection',
  'integration',
  'adopted',
];

export interface Objection {
  id: string;
  by: ParticipantId;
  reason: string;
  /**
   * `valid` once the facilitator's test upholds it (it still waits for integration), `invalid`
   * once the test finds it causes no harm, `integrated` once the proposal takes it in.
   */
  status: 'open' | 'valid' | 'invalid' | 'integrated';
  round: number;
}

/** Integrative decision-making on one governance tension. */
export interface GovernanceProcess {
  tensionId: TensionId;
  proposerId: ParticipantId;
  step: IdmStep;
  proposal: string;
  objections: Objection[];
  /** Objection rounds started so far. */
  objectionRounds: number;
  /** The proposal published between meetings this process integrates, if it came from one. */
  proposalId?: string | null;
  /** What adopting the proposal changes in the register (missing: nothing). */
  changes?: RegisterChange[];
}

/** What happened to one tension in one meeting, kept as it was then for the minutes. */
export interface ProcessedTension {
  tensionId: TensionId;
  title: string;
  outcome: SyncOutcome | null;
  gotWhatNeeded: boolean | null;
  agreement: string | null;
  decisionId: string | null;
  resolved: boolean;
  /** Who may read `title` and `agreement`: those present then, when it was private; `null`: everyone. */
  readers: ParticipantId[] | null;
}

export type MeetingStage = 'checkin' | 'checklist' | 'projects' | 'agenda' | 'tensions' | 'closing';

/** A sync meeting walks the whole agenda; the other rooms skip checklist and project updates. */
export function stagesFor(room: RoomKey): readonly MeetingStage[] {
  return room === 'operational'
    ? ['checkin', 'checklist', 'projects', 'agenda', 'tensions', 'closing']
    : ['checkin', 'agenda', 'tensions', 'closing'];
}

export interface Meeting {
  id: string;
  room: RoomKey;
  startedAt: number;
  facilitatorId: ParticipantId;
  /** Transparenzmeister:in: keeps the record. */
  scribeId: ParticipantId | null;
  attendees: ParticipantId[];
  stage: MeetingStage;
  checklist: Array<{ label: string; done: boolean | null }>;
  metrics: Array<{ label: string; value: string }>;
  projectUpdates: Array<{ actionId: ActionId; note: string }>;
  agenda: TensionId[];
  currentTensionId: TensionId | null;
  processed: ProcessedTension[];
  round: Round | null;
  process: GovernanceProcess | null;
  timer: Timer;
  /** Steps left without doing what they are for, in order. Missing in meetings started before it existed. */
  skipped?: MeetingStage[];
}

/** What is kept of an ended meeting, for its minutes. */
export interface MeetingRecord {
  id: string;
  room: RoomKey;
  startedAt: number;
  endedAt: number;
  facilitatorId: ParticipantId;
  scribeId: ParticipantId | null;
  attendees: ParticipantId[];
  checklist: Array<{ label: string; done: boolean | null }>;
  metrics: Array<{ label: string; value: string }>;
  projectUpdates: Array<{ actionId: ActionId; note: string }>;
  processed: ProcessedTension[];
  /** Steps the meeting skipped or ended before, in order. Missing in records kept before it existed. */
  skipped?: MeetingStage[];
}

/**
 * A seat that was merged into another (the same person had two). Only the space's archive still
 * names `from`: archived items are read through this list (`withMergedSeats`); the live state
 * names `into` everywhere. Chains are kept flat: merging `into` away later repoints `from` too.
 */
export interface MergedSeat {
  from: ParticipantId;
  into: ParticipantId;
  /**
   * The facilitator who merged held one of the two seats. The live state let that merge pass only
   * when it showed them nothing hidden, but the archive was not looked at: archived items of such a
   * merge keep the old seat's privileges (`archiveForViewer`), so a merge never opens to its own
   * maker what another seat's archive hid.
   */
  byParty?: true;
}

/**
 * A team's persistent space: members, the tension backlog, open actions and the decision log,
 * carried from one meeting to the next.
 */
export interface TeamSpaceState {
  id: string;
  kind: 'team-space';
  /** Who may hold a seat; absent: anyone with the link (see `SessionAccess`). */
  access?: SessionAccess;
  title: string;
  createdAt: number;
  /** Custom room names; `null` keeps the default name in the reader's language. */
  roomNames: Record<RoomKey, string | null>;
  /** The sync meeting's checklist items and metrics, as the team defines them. */
  checklist: string[];
  metrics: string[];
  participants: Participant[];
  tensions: Tension[];
  actions: ActionItem[];
  /** The newest decisions; older ones are in the space's archive (`keepRecentHistory`). */
  decisions: Decision[];
  /** Decisions ever adopted in this space, archived ones included: the number of the newest. */
  decisionsAdopted: number;
  meetings: MeetingRecord[];
  meeting: Meeting | null;
  /** Roles and rules, changed only by adopted decisions. */
  register: Register;
  /** Governance proposals published between meetings: the open ones, and closed ones kept (`limits.closedProposalsKept`). */
  proposals: AsyncProposal[];
  /** What happened between meetings, the newest `limits.betweenRecordsKept`. */
  between: BetweenRecord[];
  /** When the team meets, its time zone, and the objection window. */
  rhythm: SpaceRhythm;
  /** Seats merged into others (`space:members-merged`), oldest first; missing in spaces that never merged. */
  mergedSeats?: MergedSeat[];
}
