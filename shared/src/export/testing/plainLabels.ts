import type { MinutesLabels } from '../labels.ts';
import type { LoopMinutesLabels } from '../loopLabels.ts';

/**
 * Labels for tests of the exporters' Markdown structure, which does not depend on the words: each
 * label is a plain word. The real texts are in the web app's catalog, and the golden tests there
 * check them.
 */
const word = 'label';

export const plainMinutesLabels: MinutesLabels = {
  leanCoffee: word,
  participants: word,
  facilitator: word,
  votesPerPerson: word,
  discussed: word,
  notDiscussed: word,
  skipped: word,
  votes: (n) => `${n} ${word}`,
  timeSpent: word,
  mergedFrom: (titles) => `${word}: ${titles}`,
  thumbsHistory: word,
  thumbsOutcome: { extended: word, closed: word },
  takeaways: word,
  actions: word,
  owner: word,
  due: word,
  dueColumn: word,
  noOwner: word,
  closingRound: word,
  passed: word,
  roti: word,
  rotiSummary: (average, count) => `${word} ${average} ${count}`,
  allActions: word,
  topic: word,
  action: word,
  csvHeader: [word],
  csvKind: { topic: word, takeaway: word, action: word, closing: word, roti: word },
  csvStatus: { discussed: word, notDiscussed: word },
  csvSeparator: ',',
  nothingYet: word,
};

export const plainLoopMinutesLabels: LoopMinutesLabels = {
  meetingOn: (date) => `${word} ${date}`,
  rooms: { operational: word, governance: word, individual: word, relationship: word },
  attendees: word,
  facilitator: word,
  scribe: word,
  nobody: word,
  skipped: word,
  stages: { checkin: word, checklist: word, projects: word, agenda: word, tensions: word, closing: word },
  checklist: word,
  checklistDone: { true: word, false: word, null: word },
  metrics: word,
  projectUpdates: word,
  tensions: word,
  noTensions: word,
  outcome: word,
  outcomes: {
    information: word,
    'next-action': word,
    project: word,
    help: word,
    sharing: word,
    'to-governance': word,
  },
  gotWhatNeeded: { true: word, false: word },
  agreement: word,
  personalNotShared: (count) => `${count} ${word}`,
  decisionLog: word,
  adopted: word,
  decision: word,
  notAdopted: word,
  decisionArchived: word,
  present: word,
  markedAbsent: word,
  actions: word,
  due: word,
  noOwner: word,
  stillOpen: word,
};
