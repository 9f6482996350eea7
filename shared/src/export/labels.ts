/** The words of an exported record, in each language the app speaks. */
export interface MinutesLabels {
  leanCoffee: string;
  participants: string;
  facilitator: string;
  votesPerPerson: string;
  discussed: string;
  notDiscussed: string;
  skipped: string;
  votes: (n: number) => string;
  timeSpent: string;
  mergedFrom: string;
  thumbsHistory: string;
  thumbsOutcome: { extended: string; closed: string };
  takeaways: string;
  actions: string;
  owner: string;
  due: string;
  dueColumn: string;
  noOwner: string;
  closingRound: string;
  passed: string;
  roti: string;
  rotiSummary: (average: string, count: number) => string;
  allActions: string;
  topic: string;
  action: string;
  csvHeader: readonly string[];
  csvKind: { topic: string; takeaway: string; action: string };
  nothingYet: string;
}

export const minutesLabels: Record<'de' | 'en', MinutesLabels> = {
  en: {
    leanCoffee: 'Lean Coffee',
    participants: 'Participants',
    facilitator: 'facilitator',
    votesPerPerson: 'Votes per person',
    discussed: 'Topics discussed',
    notDiscussed: 'Not discussed',
    skipped: 'skipped',
    votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    timeSpent: 'time',
    mergedFrom: 'Merged with',
    thumbsHistory: 'Thumbs votes',
    thumbsOutcome: { extended: 'extended', closed: 'closed' },
    takeaways: 'Takeaways',
    actions: 'Actions',
    owner: 'Owner',
    due: 'due',
    dueColumn: 'Due',
    noOwner: 'no owner yet',
    closingRound: 'Closing round',
    passed: 'passed',
    roti: 'Return on time invested',
    rotiSummary: (average, count) => `Average ${average} of 5 (${count === 1 ? '1 vote' : `${count} votes`})`,
    allActions: 'All actions',
    topic: 'Topic',
    action: 'Action',
    csvHeader: ['Type', 'Topic', 'Text', 'Votes', 'Minutes', 'Owner', 'Due'],
    csvKind: { topic: 'topic', takeaway: 'takeaway', action: 'action' },
    nothingYet: 'Nothing yet.',
  },
  de: {
    leanCoffee: 'Lean Coffee',
    participants: 'Teilnehmende',
    facilitator: 'Moderation',
    votesPerPerson: 'Punkte pro Person',
    discussed: 'Besprochene Themen',
    notDiscussed: 'Nicht besprochen',
    skipped: 'übersprungen',
    votes: (n) => (n === 1 ? '1 Punkt' : `${n} Punkte`),
    timeSpent: 'Dauer',
    mergedFrom: 'Zusammengeführt mit',
    thumbsHistory: 'Daumenabstimmungen',
    thumbsOutcome: { extended: 'verlängert', closed: 'abgeschlossen' },
    takeaways: 'Erkenntnisse',
    actions: 'Aufgaben',
    owner: 'Verantwortlich',
    due: 'fällig',
    dueColumn: 'Fällig',
    noOwner: 'noch niemand zuständig',
    closingRound: 'Abschlussrunde',
    passed: 'gepasst',
    roti: 'Nutzen der investierten Zeit',
    rotiSummary: (average, count) => `Durchschnitt ${average} von 5 (${count === 1 ? '1 Stimme' : `${count} Stimmen`})`,
    allActions: 'Alle Aufgaben',
    topic: 'Thema',
    action: 'Aufgabe',
    csvHeader: ['Art', 'Thema', 'Text', 'Punkte', 'Minuten', 'Verantwortlich', 'Fällig'],
    csvKind: { topic: 'Thema', takeaway: 'Erkenntnis', action: 'Aufgabe' },
    nothingYet: 'Noch nichts.',
  },
};
