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
    between: {
      heading: 'Zwischen den Meetings',
      adopted: 'zwischen den Meetings beschlossen',
      noObjection: 'kein Einwand',
      noResponse: 'keine Antwort',
      answers: 'Antworten',
      answerKinds: {
        information: 'Information',
        help: 'bietet Hilfe an',
        action: 'übernimmt einen nächsten Schritt',
      },
      toMeeting: {
        objection: 'mit Einwand ins nächste Governance-Meeting',
        pulled: 'von der Moderation ins nächste Governance-Meeting geholt',
        'not-applicable': 'ins nächste Governance-Meeting, da die Änderungen nicht mehr passen',
      },
      objections: 'Einwände',
      withdrawn: 'zurückgezogen',
      dropped: 'ohne Beschluss geschlossen',
    },
    register: {
      heading: 'Rollen und Regeln',
      changes: 'Änderungen an Rollen und Regeln',
      roles: 'Rollen',
      rules: 'Regeln',
      empty: 'Noch keine Rollen und Regeln.',
      ops: {
        roleAdd: 'Neue Rolle',
        roleAmend: 'Rolle geändert',
        roleRemove: 'Rolle aufgelöst',
        roleAssign: 'Rolle besetzt',
        ruleAdd: 'Neue Regel',
        ruleAmend: 'Regel geändert',
        ruleRemove: 'Regel aufgehoben',
      },
      fields: {
        name: 'Name',
        purpose: 'Zweck',
        accountabilities: 'Verantwortlichkeiten',
        title: 'Titel',
        text: 'Wortlaut',
      },
      filledBy: 'Besetzt von',
      unknown: 'unbekannter Eintrag',
    },
  },
};
