/** The summary texts (German, the source), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const summaryDe = {
  pageTitle: 'Zusammenfassung – Runde',
  heading: 'Zusammenfassung',
  back: 'Zurück zur Sitzung',
  running: 'Die Sitzung läuft noch; hier steht der aktuelle Stand.',
  readOnly:
    'Diese Sitzung ist beendet. Hier steht ihre Zusammenfassung zum Nachlesen, so wie alle Teilnehmenden sie sehen.',
  loadFailed: 'Die Zusammenfassung konnte nicht geladen werden. Bitte versuchen Sie es noch einmal.',
  downloadMarkdown: 'Markdown herunterladen',
  downloadCsv: 'CSV herunterladen',
  print: 'Drucken oder als PDF speichern',
  participants: 'Teilnehmende',
  votesPerPerson: 'Punkte pro Person: {{count}}',
  discussed: 'Besprochene Themen',
  notDiscussed: 'Nicht besprochen',
  skipped: 'übersprungen',
  allActions: 'Alle Aufgaben',
  due: 'Fällig',
  roti: 'Nutzen der investierten Zeit',
  topic: 'Thema',
  nothingYet: 'Noch nichts.',
  keptUntil: 'Diese Zusammenfassung bleibt bis zum {{date}} abrufbar. Danach wird die Sitzung gelöscht.',
};
