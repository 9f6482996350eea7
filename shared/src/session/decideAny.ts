import { decide, type DecideContext, type DomainError } from '../leanCoffee/decide.ts';
import { decideLoop } from '../teamSpace/decide.ts';
import { isLeanCoffeeCommand, isLoopCommand, type AnyCommand } from '../protocol/anyCommands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { applyAnyAll, type AnyEvent, type AnyState } from './anySession.ts';

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

/**
 * Decides several commands as one change, each on the state the ones before it left: how the
 * server folds a burst of presence changes into one commit. A refused command is left out and the
 * rest still count; only when every command is refused is the first refusal the answer.
 */
export function decideInTurn(state: AnyState, commands: readonly AnyCommand[], ctx: DecideContext): AnyDecideResult {
  const events: AnyEvent[] = [];
  let after = state;
  let firstRefusal: AnyDecideResult | null = null;
  let accepted = 0;
  for (const [index, command] of commands.entries()) {
    const decision = decideAny(after, command, ctx);
    if (!decision.ok) {
      firstRefusal ??= decision;
      continue;
    }
    accepted += 1;
    events.push(...decision.events);
    // The caller folds the events itself; only a command still to come needs the state after them.
    if (index < commands.length - 1) after = applyAnyAll(after, decision.events);
  }
  return accepted === 0 && firstRefusal ? firstRefusal : { ok: true, events };
}
