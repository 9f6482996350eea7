/**
 * German text of the accessibility statement, after the EU model statement (Durchführungsbeschluss
 * (EU) 2018/1523) and BITV 2.0. Text in square brackets is a placeholder the operator fills in; the
 * page marks it. German is the source; see `de.ts`.
 */
export const accessibilityDe = {
  pageTitle: 'Erklärung zur Barrierefreiheit – Runde',
  heading: 'Erklärung zur Barrierefreiheit',
  templateNote:
    'Vorlage: Wer Runde betreibt, ersetzt die markierten Stellen in eckigen Klammern durch die eigenen Angaben und prüft die Aussagen vor der Veröffentlichung.',
  placeholder: 'Platzhalter',
  intro:
    '[Name der Stelle, die Runde betreibt] ist bemüht, diese Anwendung im Einklang mit [Rechtsgrundlage, z. B. dem Behindertengleichstellungsgesetz (BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) oder dem Landesgesetz] barrierefrei zugänglich zu machen.',
  scope: 'Diese Erklärung zur Barrierefreiheit gilt für [Adresse dieser Anwendung, z. B. https://runde.example.org].',
  status: {
    heading: 'Stand der Vereinbarkeit mit den Anforderungen',
    text: 'Die Anforderungen der Barrierefreiheit ergeben sich aus §§ 3 Absätze 1 bis 4 und 4 der BITV 2.0, die auf der Grundlage von § 12d BGG erlassen wurde. Maßstab sind die harmonisierte Europäische Norm EN 301 549 und die Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.',
    result:
      'Diese Anwendung ist mit den Anforderungen [vollständig / teilweise / nicht] vereinbar. [Bei „teilweise“ oder „nicht“: Die unten aufgeführten Inhalte sind nicht barrierefrei.]',
    design:
      'Runde ist mit dem Ziel gebaut, WCAG 2.1 AA zu erfüllen: Bedienung per Tastatur, Namen für alle Bedienelemente, Ansagen von Änderungen für Screenreader, Kontraste von mindestens 4,5:1 in hellem und dunklem Design, Vergrößerung bis 200 % und Texte in einfacher Sprache auf Deutsch und Englisch. Der QR-Code zum Beitreten ist immer auch als Link und als Code zum Eintippen angegeben.',
  },
  nonAccessible: {
    heading: 'Nicht barrierefreie Inhalte',
    intro: 'Die folgenden Inhalte sind nicht oder nur eingeschränkt barrierefrei:',
    item1:
      '[Inhalt oder Funktion] – [welche Anforderung nicht erfüllt ist und warum] – [barrierefreie Alternative, falls vorhanden]',
    item2: '[Weiterer Inhalt oder „Keine bekannten Einschränkungen“]',
    burden:
      '[Falls zutreffend: Inhalte, deren barrierefreie Gestaltung eine unverhältnismäßige Belastung darstellen würde, mit Begründung.]',
  },
  preparation: {
    heading: 'Erstellung dieser Erklärung',
    text: 'Diese Erklärung wurde am [Datum der Erstellung] erstellt. Grundlage ist [eine Selbstbewertung / eine Prüfung durch Dritte, z. B. einen BITV-Test durch (Name der Prüfstelle)].',
    reviewed: 'Die Erklärung wurde zuletzt am [Datum der letzten Überprüfung] überprüft.',
  },
  feedback: {
    heading: 'Feedback und Kontakt',
    text: 'Sind Ihnen Mängel bei der Barrierefreiheit aufgefallen, oder benötigen Sie Informationen zu Inhalten, die nicht barrierefrei sind? Dann wenden Sie sich bitte an:',
    contact: '[Name der zuständigen Stelle oder Person], [E-Mail-Adresse], [Telefonnummer], [Postanschrift]',
    answer: 'Wir beantworten Ihre Anfrage in der Regel innerhalb von [Anzahl] Wochen.',
  },
  enforcement: {
    heading: 'Durchsetzungsverfahren (Schlichtungsverfahren)',
    text: 'Haben Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten, können Sie sich an die zuständige Schlichtungsstelle wenden. Das Schlichtungsverfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.',
    body: '[Name der zuständigen Schlichtungsstelle, z. B. die Schlichtungsstelle nach § 16 BGG bei der oder dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, oder die Stelle nach Landesrecht], [Anschrift], [Telefonnummer], [E-Mail-Adresse], [Website]',
  },
};
