import { idmSteps, openObjections, type GovernanceProcess, type IdmStep } from '@runde/shared/client';

/*
 * What the stepper shows. What may happen now is the shared rules' (shared/src/teamSpace/permissions.ts:
 * `advanceBlock`, `previousStep`, `editableSteps`, `openObjections`, the ones `process:advance` and
 * `process:back` ask), re-exported here under the names the governance components import.
 */
export { advanceBlock, editableSteps, openObjections, previousStep, type AdvanceBlock } from '@runde/shared/client';

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
