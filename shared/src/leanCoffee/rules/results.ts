import type { ParticipantCommand } from '../../protocol/commands.ts';
import { ErrorCode } from '../../protocol/errors.ts';
import type { DomainEvent } from '../events.ts';
import { mayFacilitate } from '../permissions.ts';
import type { IdKind, ParticipantId, SessionState } from '../state.ts';

export interface DomainError {
  code: ErrorCode;
  message: string;
}

export type DecideResult = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

/** What one rule module needs besides the state and the command. */
export interface RuleContext {
  actorId: ParticipantId;
  now: number;
  newId: (kind: IdKind) => string;
}

/** The commands of the given types, narrowed for one rule module. */
export type CommandOf<T extends ParticipantCommand['type']> = Extract<ParticipantCommand, { type: T }>;

export const accept = (...events: DomainEvent[]): DecideResult => ({
  ok: true,
  events,
});

export const reject = (code: ErrorCode, message: string): DecideResult => ({
  ok: false,
  error: { code, message },
});

export function requireFacilitator(state: SessionState, actorId: ParticipantId): DecideResult | undefined {
  return mayFacilitate(state, actorId) ? undefined : reject(ErrorCode.forbidden, 'Only a facilitator may do this.');
}

/** Joins results in order; the first refusal wins. */
export function sequence(...results: DecideResult[]): DecideResult {
  const events: DomainEvent[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    events.push(...result.events);
  }
  return { ok: true, events };
}
