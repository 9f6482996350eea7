import { replicaFoldOf, teamSpaceFold as teamSpaceKindFold } from '@runde/shared/client';

/** A team space's replica folds with the LOOP rules only; the Lean Coffee ones never reach this phone. */
export const teamSpaceFold = replicaFoldOf(teamSpaceKindFold);
