export * from './apply.ts';
export * from './clock.ts';
export * from './decide.ts';
export * from './events.ts';
export * from './selectors.ts';
export * from './state.ts';
export * from './view.ts';
export * from './participants.ts';
