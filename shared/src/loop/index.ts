export * from './apply.ts';
export * from './archive.ts';
export * from './decide.ts';
export * from './events.ts';
export * from './limits.ts';
export * from './selectors.ts';
export * from './state.ts';
export * from './view.ts';
