import type { MeetingStage, RoomKey, SyncOutcomeType } from '../teamSpace/state.ts';

/** The words of a team meeting's minutes and of the decision log, in each language. */
export interface LoopMinutesLabels {
  meetingOn: (date: string) => string;
  rooms: Record<RoomKey, string>;
  attendees: string;
  facilitator: string;
  scribe: string;
  nobody: string;
  /** Heads the steps a meeting skipped or ended before. */
  skipped: string;
  stages: Record<MeetingStage, string>;
  checklist: string;
  checklistDone: { true: string; false: string; null: string };
  metrics: string;
  projectUpdates: string;
  tensions: string;
  noTensions: string;
  outcome: string;
  outcomes: Record<SyncOutcomeType, string>;
  gotWhatNeeded: { true: string; false: string };
  agreement: string;
  personalNotShared: (count: number) => string;
  decisions: string;
  decisionLog: string;
  adopted: string;
  /** Heads the adopted text under a tension. */
  decision: string;
  /** A governance tension that left the meeting without a decision. */
  notAdopted: string;
  /** A decision that moved from the live log to the archive: the full log has it. */
  decisionArchived: string;
  present: string;
  /** Those whom the facilitator recorded as absent in the objection round, instead of an answer. */
  markedAbsent: string;
  actions: string;
  owner: string;
  due: string;
  noOwner: string;
  stillOpen: string;
}

export const loopMinutesLabels: Record<'de' | 'en', LoopMinutesLabels> = {
  en: {
    meetingOn: (date) => `Meeting on ${date}`,
    rooms: {
      operational: 'Operational room',
      governance: 'Governance room',
      individual: 'Individual room',
      relationship: 'Relationship room',
    },
    attendees: 'Present',
    facilitator: 'Facilitator',
    scribe: 'Scribe',
    nobody: 'nobody',
    skipped: 'Skipped',
    stages: {
      checkin: 'Check-in',
      checklist: 'Checklist and metrics',
      projects: 'Project updates',
      agenda: 'Agenda',
      tensions: 'Tensions',
      closing: 'Closing round',
    },
    checklist: 'Checklist',
    checklistDone: { true: 'done', false: 'not done', null: 'no answer' },
    metrics: 'Metrics',
    projectUpdates: 'Project updates',
    tensions: 'Tensions',
    noTensions: 'No tensions were processed.',
    outcome: 'Outcome',
    outcomes: {
      information: 'Information',
      'next-action': 'Next action',
      project: 'Project',
      help: 'Request for help',
      sharing: 'Sharing',
      'to-governance': 'Moved to governance',
    },
    gotWhatNeeded: { true: 'got what was needed', false: 'did not get what was needed' },
    agreement: 'Agreement',
    personalNotShared: (count) =>
      count === 1
        ? '1 personal tension was processed (not shared).'
        : `${count} personal tensions were processed (not shared).`,
    decisions: 'Decisions',
    decisionLog: 'Decision log',
    adopted: 'adopted',
    decision: 'Decision',
    notAdopted: 'No decision in this meeting; the tension stays open.',
    decisionArchived: 'adopted; its text is in the full decision log.',
    present: 'present',
    markedAbsent: 'marked absent by the facilitator',
    actions: 'Actions',
    owner: 'Owner',
    due: 'due',
    noOwner: 'no owner yet',
    stillOpen: 'Open actions of the team',
  },
  de: {
    meetingOn: (date) => `Meeting am ${date}`,
    rooms: {
      operational: 'Operativer Raum',
      governance: 'Governance-Raum',
      individual: 'Individueller Raum',
      relationship: 'Beziehungsraum',
    },
    attendees: 'Anwesend',
    facilitator: 'Moderation',
    scribe: 'Transparenzmeister:in',
    nobody: 'niemand',
    skipped: 'Übersprungen',
    stages: {
      checkin: 'Check-in',
      checklist: 'Checkliste und Kennzahlen',
      projects: 'Projekt-Updates',
      agenda: 'Tagesordnung',
      tensions: 'Spannungen',
      closing: 'Abschlussrunde',
    },
    checklist: 'Checkliste',
    checklistDone: { true: 'erledigt', false: 'nicht erledigt', null: 'keine Angabe' },
    metrics: 'Kennzahlen',
    projectUpdates: 'Projekt-Updates',
    tensions: 'Spannungen',
    noTensions: 'Es wurden keine Spannungen bearbeitet.',
    outcome: 'Ergebnis',
    outcomes: {
      information: 'Information',
      'next-action': 'Nächster Schritt',
      project: 'Projekt',
      help: 'Bitte um Unterstützung',
      sharing: 'Teilen',
      'to-governance': 'In den Governance-Raum verschoben',
    },
    gotWhatNeeded: { true: 'hat bekommen, was gebraucht wurde', false: 'hat nicht bekommen, was gebraucht wurde' },
    agreement: 'Vereinbarung',
    personalNotShared: (count) =>
      count === 1
        ? '1 persönliche Spannung wurde bearbeitet (nicht geteilt).'
        : `${count} persönliche Spannungen wurden bearbeitet (nicht geteilt).`,
    decisions: 'Beschlüsse',
    decisionLog: 'Beschlussbuch',
    adopted: 'beschlossen',
    decision: 'Beschluss',
    notAdopted: 'In diesem Meeting kein Beschluss; die Spannung bleibt offen.',
    decisionArchived: 'gefasst; der Wortlaut steht im vollständigen Beschlussbuch.',
    present: 'anwesend',
    markedAbsent: 'von der Moderation als abwesend vermerkt',
    actions: 'Aufgaben',
    owner: 'Verantwortlich',
    due: 'fällig',
    noOwner: 'noch niemand zuständig',
    stillOpen: 'Offene Aufgaben des Teams',
  },
};
