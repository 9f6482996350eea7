import type { Messages } from '../de.ts';

export const loopCommonEn: Messages['loop'] = {
  rooms: {
    operational: 'Operational room',
    governance: 'Governance room',
    individual: 'Individual room',
    relationship: 'Relationship room',
  },
  roomPurpose: {
    operational: 'Work in roles: tasks, projects, information',
    governance: 'Work on the organisation: roles, accountabilities, rules',
    individual: 'Personal development, strengths, values',
    relationship: 'Relationships and conflict',
  },
  roomFormat: {
    operational: 'Sync meeting',
    governance: 'Governance meeting with integrative decision-making',
    individual: 'Reflection and feedback round',
    relationship: 'Guided conversation: observation, feeling, need, request',
  },
  stages: {
    checkin: 'Check-in',
    checklist: 'Checklist and metrics',
    projects: 'Project updates',
    agenda: 'Agenda',
    tensions: 'Tensions',
    closing: 'Closing round',
  },
  idmSteps: {
    proposal: 'Proposal',
    clarifying: 'Clarifying questions',
    reaction: 'Reaction round',
    amend: 'Amend and clarify',
    objection: 'Objection round',
    integration: 'Integration',
    adopted: 'Adopted',
  },
  roundKinds: {
    checkin: 'Check-in round',
    reaction: 'Reaction round',
    objection: 'Objection round',
    closing: 'Closing round',
    personal: 'Round',
  },
  outcomeTypes: {
    information: 'Information',
    'next-action': 'Next action',
    project: 'Project',
    help: 'Request for help',
    sharing: 'Sharing',
    'to-governance': 'Goes to governance',
  },
  roles: {
    facilitator: 'Facilitator',
    scribe: 'Scribe',
  },
};
