import type { ErrorCode } from '../protocol/errors.ts';
import type { ParticipantId } from './participants.ts';

/** The kinds of thing the server mints ids for. */
export type IdKind =
  | 'participant'
  | 'topic'
  | 'outcome'
  | 'tension'
  | 'action'
  | 'meeting'
  | 'decision'
  | 'objection'
  | 'announcement'
  // Between meetings (issue 17).
  | 'proposal'
  | 'question'
  | 'reaction'
  | 'answer'
  | 'record'
  // The team space's register (issue 17): roles and rules, and its recurring meetings.
  | 'role'
  | 'rule'
  | 'rhythm';

/** Who sends a command: a seated participant, or the server itself (joins, presence, due timers). */
export type Actor = { kind: 'participant'; id: ParticipantId } | { kind: 'system' };

/** Everything impure that deciding needs, passed in so that the rules stay pure and testable. */
export interface DecideContext {
  actor: Actor;
  now: number;
  newId: (kind: IdKind) => string;
}

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
