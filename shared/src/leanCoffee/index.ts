export * from './apply.ts';
export * from './decide.ts';
export * from './events.ts';
export * from './selectors.ts';
export * from './state.ts';
export * from './view.ts';
export * from './leanCoffeeFold.ts';
export type * from './leanCoffeeTypes.ts';
export * from './permissions.ts';
