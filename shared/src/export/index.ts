export * from './labels.ts';
export * from './leanCoffeeMinutes.ts';
export * from './leanCoffeeSummary.ts';
