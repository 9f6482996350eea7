/**
 * Words every LOOP screen shares: the four rooms, the meeting stages, the steps of integrative
 * decision-making, round kinds and outcome types. German is the source; see `../de.ts`.
 */
export const loopCommonDe = {
  rooms: {
    operational: 'Operativer Raum',
    governance: 'Governance-Raum',
    individual: 'Individueller Raum',
    relationship: 'Beziehungsraum',
  },
  roomPurpose: {
    operational: 'Arbeit in den Rollen: Aufgaben, Projekte, Informationen',
    governance: 'Arbeit an der Organisation: Rollen, Verantwortlichkeiten, Regeln',
    individual: 'Persönliche Entwicklung, Stärken, Werte',
    relationship: 'Beziehungen und Konflikte',
  },
  roomFormat: {
    operational: 'Sync-Meeting',
    governance: 'Governance-Meeting mit integrativer Entscheidungsfindung',
    individual: 'Reflexions- und Feedbackrunde',
    relationship: 'Geführtes Gespräch: Beobachtung, Gefühl, Bedürfnis, Bitte',
  },
  stages: {
    checkin: 'Check-in',
    checklist: 'Checkliste und Kennzahlen',
    projects: 'Projekt-Updates',
    agenda: 'Tagesordnung',
    tensions: 'Spannungen',
    closing: 'Abschlussrunde',
  },
  idmSteps: {
    proposal: 'Vorschlag',
    clarifying: 'Verständnisfragen',
    reaction: 'Reaktionsrunde',
    amend: 'Ergänzen und klären',
    objection: 'Einwandrunde',
    integration: 'Integration',
    adopted: 'Beschlossen',
  },
  roundKinds: {
    checkin: 'Check-in-Runde',
    reaction: 'Reaktionsrunde',
    objection: 'Einwandrunde',
    closing: 'Abschlussrunde',
    personal: 'Runde',
  },
  outcomeTypes: {
    information: 'Information',
    'next-action': 'Nächster Schritt',
    project: 'Projekt',
    help: 'Bitte um Unterstützung',
    sharing: 'Teilen',
    'to-governance': 'Geht in den Governance-Raum',
  },
  roles: {
    facilitator: 'Moderation',
    scribe: 'Transparenzmeister:in',
  },
};
