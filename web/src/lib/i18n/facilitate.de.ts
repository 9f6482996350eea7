/** The facilitate texts (German, the source), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const facilitateDe = {
  pageTitle: 'Runde – Moderation übernehmen',
  heading: 'Moderation übernehmen',
  claiming: 'Die Moderation wird auf dieses Gerät übertragen …',
  invalidKey: 'Dieser Moderationslink ist nicht (mehr) gültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.',
  missingKey: 'Dieser Link ist unvollständig: Der Schlüssel fehlt. Bitte öffnen Sie den vollständigen Moderationslink.',
  choice: {
    question: 'Wie möchten Sie die Moderation übernehmen?',
    why: 'Dieses Gerät nimmt schon als {{name}} teil.',
    ownSeat: 'Moderation auf diesem Gerät als {{name}} übernehmen',
    ownSeatHint: 'Sie behalten Ihren Platz, Ihre Punkte und Beiträge als {{name}} und moderieren zusätzlich.',
    linkSeat: 'Als eigener Moderationsplatz öffnen',
    linkSeatHint:
      'Dieses Gerät wechselt auf den Moderationsplatz von {{linkName}}. Ihr Platz als {{name}} bleibt bestehen, ist auf diesem Gerät aber nicht mehr geöffnet.',
  },
};
