/**
 * German texts of the exported records (the Markdown and CSV files) that no screen says in the
 * same words; the minutes page shows the team meetings' records in them too. Texts a screen
 * already has (room names, headings, "Verantwortlich") come from their own part, so each text
 * exists once. German is the source; see `de.ts`.
 */
export const exportDe = {
  actions: 'Aufgaben',
  due: 'fällig',
  leanCoffee: {
    facilitator: 'Moderation',
    timeSpent: 'Dauer',
    allActions: 'Alle Aufgaben',
    rotiSummary_one: 'Durchschnitt {{average}} von 5 ({{count}} Stimme)',
    rotiSummary_other: 'Durchschnitt {{average}} von 5 ({{count}} Stimmen)',
  },
  csv: {
    type: 'Art',
    status: 'Status',
    text: 'Text',
    votes: 'Punkte',
    person: 'Person',
    kind: { topic: 'Thema', takeaway: 'Erkenntnis', action: 'Aufgabe', closing: 'Abschlussrunde', roti: 'ROTI' },
    discussed: 'besprochen',
    notDiscussed: 'nicht besprochen',
  },
  loop: {
    meetingOn: 'Meeting am {{date}}',
    notDone: 'nicht erledigt',
    noAnswer: 'keine Angabe',
    noTensions: 'Es wurden keine Spannungen bearbeitet.',
    movedToGovernance: 'In den Governance-Raum verschoben',
    gotWhatNeeded: 'hat bekommen, was gebraucht wurde',
    notGotWhatNeeded: 'hat nicht bekommen, was gebraucht wurde',
    personalNotShared_one: '{{count}} persönliche Spannung wurde bearbeitet (nicht geteilt).',
    personalNotShared_other: '{{count}} persönliche Spannungen wurden bearbeitet (nicht geteilt).',
    adopted: 'beschlossen',
    decision: 'Beschluss',
    notAdopted: 'In diesem Meeting kein Beschluss; die Spannung bleibt offen.',
    decisionArchived: 'gefasst; der Wortlaut steht im vollständigen Beschlussbuch.',
    present: 'anwesend',
    stillOpen: 'Offene Aufgaben des Teams',
  },
};
