/** Texts of a seat on more than one device: the dialog, the re-issued link, the device page. */
export const seatsDe = {
  dialog: {
    heading: 'Auf einem anderen Gerät nutzen',
    intro:
      'Mit einem persönlichen Link holen Sie Ihren Platz als {{name}} auf ein anderes Gerät, mit allem, was Sie hier schon beigetragen haben.',
    close: 'Schließen',
  },
  mode: {
    legend: 'Und dieses Gerät?',
    copy: 'Kopieren: auf beiden Geräten nutzen',
    copyHint: 'Dieses Gerät bleibt angemeldet.',
    move: 'Umziehen: nur noch auf dem anderen Gerät',
    moveHint: 'Sobald der Link geöffnet ist, verliert dieses Gerät den Platz.',
    create: 'Link erstellen',
  },
  link: {
    label: 'Persönlicher Link',
    qrLabel: 'QR-Code des persönlichen Links',
    scan: 'Scannen Sie den Code mit dem anderen Gerät, oder öffnen Sie dort den Link.',
    secret: 'Behalten Sie den Link für sich: Wer ihn öffnet, nimmt als Sie teil.',
    expires: 'Gilt einmal, bis {{time}} Uhr.',
    expired: 'Dieser Link ist abgelaufen. Erstellen Sie einen neuen.',
    copy: 'Link kopieren',
    copied: 'Link kopiert.',
    copyFailed: 'Kopieren ging nicht. Der Link ist markiert; kopieren Sie ihn von Hand.',
    again: 'Neuen Link erstellen',
  },
  devices: {
    heading: 'Ihre Geräte',
    loading: 'Geräte werden geladen …',
    unnamed: 'Gerät ohne Namen',
    current: 'dieses Gerät',
    earlier: 'Früheres Gerät',
    since: 'seit {{date}}',
    remove: 'Entfernen',
    removeLabel: 'Entfernen: {{label}}, seit {{date}}',
    removed: 'Gerät entfernt.',
    tooMany: 'Dieser Platz ist auf zu vielen Geräten. Entfernen Sie zuerst eines.',
  },
  reissue: {
    heading: 'Neuer Link für {{name}}',
    intro:
      'Für ein verlorenes oder neues Gerät: {{name}} öffnet diesen Link auf dem neuen Gerät und hat dort den eigenen Platz. Frühere Links sehen Sie nicht.',
    revokeOthers: 'Die anderen Geräte von {{name}} abmelden',
    revokeOthersHint:
      'Richtig bei einem verlorenen Telefon: Sobald der Link geöffnet ist, gilt der Platz nur noch auf dem neuen Gerät.',
    create: 'Link ausstellen',
    give: 'Geben Sie diesen Link nur {{name}}.',
  },
  page: {
    title: 'Runde – Platz auf diesem Gerät',
    heading: 'Ihr Platz auf diesem Gerät',
    opening: 'Ihr Platz kommt auf dieses Gerät …',
    missing:
      'Dieser Link ist unvollständig. Bitte öffnen Sie den ganzen Link oder scannen Sie den QR-Code noch einmal.',
    invalid:
      'Dieser Gerätelink ist nicht gültig oder wurde schon benutzt. Erstellen Sie auf dem anderen Gerät mit »Auf anderem Gerät nutzen« einen neuen.',
    joinInstead: 'Stattdessen neu beitreten',
    retry: 'Noch einmal versuchen',
  },
  ended: {
    heading: 'Ihr Platz ist nicht mehr auf diesem Gerät',
    moved: 'Sie haben Ihren Platz auf ein anderes Gerät umgezogen. Dort geht es weiter.',
    revoked:
      'Dieses Gerät wurde von Ihrem Platz abgemeldet: auf einem Ihrer anderen Geräte oder durch einen neuen Link der Moderation.',
    'signed-out': 'Sie haben sich abgemeldet.',
    back: 'Um den Platz hier zurückzuholen, öffnen Sie »Auf anderem Gerät nutzen« auf einem Gerät, das ihn noch hat. Oder treten Sie neu bei.',
    joinAgain: 'Neu beitreten',
  },
};
