/** German texts of the minutes and decision-log page. German is the source; see `../de.ts`. */
export const minutesDe = {
  pageTitle: 'Protokolle und Beschlussbuch',
  kicker: 'Protokolle und Beschlussbuch',
  back: 'Zurück zum Teamraum',
  loading: 'Protokolle werden geladen …',
  print: 'Drucken oder als PDF speichern',
  running: 'Gerade läuft ein Meeting. Sein Protokoll erscheint hier, sobald es beendet ist.',
  meetings: {
    heading: 'Meetings',
    count_one: '{{count}} Meeting',
    count_other: '{{count}} Meetings',
    empty: 'Noch kein Meeting beendet. Das Protokoll jedes Meetings steht hier, sobald es beendet ist.',
    time: '{{date}}, {{start}}–{{end}} Uhr',
    facilitator: 'Moderation: {{name}}',
    scribe: 'Transparenzmeister:in: {{name}}',
    nobody: 'niemand',
    show: 'Protokoll anzeigen',
    hide: 'Protokoll ausblenden',
    download: 'Protokoll herunterladen (Markdown)',
    done: 'erledigt',
    open: 'offen',
  },
  decisions: {
    heading: 'Beschlussbuch',
    count_one: '{{count}} Beschluss',
    count_other: '{{count}} Beschlüsse',
    empty:
      'Noch keine Beschlüsse. Was im Governance-Meeting mit integrativer Entscheidungsfindung beschlossen wird, steht hier.',
    adoptedOn: 'Beschlossen am {{date}}',
    present: 'Anwesend: {{names}}',
    download: 'Beschlussbuch herunterladen (Markdown)',
  },
};
