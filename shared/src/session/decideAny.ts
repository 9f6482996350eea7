import { decide, type DecideContext, type DomainError } from '../domain/decide.ts';
import { decideLoop } from '../loop/decide.ts';
import { isLeanCoffeeCommand, isLoopCommand, type AnyCommand } from '../protocol/anyCommands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import type { AnyEvent, AnyState } from './anySession.ts';

export type AnyDecideResult = { ok: true; events: AnyEvent[] } | { ok: false; error: DomainError };

const otherKind = (): AnyDecideResult => ({
  ok: false,
  error: { code: ErrorCode.invalidState, message: 'Not available in this kind of session.' },
});

/**
 * Decides a command by the rules of the session's kind. A command only the other kind knows is
 * refused as `invalid_state`, changing nothing. Server-only: it needs the command schemas to tell
 * the kinds' commands apart, and the browser bundle stays free of zod.
 */
export function decideAny(state: AnyState, command: AnyCommand, ctx: DecideContext): AnyDecideResult {
  if (state.kind === 'lean-coffee') return isLeanCoffeeCommand(command) ? decide(state, command, ctx) : otherKind();
  return isLoopCommand(command) ? decideLoop(state, command, ctx) : otherKind();
}
