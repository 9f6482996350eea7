/**
 * Every failure a client can be told about. An `as const` object plus a union type (not an enum),
 * so the codes are plain strings on the wire and exhaustively checkable in code.
 */
export const ErrorCode = {
  invalidPayload: 'invalid_payload',
  unknownEvent: 'unknown_event',
  protocolMismatch: 'protocol_mismatch',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  wrongPhase: 'wrong_phase',
  invalidTransition: 'invalid_transition',
  voteBudgetExhausted: 'vote_budget_exhausted',
  stackingNotAllowed: 'stacking_not_allowed',
  noVoteToRetract: 'no_vote_to_retract',
  settingsLocked: 'settings_locked',
  topicLimitReached: 'topic_limit_reached',
  /** A cap of `limits` is reached: the list is full (for everyone, or for this person). */
  limitReached: 'limit_reached',
  timerNotDue: 'timer_not_due',
  invalidState: 'invalid_state',
  sessionEnded: 'session_ended',
  sessionFull: 'session_full',
  /** Someone in the session already goes by this name (compared ignoring case, width and invisible characters). */
  nameTaken: 'name_taken',
  conflict: 'conflict',
  /** The session requires sign-in with the installation's identity provider, and this device has none (or not the seat's). */
  signInRequired: 'sign_in_required',
  rateLimited: 'rate_limited',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;

/** One of the values of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A validation problem, reduced to what is safe and useful to show: where, and what kind. */
export interface PayloadIssue {
  path: string;
  code: string;
}

/** The error half of an {@link Ack}. `message` is a fixed English sentence, never exception text. */
export interface AppError {
  code: ErrorCode;
  message: string;
  issues?: PayloadIssue[];
}

/** What every command's acknowledgement callback receives. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** Builds a failed acknowledgement. */
export function fail(code: ErrorCode, message: string, issues?: PayloadIssue[]): { ok: false; error: AppError } {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}

/** Builds a successful acknowledgement. */
export function succeed<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}
