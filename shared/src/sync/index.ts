export * from './mergeEvents.ts';
export * from './syncSocket.ts';
export * from './replicaSync.ts';
export * from './outbox.ts';
export * from './serverClock.ts';
export * from './expiryReporter.ts';
