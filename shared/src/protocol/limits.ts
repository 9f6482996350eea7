/**
 * Size limits shared by the server's schemas, the pure rules (`decide`) and the client's input
 * fields. Every list a participant can make longer has a cap here, and every text a length, so the
 * largest state a session can reach is bounded (worst cases: docs/security.md, `bench/sizes.ts`).
 */
export const limits = {
  sessionTitle: 120,
  displayName: 40,
  topicTitle: 140,
  topicDescription: 1000,
  votesPerPersonMax: 20,
  participantsPerSession: 5000,
  topicsPerSession: 500,
  topicsPerPersonMax: 50,
  /**
   * Topics one person may propose when the session sets no limit (`topicsPerPerson: null`): far
   * more than anyone brings to a Lean Coffee, and one person can never take more than a twenty-fifth of the board.
   */
  topicsPerPersonUnset: 20,
  timerMinutesMax: 120,
  extensionStepsMax: 10,
  /** Thumbs rounds that extend one topic; each adds a line to its history. */
  extensionsPerTopic: 20,
  outcomeText: 500,
  outcomesPerSession: 2000,
  /** Takeaways and actions one person may write in one Lean Coffee: a twentieth of the session's. */
  outcomesPerPerson: 100,
  closingText: 200,

  /** A team space is one team: members beyond this belong in a space of their own. */
  membersPerSpace: 30,
  /**
   * Seats merged into others a space remembers (archived items are read through this list, see
   * `mergeMembers.ts`); beyond it a facilitator is refused. Ten times the members: every seat of a
   * full team merged ten times over.
   */
  mergedSeatsPerSpace: 300,
  /** The open backlog of a whole team space, all rooms together. */
  openTensionsPerSpace: 100,
  /** Open tensions one member may hold at once: nobody can take the whole backlog (a tenth). */
  openTensionsPerMember: 10,
  /**
   * Resolved and withdrawn tensions the live state keeps; older ones move to the space's archive
   * (nothing is destroyed), and live on in the minutes.
   */
  closedTensionsKept: 100,
  /** Open next actions and projects of a team space. */
  openActionsPerSpace: 100,
  /** Done actions the live state keeps; the oldest done ones move to the space's archive first. */
  doneActionsKept: 100,
  /**
   * Decisions the live state keeps, the newest; older ones move to the space's archive and are read
   * from there page by page. A year of a team adopting one a week: what the log shows without asking.
   */
  decisionsKept: 50,
  /**
   * Decisions one space may ever adopt, archived ones included. The archive keeps exactly this many
   * (server `DECISION_ARCHIVE_MAX_ENTRIES`), so a Beschlussbuch never loses an entry silently: past
   * it, new proposals are refused. Twenty decisions every week for 48 years.
   */
  decisionsPerSpace: 50_000,
  /**
   * Ended meetings whose minutes the live state keeps, the newest: half a year of weekly meetings,
   * what the minutes page shows without asking. Older minutes move to the space's archive and are
   * read from there page by page (`archive:page`), as are decisions beyond `decisionsKept`.
   */
  meetingsKept: 26,
  /** Tensions one meeting may take up; each becomes a line of its minutes. */
  tensionsPerMeeting: 20,
  /** Projects one sync meeting may note an update on. */
  projectUpdatesPerMeeting: 20,
  /** Objection rounds on one proposal; past that it goes back to its holder, not round after round. */
  objectionRoundsPerProcess: 10,
  /** Objections one proposal may collect, over all its rounds (going back re-runs a round too). */
  objectionsPerProcess: 100,
  /** Items of the sync meeting's checklist, and its metrics. */
  checklistItems: 20,
  metrics: 20,
  metricValue: 200,
  roomName: 40,

  // Between meetings (issue 17): every list a member can grow there has a cap. Together they keep
  // the worst-case team space (`WORST_CASE_TEAM_SPACE_BYTES`, docs/security.md) under 10 MB
  // (measured 9.93 MB, in three-byte characters): at the first caps a full register alone weighed
  // about 86 MB and the whole space 138 MB. Costs below are that worst case's.
  /**
   * Texts members write between meetings on a phone: async answers, questions on a proposal and
   * their answers, reactions, and objections raised in the window (a meeting's own objections and
   * outcomes keep `outcomeText`). A few sentences (up to 0.9 KB each); discussion belongs in a meeting.
   */
  betweenText: 280,
  /**
   * Answers one tension asked between meetings may collect: more than five means it needs a
   * meeting. They stay on the tension (open and kept closed ones: 200) and in its record, so each
   * answer allowed costs about 0.2 MB.
   */
  asyncAnswersPerTension: 5,
  /**
   * Proposals alive at once in one space: waiting for objections, or for the next governance
   * meeting (`to-meeting`; counted too, else pulled ones would only be bounded by the backlog).
   * A full proposal weighs about 72 KB (every member's objection, its changes, questions).
   */
  openProposalsPerSpace: 10,
  /** Closed proposals the live state keeps (their outcome lives on in `between` and the decision log). */
  closedProposalsKept: 5,
  /** Questions and reactions on one proposal: a proposal asked eight questions needs a meeting. */
  questionsPerProposal: 8,
  reactionsPerProposal: 8,
  /** Between-meetings records the live state keeps, the newest (up to 7 KB each, with the answers). */
  betweenRecordsKept: 30,
  /**
   * Changes one proposal makes to the register: a whole role is up to 4 KB, and every kept
   * decision carries its changes (50 × 4 = 0.66 MB), so this bounds the decision log as well as
   * the proposals. Adding a role, filling it and amending two others fits; a reorganisation is
   * split into several proposals.
   */
  registerChangesPerProposal: 4,
  /**
   * Roles and rules of the register, removed ones included (they keep their history): a municipal
   * team with 50 roles and 50 rules is already very large. A full entry with its history is 9 KB.
   */
  registerRoles: 50,
  registerRules: 50,
  /** History lines kept per register entry, the newest: years of a role changing every few months. */
  registerHistoryPerEntry: 20,
  /**
   * History lines of an entry that keep what it was before (content, fillers): the newest only.
   * Older lines keep decision, op and time (about 110 bytes); the decision's `changes` say what it
   * became. A full copy on every line multiplied the register by its history length.
   */
  registerHistoryWithBefore: 1,
  registerRoleName: 60,
  /**
   * A role's purpose is one sentence; its accountabilities are short lines ("Pflegt die Website"):
   * GlassFrog roles rarely list more than eight.
   */
  registerRolePurpose: 200,
  accountabilitiesPerRole: 8,
  accountabilityText: 100,
  registerRuleText: 1000,
  /** Recurring meetings of one space. */
  rhythmMeetings: 8,
  objectionWindowDaysMax: 30,
  meetingMinutesMax: 480,
} as const;

/**
 * Join codes avoid characters that look alike on a projector or are hard to say aloud:
 * no 0/O, 1/I/L. Six characters give about 887 million codes.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** Upper-cases and drops spaces and dashes, so "abc-234" and "ABC 234" both work when typed. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
