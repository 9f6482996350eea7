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
  /** The average ROTI score, written with the language's decimal separator. */
  rotiSummary: (average: number, count: number) => string;
  allActions: string;
  topic: string;
  action: string;
  csvHeader: readonly string[];
  csvKind: { topic: string; takeaway: string; action: string; closing: string; roti: string };
  csvStatus: { discussed: string; notDiscussed: string };
  /**
   * The list separator of this language's spreadsheets: German Excel splits on `;` (the comma is
   * the decimal separator there) and reads a comma-separated file as one column.
   */
  csvSeparator: ';' | ',';
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
    rotiSummary: (average, count) =>
      `Average ${average.toFixed(1)} of 5 (${count === 1 ? '1 vote' : `${count} votes`})`,
    allActions: 'All actions',
    topic: 'Topic',
    action: 'Action',
    csvHeader: ['Type', 'Topic', 'Status', 'Text', 'Votes', 'Minutes', 'Person', 'Due'],
    csvKind: { topic: 'topic', takeaway: 'takeaway', action: 'action', closing: 'closing round', roti: 'ROTI' },
    csvStatus: { discussed: 'discussed', notDiscussed: 'not discussed' },
    csvSeparator: ',',
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
    rotiSummary: (average, count) =>
      `Durchschnitt ${average.toFixed(1).replace('.', ',')} von 5 (${count === 1 ? '1 Stimme' : `${count} Stimmen`})`,
    allActions: 'Alle Aufgaben',
    topic: 'Thema',
    action: 'Aufgabe',
    csvHeader: ['Art', 'Thema', 'Status', 'Text', 'Punkte', 'Minuten', 'Person', 'Fällig'],
    csvKind: { topic: 'Thema', takeaway: 'Erkenntnis', action: 'Aufgabe', closing: 'Abschlussrunde', roti: 'ROTI' },
    csvStatus: { discussed: 'besprochen', notDiscussed: 'nicht besprochen' },
    csvSeparator: ';',
    nothingYet: 'Noch nichts.',
  },
};
