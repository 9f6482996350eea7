/** The settings texts (German, the source), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const settingsDe = {
  heading: 'Einstellungen',
  title: 'Titel der Sitzung',
  votingGroup: 'Abstimmung',
  votesPerPerson: 'Punkte pro Person',
  votesPerPersonHint: 'Üblich sind 2 oder 3.',
  allowStacking: 'Mehrere Punkte auf dasselbe Thema erlauben',
  hiddenVoting: 'Verdeckt abstimmen',
  hiddenVotingHint:
    'Die Punktzahlen bleiben verborgen, bis die Moderation sie aufdeckt. So richtet sich niemand nach den anderen.',
  topicsGroup: 'Themen',
  anonymousTopics: 'Themen anonym einbringen',
  anonymousTopicsHint: 'Nur die einbringende Person sieht, von wem ein Thema stammt.',
  anonymousLater: 'Gilt für neue Themen. Bereits eingebrachte Themen bleiben, wie sie sind.',
  topicsPerPerson: 'Höchstens so viele Themen pro Person',
  topicsPerPersonHint: 'Leer lassen für keine Begrenzung.',
  timeGroup: 'Redezeit',
  timeboxMinutes: 'Minuten pro Thema',
  timeboxMinutesHint: 'Üblich sind 5 bis 8 Minuten.',
  extensionMinutes: 'Verlängerungen in Minuten',
  extensionMinutesHint:
    'Bei Daumen hoch verlängert die Moderation um die nächste Zahl der Liste; die letzte wiederholt sich. Zum Beispiel: 4, 2',
  votingLocked:
    'Punkte pro Person, Mehrfachpunkte und verdeckte Abstimmung lassen sich nur ändern, solange Themen gesammelt werden und noch niemand einen Punkt vergeben hat. Sonst würden bereits vergebene Punkte nach anderen Regeln zählen als neue.',
  save: 'Einstellungen speichern',
  saved: 'Einstellungen gespeichert.',
  invalid: {
    votesPerPerson: 'Bitte eine ganze Zahl von 1 bis {{max}} eingeben.',
    topicsPerPerson: 'Bitte eine ganze Zahl von 1 bis {{max}} eingeben oder das Feld leer lassen.',
    timeboxMinutes: 'Bitte eine ganze Zahl von 1 bis {{max}} eingeben.',
    extensionMinutes: 'Bitte ganze Minuten von 1 bis {{max}} eingeben, durch Komma getrennt, zum Beispiel 4, 2.',
  },
};
