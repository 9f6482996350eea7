import type { ErrorCode } from '@runde/shared/client';
import type { loopCommonDe } from './loop/common.de.ts';
import type { governanceDe } from './loop/governance.de.ts';
import type { meetingDe } from './loop/meeting.de.ts';
import type { minutesDe } from './loop/minutes.de.ts';
import type { spaceDe } from './loop/space.de.ts';
import type { registerDe } from './loop/register.de.ts';
import type { accessibilityDe } from './accessibility.de.ts';
import type { privacyDe } from './privacy.de.ts';
import type { startDe } from './start.de.ts';
import type { settingsDe } from './settings.de.ts';
import type { shareDe } from './share.de.ts';
import type { backupDe } from './backup.de.ts';
import type { facilitateDe } from './facilitate.de.ts';
import type { projectorDe } from './projector.de.ts';
import type { summaryDe } from './summary.de.ts';
import type { exportDe } from './export.de.ts';
import type { hallDe } from './hall.de.ts';
import type { seatsDe } from './seats.de.ts';
import type { signInDe } from './signIn.de.ts';

/**
 * German texts, the source language: the English file must have exactly these keys (see
 * `Messages`). Gender-fair, "Sie" throughout, plain meeting-room words.
 * Keys ending in `_one` / `_other` are plural forms picked from `count` by the language's plural rules.
 */
