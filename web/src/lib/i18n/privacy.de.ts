/**
 * German text of the privacy notice (Datenschutzhinweise nach Art. 13 DSGVO). Each statement about
 * Runde describes what the code does: change the text when the code changes. Text in square
 * brackets is a placeholder the operator fills in; the page marks it. German is the source.
 */
export const privacyDe = {
  pageTitle: 'Datenschutzhinweise – Runde',
  heading: 'Datenschutzhinweise',
  subheading: 'Informationen nach Art. 13 DSGVO für alle, die Runde nutzen',
  templateNote:
    'Vorlage: Wer Runde betreibt, ersetzt die markierten Stellen in eckigen Klammern durch die eigenen Angaben und prüft die Aussagen vor der Veröffentlichung.',
  placeholder: 'Platzhalter',
  summary:
    'Kurz gesagt: Runde braucht kein Konto und keinen echten Namen, setzt ohne Anmeldung keine Cookies und enthält keine Tracker. Gespeichert wird, was Sie in einer Besprechung eingeben, und nur so lange, wie unten steht.',
  controller: {
    heading: 'Wer verantwortlich ist',
    text: 'Verantwortlich für die Verarbeitung Ihrer Daten ist: [Name der Stelle], [Postanschrift], [E-Mail-Adresse], [Telefonnummer].',
    officer: 'Die oder der Datenschutzbeauftragte: [Name oder Funktion], [Postanschrift], [E-Mail-Adresse].',
  },
  purpose: {
    heading: 'Wozu und auf welcher Grundlage',
    text: 'Runde verarbeitet Ihre Angaben, um die Besprechungen durchzuführen, an denen Sie teilnehmen: Lean-Coffee-Sitzungen und LOOP-Teamräume. Runde wertet Ihre Angaben nicht für andere Zwecke aus und bildet keine Profile.',
    basis:
      'Rechtsgrundlage ist [Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit (Vorschrift des Landesrechts, z. B. dem Landesdatenschutzgesetz), bei Aufgaben einer öffentlichen Stelle / Art. 6 Abs. 1 lit. b DSGVO (Teilnahme auf Grundlage eines Vertrags) / Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse, nicht für Behörden bei ihren Aufgaben)].',
  },
  stored: {
    heading: 'Was gespeichert wird',
    intro: 'Auf dem Server dieser Anwendung werden für jede Besprechung gespeichert:',
    name: 'der Name, den Sie beim Beitreten eingeben. Ein echter Name ist nicht nötig; ein Vorname oder Kürzel genügt. Alle in der Besprechung sehen diesen Namen und ob Sie gerade verbunden sind.',
    contributions:
      'was Sie beitragen: Themen, Punkte, Abstimmungen mit dem Daumen, Spannungen, Vorschläge, Einwände, Aufgaben, Ergebnisse, Beschlüsse und Ihre Rückmeldung zum Schluss.',
    timestamps: 'Zeitpunkte: wann Sie beigetreten sind und wann etwas hinzugefügt oder geändert wurde.',
    token:
      'ein Prüfwert (Hash) des Zufallsschlüssels Ihres Platzes. Der Schlüssel selbst bleibt auf Ihrem Gerät (siehe unten).',
    devices:
      'für jedes Gerät, auf dem Sie Ihren Platz nutzen: eine kurze Gerätebezeichnung wie „Chrome · Android“, wann es hinzukam und wie (Beitritt, Link, Anmeldung). Nur Sie sehen diese Liste und können Geräte daraus entfernen.',
    signIn:
      'Nur wenn ein Raum die Anmeldung mit dem Konto Ihrer Organisation verlangt: ein Prüfwert (Hash) Ihrer Kennung beim Anmeldedienst und der Name, den dieser übermittelt. E-Mail-Adresse, Passwort oder Profil speichert Runde nicht. Für die Dauer einer Anmeldung (höchstens [10] Stunden) kommen Ihre Gruppen beim Anmeldedienst und dessen Erneuerungsschlüssel hinzu.',
    hidden:
      'Nicht alles sehen alle: Wer wofür gestimmt hat, zeigt Runde niemandem außer Ihnen, auch der Moderation nicht. Bei verdeckter Abstimmung sind auch die Punkte bis zum Aufdecken verborgen. Bringen Sie ein Thema oder eine Spannung anonym ein, sehen andere nicht, von wem es stammt. Persönliche Spannungen sehen nur Sie und wer bei ihrer Besprechung dabei war. Der Server speichert trotzdem, von wem ein Beitrag stammt, damit Sie ihn ändern oder zurücknehmen können.',
  },
  device: {
    heading: 'Was auf Ihrem Gerät gespeichert wird',
    intro:
      'Runde setzt keine Cookies, außer wenn Sie sich mit dem Konto Ihrer Organisation anmelden (siehe unten). Im Speicher Ihres Browsers (localStorage) legt Runde nur ab:',
    seats:
      'Ihre Plätze: für jede Besprechung ein Zufallsschlüssel und die Kennungen von Besprechung und Platz, damit Sie nach dem Neuladen wieder auf Ihrem Platz sind. Es bleiben die 20 zuletzt genutzten.',
    outbox: 'Beiträge, die Sie ohne Netz abgeschickt haben, bis sie beim Server angekommen sind.',
    projector: 'auf einem Gerät mit der Beamer-Ansicht: den Schlüssel dieser Ansicht.',
    preferences: 'die Sprache, wenn Sie sie umgestellt haben, und ob der Timer einen Ton abspielt.',
    session:
      'Wer eine Besprechung anlegt, dessen Browser-Tab hält den geheimen Moderationslink kurz im Sitzungsspeicher (sessionStorage), bis die Seite ihn einmal angezeigt hat.',
    cookies:
      'Melden Sie sich an, setzt Runde zwei technisch notwendige Cookies: „runde_signin“ mit einer zufälligen Kennung Ihrer Anmeldung, bis Sie sich abmelden oder die Anmeldung endet, und während der Anmeldung für höchstens zehn Minuten einen Cookie, der sie an diesen Browser bindet.',
  },
  tracking: {
    heading: 'Keine Tracker, keine fremden Dienste',
    text: 'Runde enthält keine Analyse-, Werbe- oder Social-Media-Dienste. Alles, was die Seiten laden, kommt vom Server dieser Anwendung; Schriften sind die Ihres Geräts, und den QR-Code erzeugt Runde selbst. Die Sicherheitsregeln der Seiten (Content Security Policy) verbieten Verbindungen zu anderen Servern.',
  },
  addresses: {
    heading: 'IP-Adressen und Protokolle',
    text: 'Ihr Browser übermittelt technisch bedingt Ihre IP-Adresse. Runde nutzt sie nur, um Missbrauch zu bremsen: Es zählt, wie viele Anfragen von einer Adresse kommen. Dafür bleibt die Adresse je nach Zweck 10 Sekunden bis 10 Minuten im Arbeitsspeicher oder in der Datenbank und wird dann gelöscht.',
    logs: 'Runde ist so gebaut, dass seine eigenen Protokolle keine IP-Adressen, Namen oder Inhalte enthalten. [Angaben zu den Protokollen des vorgeschalteten Webservers oder Proxys: welche Daten, wie lange, z. B. IP-Adressen für 7 Tage.]',
  },
  retention: {
    heading: 'Wie lange gespeichert wird',
    text: 'Eine Lean-Coffee-Sitzung wird [30] Tage nach ihrer letzten Änderung automatisch gelöscht, ein Teamraum [2 Jahre] nach seiner letzten Änderung. Jede Änderung beginnt die Frist neu. Ein Teamraum warnt rechtzeitig, bevor er gelöscht wird; bei einer beendeten Sitzung sieht die Moderation, bis wann die Zusammenfassung abrufbar ist.',
    backups:
      '[Angaben zu Sicherungskopien der Datenbank: ob es sie gibt und nach wie vielen Tagen sie überschrieben werden.]',
    device:
      'Was auf Ihrem Gerät liegt, bleibt dort, bis Sie es löschen. Protokolle, die jemand herunterlädt, liegen danach bei dieser Person, nicht mehr bei Runde.',
  },
  deletion: {
    heading: 'Wie Sie Daten löschen',
    facilitator:
      'Die Moderation kann eine Besprechung jederzeit sofort und für alle löschen: unter „Einstellungen“ mit „Sitzung löschen …“, im Teamraum unter „Einstellungen des Teamraums“ mit „Teamraum löschen …“.',
    device:
      'Die Angaben auf Ihrem Gerät löschen Sie, indem Sie in Ihrem Browser die gespeicherten Daten dieser Website löschen (Websitedaten oder Cookies und Websitedaten).',
    request:
      'Sollen Ihre Beiträge auf dem Server gelöscht werden, wenden Sie sich an die Moderation Ihrer Besprechung oder an die oben genannte verantwortliche Stelle.',
  },
  recipients: {
    heading: 'Wer Ihre Daten erhält',
    text: 'Ihre Beiträge sehen die anderen Teilnehmenden derselben Besprechung, mit den oben genannten Ausnahmen. Betrieben wird Runde von [Name des Hosting-Dienstleisters oder eigenes Rechenzentrum; bei einem Dienstleister: Auftragsverarbeitung nach Art. 28 DSGVO].',
    transfer: 'Runde selbst übermittelt keine Daten an Dritte und nicht in Länder außerhalb der EU.',
  },
  rights: {
    heading: 'Ihre Rechte',
    text: 'Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21), soweit die Voraussetzungen vorliegen. Wenden Sie sich dafür an die verantwortliche Stelle.',
    identify:
      'Da Runde keine Konten kennt, nennen Sie dabei bitte die Besprechung und den Namen, unter dem Sie teilgenommen haben.',
    complaint:
      'Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren, zum Beispiel bei: [Name und Anschrift der zuständigen Aufsichtsbehörde, z. B. die oder der Landesbeauftragte für Datenschutz und Informationsfreiheit (Land)].',
  },
  updated: 'Stand: [Datum]',
};
