import { accessSetSchema, ErrorCode, fail, type AppError } from '@runde/shared';
import type { SessionStore } from '../store/sessionStore.ts';
import type { HandlerContext } from '../socket/defineHandler.ts';
import { ProviderUnavailableError, type SignIns } from './signInSessions.ts';

/** A check the server makes before a command reaches `decide`, with facts only the server has. */
export type CommandGuard = (command: { type: string }, ctx: HandlerContext) => Promise<AppError | undefined>;

/**
 * `access:set` that requires sign-in: only where the installation has a provider, and only from a
 * device whose current sign-in is the one the actor's seat is bound to; with a facilitator group,
 * only by a member of that group (who would otherwise lock themselves out of facilitating).
 * `decide` checks the rest (a facilitator, a bound seat).
 */
export function accessSetGuard(deps: { store: SessionStore; signIns: SignIns | null }): CommandGuard {
  return async (command, ctx) => {
    if (command.type !== 'access:set') return undefined;
    const { type: _type, ...payload } = command;
    const input = accessSetSchema.safeParse(payload);
    if (!input.success || !input.data.signIn) return undefined;
    if (!deps.signIns) {
      return fail(ErrorCode.invalidState, 'Single sign-on is not set up on this server.').error;
    }
    let current;
    try {
      current = await deps.signIns.current(ctx.socket.request.headers.cookie);
    } catch (err) {
      if (err instanceof ProviderUnavailableError) {
        return fail(ErrorCode.unavailable, 'The identity provider cannot be reached.').error;
      }
      throw err;
    }
    const proof = current ? await deps.store.seatProof(ctx.sessionId, '', current.record.subjectKey) : null;
    if (!current || proof?.subjectSeat !== ctx.participantId) {
      return fail(ErrorCode.signInRequired, 'Sign in first, so you keep your own seat.').error;
    }
    const group = input.data.facilitatorGroup;
    if (group !== null && !current.record.groups.includes(group)) {
      return fail(ErrorCode.forbidden, 'You are not in this group, so you could no longer facilitate.').error;
    }
    return undefined;
  };
}