export const de = {
  app: {
    name: 'Runde',
    tagline: 'Lean Coffee und LOOP-Teamräume ohne Konto – Teilnehmende machen auf dem eigenen Handy mit.',
    home: 'Runde – zur Startseite',
  },
  /** The site footer is on pages that load no other part: its texts must be core ones. */
  footer: {
    accessibility: 'Barrierefreiheit',
    privacy: 'Datenschutz',
  },
  language: {
    /** The switch names the language it switches to, in that language. */
    other: 'English',
    otherCode: 'en',
  },
  characterCount: {
    label: '{{count}} von {{max}} Zeichen',
    left_one: 'Noch {{count}} Zeichen möglich',
    left_other: 'Noch {{count}} Zeichen möglich',
    full: 'Höchstlänge von {{max}} Zeichen erreicht',
  },
  common: {
    cancel: 'Abbrechen',
    save: 'Speichern',
    backHome: 'Zur Startseite',
    retry: 'Erneut versuchen',
    reload: 'Seite neu laden',
    anonymous: 'anonym',
    /** The share panel's heading: shown folded on every board, before its texts (the `share` part) load. */
    invite: 'Teilnehmende einladen',
  },
  phases: {
    collect: 'Themen sammeln',
    vote: 'Punkte vergeben',
    discuss: 'Besprechen',
    wrapup: 'Abschluss',
    ended: 'Beendet',
  },
  phaseHelp: {
    collect: 'Alle schreiben auf, was sie besprechen möchten – ein Thema pro Karte.',
    vote: 'Alle verteilen ihre Punkte auf die Themen, die ihnen am wichtigsten sind.',
    discuss: 'Die Themen mit den meisten Punkten kommen zuerst an die Reihe, jedes mit fester Redezeit.',
    wrapup: 'Zum Schluss sagt jede Person in einem Satz, was sie mitnimmt. Passen ist in Ordnung.',
    ended: 'Die Sitzung ist beendet. Alles bleibt zum Nachlesen sichtbar.',
  },
  join: {
    pageTitle: 'Runde – Beitreten',
    heading: 'Einer Sitzung beitreten',
    codeLabel: 'Code der Sitzung',
    codeHint: '{{length}} Zeichen, zum Beispiel {{example}}. Groß- oder Kleinschreibung ist egal.',
    codeIncomplete: 'Bitte alle {{length}} Zeichen des Codes eingeben.',
    codeInvalidChars: 'Diese Zeichen kommen in Codes nicht vor: {{chars}}',
    continue: 'Weiter',
    checking: 'Code wird geprüft …',
    sessionIntro: 'Sie treten dieser Sitzung bei:',
    nameLabel: 'Ihr Name',
    nameHint: 'Die anderen Teilnehmenden sehen diesen Namen.',
    nameTaken:
      'In dieser Sitzung heißt schon jemand „{{name}}“. Damit die anderen Sie unterscheiden können, ergänzen Sie bitte etwas, zum Beispiel den ersten Buchstaben Ihres Nachnamens: „{{example}}“.',
    submit: 'Beitreten',
    submitting: 'Trete bei …',
    otherCode: 'Anderen Code eingeben',
    notFound: 'Zu diesem Code gibt es keine Sitzung. Bitte prüfen Sie den Code.',
    ended: 'Diese Sitzung ist bereits beendet. Beitreten ist nicht mehr möglich.',
    seatExpired: 'Ihr Platz in dieser Sitzung ist nicht mehr gültig. Bitte treten Sie erneut bei.',
  },
  deletion: {
    heading: { 'lean-coffee': 'Sitzung löschen', 'team-space': 'Teamraum löschen' },
    explain: {
      'lean-coffee': 'Löscht die Sitzung mit allen Themen, Punkten und Ergebnissen sofort und für alle.',
      'team-space':
        'Löscht den Teamraum mit allen Spannungen, Aufgaben, Meetings und dem Beschlussbuch sofort und für alle.',
    },
    start: { 'lean-coffee': 'Sitzung löschen …', 'team-space': 'Teamraum löschen …' },
    confirm: {
      'lean-coffee':
        'Wirklich löschen? Das lässt sich nicht rückgängig machen. Laden Sie vorher das Protokoll herunter, wenn Sie es brauchen.',
      'team-space':
        'Wirklich löschen? Das lässt sich nicht rückgängig machen. Laden Sie vorher Protokolle und Beschlussbuch herunter, wenn Sie sie brauchen.',
    },
    yes: 'Ja, endgültig löschen',
    done: 'Diese Sitzung wurde gelöscht.',
  },
  board: {
    loading: 'Sitzung wird geladen …',
    youAre: 'Sie sind {{name}}',
    youAreFacilitator: 'Sie sind {{name}} (Moderator:in)',
    notFound: 'Diese Sitzung gibt es nicht oder nicht mehr.',
    protocolMismatch: 'Runde wurde gerade aktualisiert. Bitte laden Sie die Seite neu.',
    phaseAnnouncement: 'Neue Phase: {{phase}}',
    ended: 'Diese Sitzung ist beendet. Vielen Dank fürs Mitmachen!',
    summaryLink: 'Zusammenfassung',
  },
  stepper: {
    label: 'Ablauf der Sitzung',
    status: 'Schritt {{step}} von {{total}}: {{phase}}',
    current: 'aktuell',
    completed: 'erledigt',
    skipped: 'übersprungen',
  },
  connection: {
    reconnecting: 'Verbindung unterbrochen. Neuer Versuch läuft …',
    offline: 'Sie sind offline. Sobald das Netz zurück ist, geht es automatisch weiter.',
    waiting_one: '{{count}} Änderung wartet darauf, gesendet zu werden. Sie geht raus, sobald das Netz zurück ist.',
    waiting_other:
      '{{count}} Änderungen warten darauf, gesendet zu werden. Sie gehen raus, sobald das Netz zurück ist.',
  },
  topics: {
    heading: 'Themen',
    count_one: '{{count}} Thema',
    count_other: '{{count}} Themen',
    empty: 'Noch keine Themen. Was möchten Sie besprechen?',
    by: 'von {{name}}',
    byYou: 'von Ihnen',
    byYouAnonymous: 'von Ihnen (für andere anonym)',
    unknownAuthor: 'unbekannt',
    edit: 'Bearbeiten',
    editLabel: 'Bearbeiten: {{title}}',
    withdraw: 'Zurückziehen',
    withdrawLabel: 'Zurückziehen: {{title}}',
    remove: 'Entfernen',
    removeLabel: 'Entfernen: {{title}}',
    confirmRemove: 'Thema „{{title}}“ wirklich entfernen? Punkte darauf gehen verloren.',
    confirmRemoveYes: 'Ja, entfernen',
    editHeading: 'Thema bearbeiten',
    merge: 'Zusammenführen',
    mergeLabel: 'Zusammenführen: {{title}}',
    mergeInto: 'Zusammenführen mit',
    mergeHint:
      '„{{title}}“ wird Teil des gewählten Themas. Die Punkte wandern mit; wer auf beide Themen gesetzt hat, behält beide Punkte.',
    mergeConfirm: 'Themen zusammenführen',
    mergedFrom: 'Zusammengeführt mit: {{titles}}',
    more: 'Aktionen',
    moreLabel: 'Aktionen: {{title}}',
    unsent: 'Noch nicht gesendet',
  },
  topicForm: {
    heading: 'Thema einbringen',
    title: 'Thema',
    titlePlaceholder: 'Worüber möchten Sie sprechen?',
    description: 'Beschreibung (optional)',
    descriptionPlaceholder: 'Ein, zwei Sätze zum Hintergrund',
    submit: 'Thema hinzufügen',
    added: 'Thema „{{title}}“ hinzugefügt.',
    held: 'Noch nicht gesendet: Ihr Thema ist auf diesem Gerät gespeichert und wird gesendet, sobald Sie wieder online sind.',
    anonymousNote: 'Themen werden anonym eingebracht: Die anderen sehen nicht, von wem sie stammen.',
    left_one: 'Sie können noch {{count}} Thema einbringen.',
    left_other: 'Sie können noch {{count}} Themen einbringen.',
    limitReached: 'Sie haben so viele Themen eingebracht, wie diese Sitzung erlaubt ({{limit}}).',
  },
  vote: {
    heading: 'Punkte vergeben',
    stackingOn: 'Sie können mehrere Punkte auf dasselbe Thema setzen.',
    stackingOff: 'Höchstens ein Punkt pro Thema.',
    left_one: 'Noch {{left}} von {{count}} Punkt übrig',
    left_other: 'Noch {{left}} von {{count}} Punkten übrig',
    noneLeft_one: '{{count}} von {{count}} Punkt vergeben',
    noneLeft_other: '{{count}} von {{count}} Punkten vergeben',
    add: 'Punkt vergeben für {{title}}',
    retract: 'Punkt zurücknehmen von {{title}}',
    tally_one: '{{count}} Punkt',
    tally_other: '{{count}} Punkte',
    yours: 'davon Ihre: {{count}}',
    yoursUnsent: 'davon Ihre: {{count}}, noch nicht gesendet',
    unsentMark: 'noch nicht gesendet',
    yoursHidden: 'Ihre Punkte: {{count}}',
    empty: 'Es wurden keine Themen eingebracht. Die Moderation kann zurück zum Sammeln gehen.',
    cast_one: '{{count}} Punkt vergeben',
    cast_other: '{{count}} Punkte vergeben',
    hiddenNote: 'Verdeckte Abstimmung: Die Punktzahlen erscheinen, wenn die Moderation sie aufdeckt.',
    reveal: 'Punkte aufdecken',
    revealed: 'Die Punkte sind aufgedeckt.',
  },
  ranking: {
    rank: 'Platz',
    unit_one: 'Punkt',
    unit_other: 'Punkte',
  },
  discuss: {
    toDiscuss: 'Zu besprechen',
    discussing: 'In Diskussion',
    discussed: 'Besprochen',
    byVotes: 'Nach Punkten sortiert; bei Gleichstand zuerst das früher eingebrachte Thema.',
    byFacilitator: 'Reihenfolge von der Moderation festgelegt; neue Themen folgen nach Punkten.',
    resort: 'Wieder nach Punkten sortieren',
    moveUp: 'Nach oben: {{title}}',
    moveDown: 'Nach unten: {{title}}',
    start: 'Jetzt besprechen',
    startLabel: 'Jetzt besprechen: {{title}}',
    skip: 'Überspringen',
    skipLabel: 'Überspringen: {{title}}',
    return: 'Zurück zu „Zu besprechen“',
    returnLabel: 'Zurück zu „Zu besprechen“: {{title}}',
    next: 'Nächstes Thema',
    close: 'Thema abschließen',
    idle: 'Gerade wird kein Thema besprochen.',
    idleFacilitator: 'Mit „Nächstes Thema“ beginnt das Thema oben in „Zu besprechen“.',
    allDone: 'Alle Themen sind besprochen.',
    noneDiscussed: 'Noch nichts besprochen.',
    skipped: 'Übersprungen',
    spent: 'Dauer {{time}}',
    nowDiscussing: 'Jetzt in Diskussion: {{title}}',
  },
  timer: {
    label: 'Timer',
    collect: 'Schreibzeit',
    vote: 'Zeit zum Abstimmen',
    discuss: 'Redezeit',
    remaining: 'Verbleibende Zeit',
    paused: 'Pausiert',
    timeUp: 'Die Zeit ist um',
    oneMinute: 'Noch eine Minute',
    minutes: 'Minuten',
    start: 'Timer starten',
    pause: 'Timer anhalten',
    pauseShort: 'Anhalten',
    resume: 'Timer fortsetzen',
    resumeShort: 'Fortsetzen',
    add: '+{{count}} Min.',
    reset: 'Timer zurücksetzen',
    resetShort: 'Zurücksetzen',
    sound: 'Ton bei Zeitablauf',
    progress: '{{remaining}} von {{total}} übrig',
  },
  thumbs: {
    heading: 'Daumenabstimmung',
    question: 'Weiter über dieses Thema sprechen?',
    up: 'Daumen hoch',
    upHint: 'weitermachen',
    side: 'Daumen zur Seite',
    sideHint: 'egal',
    down: 'Daumen runter',
    downHint: 'nächstes Thema',
    yours: 'Ihre Wahl',
    progress: '{{count}} von {{total}} haben abgestimmt',
    hidden: 'Das Ergebnis erscheint, sobald alle abgestimmt haben oder die Moderation es aufdeckt.',
    reveal: 'Ergebnis aufdecken',
    open: 'Daumenabstimmung starten',
    extend: 'Verlängern um {{count}} Min.',
    result: 'Ergebnis: {{up}} Daumen hoch, {{side}} zur Seite, {{down}} runter',
    history: 'Daumenabstimmungen',
    extended: 'verlängert',
    closed: 'abgeschlossen',
  },
  outcomes: {
    heading: 'Ergebnisse',
    takeaways: 'Erkenntnisse',
    actions: 'Aufgaben',
    addTakeaway: 'Erkenntnis hinzufügen',
    addTakeawayLabel: 'Erkenntnis hinzufügen: {{title}}',
    addAction: 'Aufgabe hinzufügen',
    addActionLabel: 'Aufgabe hinzufügen: {{title}}',
    takeaway: 'Erkenntnis',
    action: 'Aufgabe',
    owner: 'Verantwortlich',
    ownerNobody: 'Noch offen',
    ownerOther: 'Andere Person …',
    ownerName: 'Name der verantwortlichen Person',
    due: 'Fällig am (optional)',
    dueShort: 'fällig {{date}}',
    noOwner: 'noch niemand zuständig',
    editLabel: 'Bearbeiten: {{text}}',
    removeLabel: 'Entfernen: {{text}}',
    empty: 'Noch keine Erkenntnisse oder Aufgaben.',
  },
  closing: {
    heading: 'Abschlussrunde',
    intro: 'Was nehmen Sie mit? Ein Satz genügt. Wer nichts sagen möchte, passt.',
    label: 'Ihre Erkenntnis in einem Satz',
    submit: 'Beitrag senden',
    pass: 'Passen',
    change: 'Ändern',
    yours: 'Ihr Beitrag',
    passed: 'gepasst',
    progress: '{{count}} von {{total}} haben sich geäußert',
    empty: 'Noch keine Beiträge.',
  },
  roti: {
    heading: 'Wie viel war Ihnen die Zeit wert?',
    legend: 'Nutzen der investierten Zeit, 1 bis 5 (freiwillig)',
    low: '1 = verschwendete Zeit',
    high: '5 = sehr wertvoll',
    score: '{{score}} von 5',
    count_one: '{{count}} Bewertung',
    count_other: '{{count}} Bewertungen',
    average: 'Durchschnitt {{average}} von 5',
  },
  outbox: {
    refused: '{{what}} konnte nicht mehr gespeichert werden, als die Verbindung zurückkam.',
    yourText: 'Was Sie geschrieben haben',
    copy: 'Text kopieren',
    copied: 'Kopiert.',
    copyFailed: 'Das Kopieren hat nicht geklappt. Bitte markieren und kopieren Sie den Text selbst.',
    dismiss: 'Schließen',
    what: {
      topic: 'Ihr Thema',
      vote: 'Ihr Punkt',
      entry: 'Ihr Eintrag',
      closing: 'Ihr Beitrag zur Abschlussrunde',
      tension: 'Ihre Spannung',
      proposal: 'Ihr Vorschlag',
      objection: 'Ihre Antwort in der Einwandrunde',
      rating: 'Ihre Stimme',
      change: 'Ihre Änderung',
    },
  },
  facilitator: {
    heading: 'Moderation',
    next: 'Weiter: {{phase}}',
    back: 'Zurück: {{phase}}',
    confirmEnd: 'Sitzung wirklich beenden? Danach lässt sich nichts mehr ändern; die Zusammenfassung bleibt lesbar.',
    confirmEndYes: 'Ja, Sitzung beenden',
    endDiscussion: {
      question: 'Diskussion beenden?',
      forward:
        '„{{title}}“ wird gerade besprochen. Mit „{{phase}}“ endet die Diskussion, und das Thema gilt als besprochen.',
      back: '„{{title}}“ wird gerade besprochen. Mit „{{phase}}“ endet die Diskussion, und das Thema kommt zurück auf die Liste.',
      yes: 'Ja, Diskussion beenden',
    },
  },
  seat: {
    otherDevice: 'Auf anderem Gerät nutzen',
    reissue: 'Neuen Link ausstellen',
    reissueLabel: 'Neuen Link ausstellen: {{name}}',
    binding: {
      label: 'Platz gehalten durch',
      'sign-in': 'Anmeldung',
      link: 'Link',
    },
  },
  participants: {
    heading: 'Teilnehmende',
    count_one: '{{count}} Person',
    count_other: '{{count}} Personen',
    online: 'verbunden',
    offline: 'nicht verbunden',
    facilitator: 'Moderator:in',
    you: '(Sie)',
    promote: 'Co-Moderation',
    promoteLabel: 'Zur Co-Moderation machen: {{name}}',
    demote: 'Rolle entziehen',
    demoteLabel: 'Rolle entziehen: {{name}}',
  },
  hallTable: {
    region: 'Veranstaltung',
    table: 'Tisch {{number}}',
    phases: {
      seating: 'Plätze finden',
      collect: 'Themen sammeln',
      vote: 'Abstimmen',
      discuss: 'Besprechen',
      harvest: 'Ernte',
      ended: 'Beendet',
    },
    timer: 'Zeit der Veranstaltung',
    announcement: 'Durchsage',
    help: 'Hilfe rufen',
    helpAsked: 'Das Orga-Team weiß Bescheid.',
    toHarvest: {
      harvest: 'Zur Ernte: über alle Tische abstimmen',
      ended: 'Sehen, was die ganze Veranstaltung mitnimmt',
    },
    move: 'Tisch wechseln',
    phaseByHall: 'Die Phase gibt die Veranstaltung allen Tischen vor.',
    closed: 'Ihr Tisch wurde mit anderen zusammengelegt. Sie bekommen gleich einen neuen Platz …',
    highlightLabel: 'Als wichtigste markieren: {{text}}',
    highlight: 'Als wichtigste markieren',
    highlighted: 'Wichtigste Erkenntnis:',
  },
  errors: {
    invalid_payload: 'Die Eingabe ist ungültig. Bitte prüfen Sie die Felder.',
    unknown_event: 'Diese Aktion kennt der Server nicht. Bitte laden Sie die Seite neu.',
    protocol_mismatch: 'Runde wurde gerade aktualisiert. Bitte laden Sie die Seite neu.',
    unauthorized: 'Ihr Platz in dieser Sitzung ist nicht mehr gültig. Bitte treten Sie erneut bei.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
    not_found: 'Das gibt es nicht (mehr). Vielleicht wurde es gerade entfernt.',
    wrong_phase: 'Das ist in der aktuellen Phase nicht möglich.',
    invalid_transition: 'Dieser Phasenwechsel ist nicht möglich.',
    vote_budget_exhausted: 'Sie haben alle Ihre Punkte vergeben.',
    stacking_not_allowed: 'In dieser Sitzung ist nur ein Punkt pro Thema erlaubt.',
    no_vote_to_retract: 'Auf diesem Thema liegt kein Punkt von Ihnen.',
    settings_locked: 'Die Abstimmungsregeln lassen sich nicht mehr ändern, weil die Abstimmung begonnen hat.',
    topic_limit_reached: 'Sie haben so viele Themen eingebracht, wie diese Sitzung erlaubt.',
    limit_reached: 'Diese Liste ist voll: Sie enthält so viele Einträge, wie Runde hier zulässt.',
    timer_not_due: 'Der Timer ist noch nicht abgelaufen.',
    invalid_state:
      'Das geht gerade nicht – vermutlich hat sich der Stand eben geändert. Bitte sehen Sie noch einmal hin.',
    session_ended: 'Diese Sitzung ist beendet.',
    session_full: 'Diese Sitzung ist voll.',
    name_taken: 'Diesen Namen verwendet hier schon jemand. Bitte ergänzen Sie etwas, etwa einen Anfangsbuchstaben.',
    conflict: 'Gleichzeitig hat jemand anderes etwas geändert. Bitte versuchen Sie es noch einmal.',
    sign_in_required: 'Für diesen Raum müssen Sie sich anmelden.',
    rate_limited: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.',
    unavailable: 'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.',
    internal: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  } satisfies Record<ErrorCode, string>,
};

/** The texts every screen needs; a phone loads them (in its language only) before the first render. */
export type CoreMessages = typeof de;

/**
 * The shape every language must fill in exactly, and the keys `t()` accepts. The LOOP texts live in
 * `loop/*.ts`, one file per top-level key, and load with the team-space screens (see `i18n.svelte.ts`).
 */
export type Messages = CoreMessages & {
  accessibility: typeof accessibilityDe;
  privacy: typeof privacyDe;
  loop: typeof loopCommonDe;
  space: typeof spaceDe;
  register: typeof registerDe;
  meeting: typeof meetingDe;
  governance: typeof governanceDe;
  minutes: typeof minutesDe;
  export: typeof exportDe;
  start: typeof startDe;
  settings: typeof settingsDe;
  share: typeof shareDe;
  backup: typeof backupDe;
  facilitate: typeof facilitateDe;
  projector: typeof projectorDe;
  summary: typeof summaryDe;
  hall: typeof hallDe;
  seats: typeof seatsDe;
  signIn: typeof signInDe;
};
