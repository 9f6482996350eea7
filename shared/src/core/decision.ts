import type { ErrorCode } from '../protocol/errors.ts';
import type { IdKind, ParticipantId } from '../leanCoffee/state.ts';

/** Why a command was refused: an error code the client knows, and a message for people. */
export interface DomainError {
  code: ErrorCode;
  message: string;
}

/** What deciding a command of a kind with events `E` yields: the events, or why it was refused. */
export type Decision<E> = { ok: true; events: E[] } | { ok: false; error: DomainError };

/** What one rule module needs besides the state and the command. */
export interface RuleContext {
  actorId: ParticipantId;
  now: number;
  newId: (kind: IdKind) => string;
}

/** A refusal, of any kind's decision. */
export const refusal = (code: ErrorCode, message: string): { ok: false; error: DomainError } => ({
  ok: false,
  error: { code, message },
});
