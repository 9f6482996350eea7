/** German texts of the governance screens. German is the source; see `../de.ts`. */
export const governanceDe = {
  heading: 'Integrative Entscheidungsfindung',
  stepperLabel: 'Schritte der Entscheidungsfindung',
  stepStatus: 'Schritt {{step}} von {{total}}: {{name}}',
  objectionRound: 'Einwandrunde {{count}}',
  help: {
    proposal:
      'Die vorschlagende Person schildert die Spannung und schreibt einen konkreten Vorschlag auf. Die anderen hören zu.',
    clarifying:
      'Nur Fragen zum Verständnis des Vorschlags – noch keine Meinungen. Die vorschlagende Person antwortet oder sagt „nicht festgelegt“.',
    reaction: 'Jede Person reagiert der Reihe nach auf den Vorschlag; keine Diskussion, keine Antworten.',
    amend:
      'Die vorschlagende Person kann den Vorschlag nach den Reaktionen klären oder ändern – oder ihn so lassen. Die anderen hören zu.',
    objection:
      'Würde der Vorschlag schaden oder uns zurückwerfen? Nennen Sie einen Einwand mit Begründung – oder keinen.',
    integration:
      'Gemeinsam wird der Vorschlag so geändert, dass der Einwand entfällt und das Anliegen des Vorschlags erhalten bleibt.',
    adopted: 'Kein Einwand ist offen geblieben: Der Vorschlag gilt ab jetzt.',
  },
  proposer: 'Vorschlag von {{name}}',
  proposerYou: 'Vorschlag von Ihnen',
  presenter: 'Vorgestellt von {{name}} (anonyme Spannung)',
  presenterYou: 'Sie stellen diese anonyme Spannung vor.',
  proposal: {
    label: 'Vorschlag',
    hint: 'Was genau soll künftig gelten? Konkret und so, dass alle es verstehen.',
    save: 'Vorschlag speichern',
    saved: 'Vorschlag gespeichert.',
    unsaved: 'Noch nicht gespeichert.',
    empty: 'Noch kein Vorschlag. {{name}} schreibt ihn gerade auf.',
    readOnly: 'In diesem Schritt bleibt der Vorschlag, wie er ist.',
  },
  controls: {
    heading: 'Ablauf steuern',
    nextTo: 'Weiter mit: {{name}}',
    backTo: 'Zurück zu: {{name}}',
    noSkip:
      'Die Einwandrunde lässt sich nicht überspringen: Jede anwesende Person nennt selbst einen Einwand oder keinen. Wer nicht antworten kann, wird von der Moderation als abwesend vermerkt.',
    blocked: {
      noProposal: 'Weiter geht es, sobald ein Vorschlag gespeichert ist.',
      roundOpen: 'Weiter geht es, wenn sich alle Anwesenden in der Einwandrunde geäußert haben.',
      openObjections: 'Bitte zuerst jeden offenen Einwand integrieren oder prüfen.',
      adopted: 'Der Vorschlag ist beschlossen.',
    },
    othersNote: 'Die Moderation führt durch die Schritte.',
  },
  turn: {
    yours: 'Sie sind dran: Haben Sie einen Einwand?',
    waitingFor: '{{name}} ist an der Reihe.',
    markAbsent: '{{name}} als abwesend vermerken',
    markAbsentHint:
      'Nur wenn {{name}} nicht antworten kann. Der Beschluss nennt die Person dann als abwesend, nicht als „kein Einwand“.',
    none: 'Kein Einwand',
    objection: 'Einwand',
    objectionHint:
      'Welchen Schaden würde der Vorschlag anrichten, oder was würde er zurückwerfen? Bitte mit Begründung.',
    raise: 'Einwand erheben',
  },
  objections: {
    count: '{{open}} von {{total}} offen',
    heading: 'Einwände',
    empty: 'Bisher kein Einwand.',
    round: 'Runde {{count}}',
    status: {
      open: 'offen',
      valid: 'gültig',
      invalid: 'nicht gültig',
      integrated: 'integriert',
    },
    testHint:
      'Einwand prüfen: Würde der Vorschlag wirklich schaden oder zurückwerfen, und folgt das aus dem Vorschlag selbst? Gültige Einwände werden integriert.',
    valid: 'Gültig',
    invalid: 'Nicht gültig',
    keptValid: 'Als gültig bestätigt: wird integriert.',
    integrateHint:
      'Ändern Sie den Vorschlag so, dass der Einwand entfällt, speichern Sie ihn und markieren Sie den Einwand als integriert.',
    integrate: 'Als integriert markieren',
  },
  adopted: {
    heading: 'Beschlossen',
    recorded: 'Im Beschlussbuch festgehalten.',
    present: 'Anwesend: {{names}}',
    markedAbsent: 'Von der Moderation als abwesend vermerkt: {{names}}',
  },
};
