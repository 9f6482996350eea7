import {
  idmSteps,
  roundComplete,
  type GovernanceProcess,
  type IdmStep,
  type Objection,
  type Round,
} from '@runde/shared/client';

/** Steps in which the proposal may change (the server says the same in `decideGovernance`). */
export const editableSteps: readonly IdmStep[] = ['proposal', 'amend', 'integration'];

/** Why "Next step" would be refused now; the stepper says it instead of letting the click fail. */
export type AdvanceBlock = 'noProposal' | 'roundOpen' | 'openObjections' | 'adopted';

export function openObjections(process: GovernanceProcess): Objection[] {
  return process.objections.filter((o) => o.status === 'open' || o.status === 'valid');
}

/** Mirrors the checks of `process:advance`, only to enable the button and explain why not. */
export function advanceBlock(process: GovernanceProcess, round: Round | null): AdvanceBlock | null {
  switch (process.step) {
    case 'proposal':
      return process.proposal ? null : 'noProposal';
    case 'objection':
      return roundComplete(round) ? null : 'roundOpen';
    case 'integration':
      return openObjections(process).length > 0 ? 'openObjections' : null;
    case 'adopted':
      return 'adopted';
    default:
      return null;
  }
}

/**
 * Where "Next step" leads: an objection round with open objections goes to integration, one
 * without to adoption, and integration always back to a new objection round.
 */
export function nextStep(process: GovernanceProcess): IdmStep | undefined {
  switch (process.step) {
    case 'objection':
      return openObjections(process).length > 0 ? 'integration' : 'adopted';
    case 'integration':
      return 'objection';
    case 'adopted':
      return undefined;
    default:
      return idmSteps[idmSteps.indexOf(process.step) + 1];
  }
}

/** Where "Step back" leads; nothing before the proposal, and an adopted proposal stays adopted. */
export function previousStep(step: IdmStep): IdmStep | undefined {
  return step === 'adopted' ? undefined : idmSteps[idmSteps.indexOf(step) - 1];
}
