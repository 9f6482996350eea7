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

  // Between meetings (issue 17): every list a member can grow there has a cap.
  /** Answers one tension asked between meetings may collect. */
  asyncAnswersPerTension: 30,
  /** Proposals waiting for objections at once, in one space. */
  openProposalsPerSpace: 20,
  /** Closed proposals the live state keeps (their outcome lives on in `between` and the decision log). */
  closedProposalsKept: 30,
  questionsPerProposal: 50,
  reactionsPerProposal: 50,
  /** Between-meetings records the live state keeps, the newest. */
  betweenRecordsKept: 200,
  /** Changes one proposal makes to the register. */
  registerChangesPerProposal: 10,
  /** Roles and rules of the register, removed ones included (they keep their history). */
  registerRoles: 100,
  registerRules: 100,
  /** History lines kept per register entry, the newest. */
  registerHistoryPerEntry: 50,
  registerRoleName: 60,
  registerRolePurpose: 300,
  accountabilitiesPerRole: 20,
  accountabilityText: 200,
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
