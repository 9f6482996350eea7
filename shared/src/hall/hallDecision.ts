import type { Decision, DomainError } from '../core/decision.ts';
import type { HallEvent } from './hallEvents.ts';

/** What a hall's rule yields: its events, or why it was refused. */
export type HallDecision = Decision<HallEvent>;

export const hallAccept = (...events: HallEvent[]): HallDecision => ({ ok: true, events });
export const hallRefuse = (error: DomainError): HallDecision => ({ ok: false, error });
