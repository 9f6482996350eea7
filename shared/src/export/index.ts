export * from './labels.ts';
export * from './leanCoffeeMinutes.ts';
export * from './leanCoffeeSummary.ts';
export * from './loopLabels.ts';
export * from './loopMinutes.ts';
export * from './meetingSummary.ts';
export * from './markdown.ts';
export * from './exportAccess.ts';
