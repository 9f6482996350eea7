import type { Messages } from '../de.ts';

export const governanceEn: Messages['governance'] = {
  heading: 'Integrative decision-making',
  stepperLabel: 'Steps of the decision',
  stepStatus: 'Step {{step}} of {{total}}: {{name}}',
  objectionRound: 'Objection round {{count}}',
  help: {
    proposal: 'The proposer describes the tension and writes down a concrete proposal. Everyone else listens.',
    clarifying:
      'Questions to understand the proposal only – no opinions yet. The proposer answers or says “not specified”.',
    reaction: 'Each person reacts in turn; no discussion, no replies.',
    amend:
      'The proposer may clarify or amend the proposal in the light of the reactions – or leave it. Everyone else listens.',
    objection: 'Would the proposal cause harm or move us backwards? State an objection with a reason, or none.',
    integration:
      'Together, the proposal is changed so that the objection no longer applies and the proposal still serves its purpose.',
    adopted: 'No objection remains open: the proposal applies from now on.',
  },
  proposer: 'Proposal by {{name}}',
  proposerYou: 'Your proposal',
  presenter: 'Presented by {{name}} (anonymous tension)',
  presenterYou: 'You present this anonymous tension.',
  proposal: {
    label: 'Proposal',
    hint: 'What exactly should apply from now on? Concrete, and so that everyone understands it.',
    save: 'Save proposal',
    saved: 'Proposal saved.',
    unsaved: 'Not saved yet.',
    empty: 'No proposal yet. {{name}} is writing it down.',
    readOnly: 'In this step the proposal stays as it is.',
  },
  controls: {
    heading: 'Run the process',
    nextTo: 'Next: {{name}}',
    backTo: 'Back to: {{name}}',
    noSkip:
      'The objection round cannot be skipped: everyone present states an objection or none themselves. The facilitator marks anyone who cannot answer as absent.',
    blocked: {
      noProposal: 'You can move on once a proposal is saved.',
      roundOpen: 'You can move on once everyone present has answered in the objection round.',
      openObjections: 'Integrate or test every open objection first.',
      adopted: 'The proposal is adopted.',
    },
    othersNote: 'The facilitator leads through the steps.',
  },
  turn: {
    yours: 'Your turn: do you have an objection?',
    waitingFor: 'It is {{name}}’s turn.',
    markAbsent: 'Mark {{name}} absent',
    markAbsentHint: 'Only if {{name}} cannot answer. The decision then names them as absent, not as “no objection”.',
    none: 'No objection',
    objection: 'Objection',
    objectionHint: 'What harm would the proposal cause, or how would it move us backwards? Please give a reason.',
    raise: 'Raise objection',
  },
  objections: {
    count: '{{open}} of {{total}} open',
    heading: 'Objections',
    empty: 'No objection so far.',
    round: 'Round {{count}}',
    status: {
      open: 'open',
      valid: 'valid',
      invalid: 'not valid',
      integrated: 'integrated',
    },
    testHint:
      'Test the objection: would the proposal really cause harm or move us backwards, and does that follow from the proposal itself? Valid objections are integrated.',
    valid: 'Valid',
    invalid: 'Not valid',
    keptValid: 'Confirmed as valid: to be integrated.',
    integrateHint:
      'Change the proposal so that the objection no longer applies, save it, then mark the objection as integrated.',
    integrate: 'Mark integrated',
  },
  adopted: {
    heading: 'Adopted',
    recorded: 'Recorded in the decision log.',
    present: 'Present: {{names}}',
    markedAbsent: 'Marked absent by the facilitator: {{names}}',
  },
};
