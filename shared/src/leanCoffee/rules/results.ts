import type { ParticipantCommand } from '../../protocol/commands.ts';
import { ErrorCode } from '../../protocol/errors.ts';
import type { DomainEvent } from '../events.ts';
import { mayFacilitate } from '../permissions.ts';
import type { ParticipantId, SessionState } from '../state.ts';
import { refusal, type Decision } from '../../core/decision.ts';

export type { DomainError, RuleContext } from '../../core/decision.ts';

export type DecideResult = Decision<DomainEvent>;

/** The commands of the given types, narrowed for one rule module. */
export type CommandOf<T extends ParticipantCommand['type']> = Extract<ParticipantCommand, { type: T }>;

export const accept = (...events: DomainEvent[]): DecideResult => ({
  ok: true,
  events,
});

export const reject = refusal;

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
