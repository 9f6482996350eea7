/** The backup texts (German, the source), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const backupDe = {
  download: 'Sicherung herunterladen (JSON)',
  downloadHint:
    'Die Datei enthält alles, was Sie hier lesen dürfen, aber keine Codes und keine Zugangsschlüssel. Mit ihr lässt sich auf jeder Runde-Installation ein neuer Teamraum daraus machen.',
  leanCoffeeHint:
    'Die Datei enthält die Sitzung, wie Sie sie sehen, aber keine Codes und keine Zugangsschlüssel. Mit ihr lässt sich auf jeder Runde-Installation eine neue Sitzung daraus machen.',
  preparing: 'Sicherung wird erstellt …',
  meetingRunning: 'Während eine Besprechung läuft, kann keine Sicherung erstellt werden.',
  failed: 'Die Sicherung konnte nicht erstellt werden. Bitte versuchen Sie es erneut.',
  restoreHeading: 'Aus Sicherung wiederherstellen',
  restoreIntro:
    'Aus einer Runde-Sicherung (JSON) entsteht ein neuer Teamraum oder eine neue Lean-Coffee-Sitzung mit neuem Code. Sie übernehmen die Moderation; die anderen treten über den neuen Link wieder bei.',
  restoreFile: 'Sicherungsdatei (JSON)',
  restoring: 'Wird wiederhergestellt …',
  problems: {
    notJson: 'Die Datei ist keine Runde-Sicherung: Sie lässt sich nicht als JSON lesen.',
    notABackup: 'Die Datei ist keine Runde-Sicherung.',
    unsupportedVersion: 'Version {{version}} wird nicht unterstützt.',
    wrongKind: 'Die Sicherung gehört zu einer anderen Art von Sitzung.',
    tooLarge: 'Zu groß: Die Datei überschreitet die zulässige Größe.',
    invalid: 'Die Sicherung ist beschädigt: Eintrag {{entry}} ist ungültig.',
    duplicateId: 'Die Sicherung ist beschädigt: Eintrag {{entry}} kommt doppelt vor.',
    danglingReference: 'Eintrag {{entry}} verweist auf {{target}}, das in der Datei fehlt.',
    dateOutOfRange: 'Eintrag {{entry}} hat ein unmögliches Datum.',
  },
};
