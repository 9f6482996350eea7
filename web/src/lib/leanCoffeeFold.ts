import { leanCoffeeFold as leanCoffeeKindFold, replicaFoldOf } from '@runde/shared/client';

/** A Lean Coffee's replica folds with the Lean Coffee rules only; a team space's never reach this phone. */
export const leanCoffeeFold = replicaFoldOf(leanCoffeeKindFold);
