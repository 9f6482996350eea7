import { hallFold as hallKindFold, replicaFoldOf } from '@runde/shared/client';

/** A hall's replica folds with the hall rules only; its tables' Lean Coffees never reach this client. */
export const hallFold = replicaFoldOf(hallKindFold);
