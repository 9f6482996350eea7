import type { SessionAccessEvent } from '../session/sessionAccess.ts';
import type { ParticipantEvent, ParticipantId } from '../core/participants.ts';
import type { TimerSetEvent } from '../core/timer.ts';
import type {
  ActionItem,
  Decision,
  GovernanceProcess,
  IdmStep,
  Meeting,
  MeetingRecord,
  MeetingStage,
  Objection,
  RoomKey,
  Round,
  SyncOutcome,
  Tension,
  TensionId,
} from './state.ts';
import type { TensionDisclosure } from './privacy.ts';
import type {
  AsyncAnswer,
  AsyncAsk,
  AsyncProposal,
  BetweenRecord,
  ProposalQuestion,
  ProposalReaction,
  ProposalResponse,
  ProposalStatus,
} from './betweenMeetingsTypes.ts';
import type { RegisterChange } from './registerTypes.ts';
import type { SpaceRhythm } from './rhythmTypes.ts';

/**
 * Facts that happened in a team space. Events that carry a tension's content say who may read it
 * (`shownTo`, `null`: everyone), so each can be masked on its own, like Lean Coffee's `hidden`.
 */
export type LoopEvent =
  | { type: 'space:created'; id: string; title: string; createdAt: number }
  | {
      type: 'space:updated';
      title: string;
      roomNames: Record<RoomKey, string | null>;
      checklist: string[];
      metrics: string[];
    }
  | ParticipantEvent
  | SessionAccessEvent
  | { type: 'tension:added'; tension: Tension }
  | {
      type: 'tension:edited';
      tensionId: TensionId;
      title: string;
      description: string;
      shownTo: ParticipantId[] | null;
    }
  | { type: 'tension:withdrawn'; tensionId: TensionId }
  | ({ type: 'tension:room-set'; tensionId: TensionId; room: RoomKey } & TensionDisclosure)
  | ({ type: 'tension:shareable-set'; tensionId: TensionId; shareable: boolean } & TensionDisclosure)
  /** More members may read a private tension: those present at a meeting of its room. */
  | ({ type: 'tension:readers-set'; tensionId: TensionId } & TensionDisclosure)
  | { type: 'tension:outcome-set'; tensionId: TensionId; outcome: SyncOutcome }
  /** `agreement` is `null` in the copy of someone who may not read it. */
  | {
      type: 'tension:agreement-set';
      tensionId: TensionId;
      agreement: string | null;
      shownTo: ParticipantId[] | null;
    }
  /** The holder's answer to "Did you get what you need?", one for the whole meeting; `null` takes it back. */
  | { type: 'tension:answered'; tensionId: TensionId; gotWhatNeeded: boolean | null }
  /** `betweenMeetings`: closed outside any meeting (resolved by its holder, or adopted when its window closed). */
  | {
      type: 'tension:closed';
      tensionId: TensionId;
      gotWhatNeeded: boolean | null;
      resolved: boolean;
      at: number;
      betweenMeetings?: true;
    }
  | { type: 'action:added'; action: ActionItem }
  | {
      type: 'action:updated';
      actionId: string;
      text: string;
      ownerId: ParticipantId | null;
      ownerName: string | null;
      due: string | null;
    }
  | { type: 'action:status-set'; actionId: string; status: ActionItem['status'] }
  | { type: 'meeting:started'; meeting: Meeting }
  | { type: 'meeting:role-set'; role: 'facilitator' | 'scribe'; participantId: ParticipantId }
  | { type: 'meeting:attended'; participantId: ParticipantId }
  | { type: 'meeting:stage-set'; stage: MeetingStage }
  /** The meeting left this step, or ended before it, without doing what the step is for. */
  | { type: 'meeting:stage-skipped'; stage: MeetingStage }
  | { type: 'meeting:checklist-marked'; index: number; done: boolean | null }
  | { type: 'meeting:metric-set'; index: number; value: string }
  | { type: 'meeting:project-updated'; actionId: string; note: string }
  | { type: 'meeting:agenda-set'; agenda: TensionId[] }
  | { type: 'meeting:tension-started'; tensionId: TensionId | null }
  | { type: 'meeting:ended'; record: MeetingRecord }
  | { type: 'round:started'; round: Round }
  | { type: 'round:advanced'; passed: boolean }
  | { type: 'round:marked-absent'; participantId: ParticipantId }
  | { type: 'round:ended' }
  | { type: 'process:started'; process: GovernanceProcess }
  /** `changes`: what the proposal changes in the register; missing keeps the changes it had. */
  | { type: 'process:proposal-set'; proposal: string; changes?: RegisterChange[] }
  | { type: 'process:step-set'; step: IdmStep; objectionRounds: number }
  | { type: 'objection:raised'; objection: Objection }
  | { type: 'objection:status-set'; objectionId: string; status: Objection['status'] }
  | { type: 'decision:adopted'; decision: Decision }
  /**
   * One person had two seats: everything of `from` is now `into`'s, and `from` left the members
   * (see `mergeMembers.ts`). The server then points `from`'s devices at `into`.
   */
  /** `byParty`: the facilitator who merged held one of the two seats (see `MergedSeat`). */
  | { type: 'space:members-merged'; from: ParticipantId; into: ParticipantId; byParty?: true }
  /** The team's rhythm, time zone and objection window, as a whole. */
  | { type: 'space:rhythm-set'; rhythm: SpaceRhythm }
  // Between meetings (see betweenMeetingsTypes.ts).
  /** The holder asked for answers instead of a meeting (`async`), or took that back (`null`). */
  | { type: 'tension:async-set'; tensionId: TensionId; async: AsyncAsk | null }
  | { type: 'tension:async-answered'; tensionId: TensionId; answer: AsyncAnswer }
  | { type: 'between:recorded'; record: BetweenRecord }
  | { type: 'proposal:published'; proposal: AsyncProposal }
  | { type: 'proposal:questioned'; proposalId: string; question: ProposalQuestion }
  | { type: 'proposal:question-answered'; proposalId: string; questionId: string; answer: string; at: number }
  | { type: 'proposal:reacted'; proposalId: string; reaction: ProposalReaction }
  /** A member's newest response; `objection` is the one it raises (`null`: no objection). */
  | { type: 'proposal:responded'; proposalId: string; response: ProposalResponse; objection: Objection | null }
  | {
      type: 'proposal:closed';
      proposalId: string;
      status: Exclude<ProposalStatus, 'open'>;
      toMeeting: AsyncProposal['toMeeting'];
      at: number;
      decisionId: string | null;
    }
  /** An adopted decision changed the register; applied in order, each entry's history names the decision. */
  | { type: 'register:changed'; decisionId: string; decisionNumber: number; at: number; changes: RegisterChange[] }
  | TimerSetEvent;

export type LoopEventType = LoopEvent['type'];
