/** Texts of signing in (single sign-on): the join page's choice, the landing page, signing out, the access settings. */
export const signInDe = {
  intro: 'Hier melden Sie sich mit Ihrem Konto an. Ihren Namen übernimmt Runde von der Anmeldung.',
  with: 'Anmelden mit {{label}}',
  continueAs: 'Weiter als {{name}}',
  again: 'Bitte melden Sie sich an, um weiterzumachen.',
  notConfigured: 'Die Anmeldung ist auf diesem Server nicht eingerichtet. Bitte wenden Sie sich an die Moderation.',
  pageTitle: 'Runde – Anmeldung',
  heading: 'Anmeldung',
  taking: 'Sie werden angemeldet …',
  notSignedIn: 'Sie sind (nicht mehr) angemeldet. Bitte melden Sie sich noch einmal an.',
  errors: {
    state: 'Diese Anmeldung ist abgelaufen oder wurde schon verwendet. Bitte melden Sie sich noch einmal an.',
    provider: 'Der Anmeldedienst hat die Anmeldung nicht bestätigt. Bitte melden Sie sich noch einmal an.',
    denied: 'Die Anmeldung wurde abgebrochen oder abgelehnt.',
    unavailable: 'Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
    other: 'Die Anmeldung hat nicht geklappt. Bitte melden Sie sich noch einmal an.',
  },
  nameTaken:
    'Jemand hier heißt schon „{{name}}“. Unter welchem Namen sollen die anderen Sie sehen? Zum Beispiel „{{example}}“.',
  nameMissing: 'Ihre Anmeldung nennt keinen Namen. Unter welchem Namen sollen die anderen Sie sehen?',
  nameLabel: 'Ihr Name hier',
  continue: 'Weiter',
  backToJoin: 'Zurück',
  signedInAs: 'Angemeldet als {{name}}',
  signOut: 'Abmelden',
  signingOut: 'Abmelden …',
  settingsHeading: 'Anmeldung',
  require: 'Anmeldung verlangen',
  requireHint:
    'Nur wer sich mit {{label}} anmeldet, kommt herein. Jedes Mitglied ist an seine Anmeldung gebunden und auf jedem Gerät dasselbe.',
  group: 'Gruppe, die moderiert (freiwillig)',
  groupHint:
    'Wer in dieser Gruppe ist, moderiert, alle anderen nicht; geprüft bei jeder Anmeldung. Leer lassen: Moderation bleibt, wie sie ist.',
  signInFirst: 'Um eine Anmeldung zu verlangen, melden Sie sich zuerst selbst an: So sperren Sie sich nicht aus.',
  save: 'Anmeldung speichern',
  saved: 'Gespeichert.',
};
