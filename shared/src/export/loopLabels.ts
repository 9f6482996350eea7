import type { AsyncAnswerKind } from '../teamSpace/betweenMeetingsTypes.ts';
import type { RegisterChangeOp } from '../teamSpace/registerTypes.ts';
import type { MeetingStage, RoomKey, SyncOutcomeType } from '../teamSpace/state.ts';

/**
 * The words of a team meeting's minutes and of the decision log in the reader's language. The
 * texts live in the web app's translation catalog (`web/src/lib/teamMinutesLabels.ts` builds this
 * from it), so each exists once per language; the exporters and the minutes page only place them.
 */
export interface LoopMinutesLabels {
  meetingOn: (date: string) => string;
  rooms: Record<RoomKey, string>;
  attendees: string;
  facilitator: string;
  scribe: string;
  nobody: string;
  /** Heads the steps a meeting skipped or ended before. */
  skipped: string;
  stages: Record<MeetingStage, string>;
  checklist: string;
  checklistDone: { true: string; false: string; null: string };
  metrics: string;
  projectUpdates: string;
  tensions: string;
  noTensions: string;
  outcome: string;
  outcomes: Record<SyncOutcomeType, string>;
  gotWhatNeeded: { true: string; false: string };
  agreement: string;
  personalNotShared: (count: number) => string;
  decisionLog: string;
  adopted: string;
  /** Heads the adopted text under a tension. */
  decision: string;
  /** A governance tension that left the meeting without a decision. */
  notAdopted: string;
  /** A decision that moved from the live log to the archive: the full log has it. */
  decisionArchived: string;
  present: string;
  /** Those whom the facilitator recorded as absent in the objection round, instead of an answer. */
  markedAbsent: string;
  actions: string;
  due: string;
  noOwner: string;
  stillOpen: string;
  between: BetweenMinutesLabels;
  register: RegisterMinutesLabels;
}

/** The words of the work done between meetings, in the minutes and the decision log. */
export interface BetweenMinutesLabels {
  /** Heads the section: "Zwischen den Meetings". */
  heading: string;
  /** Before the date of a decision adopted when its objection window closed. */
  adopted: string;
  /** Those who said "no objection". */
  noObjection: string;
  /** Those who were asked and did not respond. */
  noResponse: string;
  answers: string;
  answerKinds: Record<AsyncAnswerKind, string>;
  /** A proposal its window sent to a governance meeting, and why. */
  toMeeting: Record<'objection' | 'pulled' | 'not-applicable', string>;
  objections: string;
  withdrawn: string;
  dropped: string;
}

/** The words of the register of roles and rules and of the changes a decision makes to it. */
export interface RegisterMinutesLabels {
  /** Heads the register section: "Rollen und Regeln". */
  heading: string;
  /** Heads a decision's changes to the register. */
  changes: string;
  roles: string;
  rules: string;
  empty: string;
  ops: Record<RegisterChangeOp, string>;
  fields: Record<'name' | 'purpose' | 'accountabilities' | 'title' | 'text', string>;
  filledBy: string;
  /** An entry the change names but the register does not know (a damaged log). */
  unknown: string;
}
