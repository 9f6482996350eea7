import type { HallPhase } from '../hall/hallState.ts';
import type { TopicStatus } from '../leanCoffee/state.ts';

/** The words of an event's record (Markdown and CSV) in the reader's language. */
export interface HallExportLabels {
  event: string;
  tables: string;
  people: string;
  phase: string;
  phases: Record<HallPhase, string>;
  table: (number: number) => string;
  closed: string;
  highlight: string;
  harvest: string;
  dots: (n: number) => string;
  announcements: string;
  votes: (n: number) => string;
  status: Record<TopicStatus, string>;
  thumbsHistory: string;
  thumbsOutcome: { extended: string; closed: string };
  takeaways: string;
  actions: string;
  due: string;
  noOwner: string;
  noTopics: string;
  csvHeader: readonly string[];
  csvKind: { topic: string; takeaway: string; action: string; harvest: string };
  /** German spreadsheets split on `;`, English ones on `,` (see `MinutesLabels.csvSeparator`). */
  csvSeparator: ';' | ',';
  /** The event's date and an announcement's time as the reader writes them. */
  formatDate: (epochMs: number) => string;
  formatTime: (epochMs: number) => string;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** German words of an event's record. Dates as ISO (a file read anywhere); the web app may pass the reader's own. */
export const hallExportLabelsDe: HallExportLabels = {
  event: 'Veranstaltung mit Tischen',
  tables: 'Tische',
  people: 'Personen',
  phase: 'Phase',
  phases: {
    seating: 'Platz nehmen',
    collect: 'Themen sammeln',
    vote: 'Abstimmen',
    discuss: 'Besprechen',
    harvest: 'Ernte',
    ended: 'Beendet',
  },
  table: (n) => `Tisch ${n}`,
  closed: 'zusammengelegt',
  highlight: 'Wichtigste Erkenntnis',
  harvest: 'Ernte',
  dots: (n) => (n === 1 ? '1 Punkt' : `${n} Punkte`),
  announcements: 'Durchsagen',
  votes: (n) => (n === 1 ? '1 Stimme' : `${n} Stimmen`),
  status: { open: 'offen', discussing: 'im Gespräch', discussed: 'besprochen', skipped: 'übersprungen' },
  thumbsHistory: 'Daumenabstimmungen',
  thumbsOutcome: { extended: 'verlängert', closed: 'abgeschlossen' },
  takeaways: 'Erkenntnisse',
  actions: 'Aufgaben',
  due: 'fällig',
  noOwner: 'niemand zugeordnet',
  noTopics: 'Keine Themen.',
  csvHeader: ['Tisch', 'Art', 'Thema', 'Status', 'Text', 'Stimmen', 'Person', 'Fällig'],
  csvKind: { topic: 'Thema', takeaway: 'Erkenntnis', action: 'Aufgabe', harvest: 'Ernte' },
  csvSeparator: ';',
  formatDate: isoDate,
  formatTime: isoTime,
};

/** English words of an event's record. */
export const hallExportLabelsEn: HallExportLabels = {
  event: 'Event with tables',
  tables: 'Tables',
  people: 'People',
  phase: 'Phase',
  phases: {
    seating: 'Taking seats',
    collect: 'Collecting topics',
    vote: 'Voting',
    discuss: 'Discussing',
    harvest: 'Harvest',
    ended: 'Ended',
  },
  table: (n) => `Table ${n}`,
  closed: 'merged',
  highlight: 'Most important takeaway',
  harvest: 'Harvest',
  dots: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  announcements: 'Announcements',
  votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  status: { open: 'open', discussing: 'in discussion', discussed: 'discussed', skipped: 'skipped' },
  thumbsHistory: 'Thumbs votes',
  thumbsOutcome: { extended: 'extended', closed: 'closed' },
  takeaways: 'Takeaways',
  actions: 'Actions',
  due: 'due',
  noOwner: 'no owner',
  noTopics: 'No topics.',
  csvHeader: ['Table', 'Type', 'Topic', 'Status', 'Text', 'Votes', 'Person', 'Due'],
  csvKind: { topic: 'Topic', takeaway: 'Takeaway', action: 'Action', harvest: 'Harvest' },
  csvSeparator: ',',
  formatDate: isoDate,
  formatTime: isoTime,
};
