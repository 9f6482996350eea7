export * from './clock.ts';
export * from './participants.ts';
export * from './timer.ts';
// `Decision` stays inside: the team space has a `Decision` of its own (a governance decision).
export type { Actor, DecideContext, DomainError, IdKind, RuleContext } from './decision.ts';
