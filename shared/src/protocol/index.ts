export * from './commands.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './limits.ts';
export * from './schemas.ts';
export * from './socketEvents.ts';
export * from './version.ts';
export * from './defaults.ts';
