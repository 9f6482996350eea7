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
}
