import type { ParticipantId } from '../core/participants.ts';
import type { RegisterChange } from './registerTypes.ts';
import type { Objection, SyncOutcome, TensionId } from './state.ts';

/**
 * Work that moves without a meeting: tensions answered on phones, and governance proposals that
 * wait out an objection window. Only tensions of the shared rooms (operational, governance) can
 * be asked between meetings: personal-room content stays in its meeting (see `privacy.ts`).
 */

/** What an answer offers the holder of a tension asked between meetings. */
export type AsyncAnswerKind = 'information' | 'help' | 'action';

export interface AsyncAnswer {
  id: string;
  by: ParticipantId;
  kind: AsyncAnswerKind;
  text: string;
  at: number;
}

/** A tension marked "needs an answer, not a meeting". */
export interface AsyncAsk {
  askedAt: number;
  answers: AsyncAnswer[];
}

export interface ProposalQuestion {
  id: string;
  by: ParticipantId;
  text: string;
  at: number;
  /** The proposer's answer. */
  answer: string | null;
  answeredAt: number | null;
}

export interface ProposalReaction {
  id: string;
  by: ParticipantId;
  text: string;
  at: number;
}

/** A member's answer to "Do you see a reason why adopting this would cause harm?"; the newest counts. */
export interface ProposalResponse {
  by: ParticipantId;
  at: number;
  /** `null`: no objection; otherwise the id of the objection this member raised. */
  objectionId: string | null;
}

export type ProposalStatus =
  /** Waiting for objections until `closesAt`. */
  | 'open'
  /** Adopted when its window closed with no objection. */
  | 'adopted'
  /** On the next governance meeting's agenda (objected, or pulled forward by a facilitator). */
  | 'to-meeting'
  /** Adopted in a governance meeting after integration. */
  | 'adopted-in-meeting'
  /** Its tension was closed in a meeting without adopting it, or its proposer withdrew it. */
  | 'dropped'
  | 'withdrawn';

/** A governance proposal published between meetings, with its objection window. */
export interface AsyncProposal {
  id: string;
  /** The governance tension it answers (created when published without one); a meeting processes it. */
  tensionId: TensionId;
  authorId: ParticipantId;
  title: string;
  text: string;
  /** What adopting it changes in the register (may be empty: a proposal about something else). */
  changes: RegisterChange[];
  publishedAt: number;
  closesAt: number;
  status: ProposalStatus;
  closedAt: number | null;
  /** Why it went to a meeting: an objection, or a facilitator pulled it forward. */
  toMeeting: 'objection' | 'pulled' | 'not-applicable' | null;
  /** Members when it was published: whose response is waited for. */
  asked: ParticipantId[];
  questions: ProposalQuestion[];
  reactions: ProposalReaction[];
  responses: ProposalResponse[];
  /** Every objection raised in the window; they travel to the meeting's integration. */
  objections: Objection[];
  decisionId: string | null;
}

/** What happened between meetings, for the minutes and the log, oldest first. */
export type BetweenRecord =
  | {
      kind: 'tension-resolved';
      id: string;
      at: number;
      tensionId: TensionId;
      title: string;
      outcome: SyncOutcome;
      answers: AsyncAnswer[];
    }
  | {
      kind: 'proposal-closed';
      id: string;
      at: number;
      proposalId: string;
      tensionId: TensionId;
      title: string;
      status: Exclude<ProposalStatus, 'open' | 'adopted-in-meeting'>;
      decisionId: string | null;
    };
