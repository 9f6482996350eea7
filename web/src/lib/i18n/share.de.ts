/** The share texts (German, the source), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const shareDe = {
  codeLabel: 'Code',
  instructions: 'Unter {{url}} den Code eingeben oder diesen Link öffnen:',
  linkLabel: 'Link zum Beitreten',
  copyLink: 'Link kopieren',
  copied: 'Kopiert.',
  copyFailed: 'Kopieren war nicht möglich. Bitte markieren und kopieren Sie den Link selbst.',
  facilitatorHeading: 'Ihr Moderationslink',
  facilitatorNote: {
    'lean-coffee':
      'Behalten Sie diesen Link für sich: Wer ihn öffnet, moderiert diese Sitzung. Damit übernehmen Sie die Moderation auch auf einem anderen Gerät. Er wird nur jetzt angezeigt.',
    'team-space':
      'Behalten Sie diesen Link für sich: Wer ihn öffnet, moderiert diesen Teamraum und seine Meetings. Damit übernehmen Sie die Moderation auch auf einem anderen Gerät. Er wird nur jetzt angezeigt.',
    hall: 'Behalten Sie diesen Link für sich: Wer ihn öffnet, leitet diese Veranstaltung mit allen Tischen. Damit übernehmen Sie die Leitung auch auf einem anderen Gerät. Er wird nur jetzt angezeigt.',
  },
  facilitatorLinkLabel: 'Moderationslink',
  showFacilitatorLink: 'Moderationslink anzeigen',
  hideFacilitatorLink: 'Moderationslink verbergen',
  copyFacilitatorLink: 'Moderationslink kopieren',
  dismissFacilitator: 'Gesichert, ausblenden',
  qrLabel: 'QR-Code zum Beitreten: {{url}}',
  fullScreen: 'Im Vollbild zeigen',
  scan: 'QR-Code mit dem Handy scannen',
  orEnter: 'oder {{url}} öffnen und diesen Code eingeben:',
  close: 'Schließen',
  projectorLink: 'Beamer-Ansicht',
  projectorHint: 'Öffnet in einem neuen Tab: eine Ansicht ohne Bedienelemente für Beamer oder großen Bildschirm.',
  newTab: '(öffnet in neuem Tab)',
  projectorHeading: 'Beamer im Raum',
  projectorGrantHint:
    'Ein eigener Link für den Beamer oder den Raum-PC: Er zeigt nur die Beamer-Ansicht, braucht keinen Platz in der Sitzung und zählt nicht als Person.',
  createProjectorLink: 'Beamer-Link erstellen',
  projectorLinkLabel: 'Beamer-Link',
  copyProjectorLink: 'Beamer-Link kopieren',
  reissueProjectorLink: 'Neuen Beamer-Link erstellen',
  reissueProjectorHint:
    'Ein neuer Beamer-Link macht den bisherigen ungültig; dort geöffnete Beamer-Ansichten schließen sich.',
  projectorGrantFailed: 'Der Beamer-Link konnte nicht erstellt werden. Bitte versuchen Sie es noch einmal.',
};
