/** The start texts (German, the source), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const startDe = {
  pageTitle: 'Runde – Lean Coffee oder Teamraum starten',
  heading: 'Besprechen, was allen wichtig ist',
  intro:
    'Ein Lean Coffee für eine Besprechung ohne vorbereitete Tagesordnung oder ein Teamraum für regelmäßige Meetings nach dem LOOP-Ansatz – in beiden bringen alle ein, was ihnen wichtig ist.',
  formHeading: 'Was möchten Sie starten?',
  kindLeanCoffee: 'Lean Coffee',
  kindLeanCoffeeHint:
    'Eine Sitzung ohne vorbereitete Tagesordnung: Themen sammeln, Punkte vergeben, das Wichtigste zuerst besprechen.',
  kindTeamSpace: 'Teamraum (LOOP-Meetings)',
  kindTeamSpaceHint:
    'Ein dauerhafter Raum für Ihr Team: Spannungen einbringen, in den vier Räumen bearbeiten und Beschlüsse festhalten.',
  howHeading: 'So läuft ein Lean Coffee ab',
  spaceHowHeading: 'So arbeitet ein Teamraum',
  spaceSteps: {
    bring: 'Spannungen einbringen',
    sort: 'Räume zuordnen',
    meet: 'Meetings abhalten',
    record: 'Festhalten',
  },
  spaceStepsHelp: {
    bring: 'Alle bringen jederzeit ein, was hakt oder besser laufen könnte – auf Wunsch anonym.',
    sort: 'Jede Spannung kommt in einen der vier Räume: operativ, Governance, individuell oder Beziehung.',
    meet: 'Im Sync-Meeting fragt die Moderation: „Was brauchen Sie?“ Im Governance-Meeting entscheidet das Team integrativ.',
    record: 'Aufgaben, Projekte und Beschlüsse bleiben im Teamraum – von einem Meeting zum nächsten.',
  },
  sessionTitle: 'Titel der Sitzung',
  sessionTitlePlaceholder: 'z. B. Teamrunde Sozialplanung',
  spaceTitle: 'Name des Teamraums',
  spaceTitlePlaceholder: 'z. B. Team Jugendhilfeplanung',
  yourName: 'Ihr Name',
  yourNameHint: 'Sie moderieren die Sitzung. Die Teilnehmenden sehen diesen Namen.',
  spaceNameHint: 'Sie moderieren den Teamraum und können später weitere Personen zur Co-Moderation machen.',
  options: 'Einstellungen',
  submit: 'Lean Coffee starten',
  submitting: 'Wird gestartet …',
  spaceSubmit: 'Teamraum eröffnen',
  spaceSubmitting: 'Wird eröffnet …',
  haveCode: 'Sie haben einen Code bekommen?',
  joinLink: 'Einer Sitzung beitreten',
};
