export * from './domain/index.ts';
export * from './protocol/index.ts';
export * from './export/index.ts';
