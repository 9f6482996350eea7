export * from './domain/index.ts';
export * from './protocol/index.ts';
export * from './export/index.ts';
export * from './loop/index.ts';
export * from './session/anySession.ts';
export * from './session/decideAny.ts';
export * from './session/deletion.ts';
export * from './session/storedUpgrade.ts';
