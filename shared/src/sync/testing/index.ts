export * from './socketPair.ts';
export * from './manualScheduler.ts';
