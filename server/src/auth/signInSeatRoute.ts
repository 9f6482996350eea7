import {
  deviceCapRefusal,
  DEVICES_PER_SEAT,
  deviceIdOf,
  displayNameSchema,
  ErrorCode,
  facilitatorGroupOf,
  fail,
  signInSeatRequestSchema,
  type KindEvent,
  type SignInSeatResponse,
} from '@runde/shared';
import type { RequestHandler } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashSecret, type IdSource } from '../ids.ts';
import { notFound, sendError } from '../http/httpErrors.ts';
import { refund } from '../http/rateLimit.ts';
import { parseBody, sessionIdFrom } from '../http/requestParts.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { ProviderUnavailableError } from './oidcClient.ts';
import type { SignIns } from './signInSessions.ts';

export interface SignInSeatDeps {
  store: SessionStore;
  runner: CommandRunner;
  ids: IdSource;
  clock: () => number;
  signIns: SignIns | null;
  failedLookup: RateLimiterAbstract;
}

/**
 * `POST /api/sessions/:code/sign-in-seat`: the seat of the signed-in person in this session, for
 * this device. In order: the seat already bound to their subject (a new device token for it);
 * the link seat this device proves (bound to the subject now); or a new seat, bound from the start,
 * named as the provider names them (or by `name` when that is taken). Each time the seat is bound
 * again, so with a facilitator group the group decides the role.
 */
export function signInSeatRoute(deps: SignInSeatDeps): RequestHandler {
  const { store, runner, ids } = deps;
  return async (req, res) => {
    const sessionId = sessionIdFrom(req, res);
    if (!sessionId) return;
    const body = parseBody(signInSeatRequestSchema, req, res);
    if (!body) {
      await refund(deps.failedLookup, req);
      return;
    }
    let signIn;
    try {
      signIn = deps.signIns ? await deps.signIns.current(req.headers.cookie) : null;
    } catch (err) {
      if (!(err instanceof ProviderUnavailableError)) throw err;
      sendError(res, fail(ErrorCode.unavailable, 'The identity provider cannot be reached.').error);
      return;
    }
    if (!signIn) {
      await refund(deps.failedLookup, req);
      sendError(res, fail(ErrorCode.signInRequired, 'Please sign in first.').error);
      return;
    }
    const state = await runner.known(sessionId);
    if (!state || state.kind === 'hall') {
      sendError(res, notFound('session'));
      return;
    }
    await refund(deps.failedLookup, req);
    if (state.kind === 'lean-coffee' && state.hall) {
      sendError(res, fail(ErrorCode.invalidState, 'Take a seat at this table through its event.').error);
      return;
    }
    const { subjectKey, groups, name } = signIn.record;
    const group = facilitatorGroupOf(state);
    const facilitates = group === null ? null : groups.includes(group);
    const proof = await store.seatProof(sessionId, body.seat ? hashSecret(body.seat.token) : '', subjectKey);
    const token = ids.newSecret();
    const tokenHash = hashSecret(token);
    const binding = (participantId: string) => ({ subjectKey, participantId });
    const subjectSeatNow = async () => (await store.seatProof(sessionId, '', subjectKey)).subjectSeat;
    const device = { label: body.deviceLabel, via: 'sign-in' as const, addedAt: deps.clock() };

    // A seat this device holds by link, not yet bound to anyone: it becomes this person's.
    const linkSeat =
      body.seat && proof.participantId === body.seat.participantId
        ? state.participants.find((p) => p.id === body.seat?.participantId && p.boundBy !== 'sign-in')
        : undefined;
    /**
     * A new device token for a seat this person already has (or now takes over from a link), granted
     * in the very write that binds the seat: a refused bind leaves no token behind.
     */
    const grantTo = async (existing: string, again = true): Promise<void> => {
      // The device's link token gives way to the bound one (one device, one token); the cap is
      // checked in the same atomic step.
      const replaced = linkSeat && body.seat && existing === linkSeat.id ? hashSecret(body.seat.token) : null;
      const result = await runner.run(
        sessionId,
        { kind: 'system' },
        { type: 'participant:bind', participantId: existing, facilitates },
        {
          bindSubjects: () => [binding(existing)],
          seatGrant: {
            grant: { tokenHash, participantId: existing, device },
            cap: DEVICES_PER_SEAT,
            revokeDeviceIds: replaced ? [deviceIdOf(replaced)] : [],
          },
        },
      );
      if (!result.ok) {
        // Another device of this person bound another seat first (a link seat of theirs): that one
        // is their seat here, once.
        const now = again && result.error.code === ErrorCode.conflict ? await subjectSeatNow() : null;
        if (now !== null && now !== existing) await grantTo(now, false);
        else sendError(res, result.error.code === ErrorCode.limitReached ? deviceCapRefusalOf() : result.error);
        return;
      }
      const response: SignInSeatResponse = { sessionId, participantId: existing, token };
      res.json(response);
    };
    const existing = proof.subjectSeat ?? linkSeat?.id ?? null;
    if (existing !== null) {
      await grantTo(existing);
      return;
    }
    // The provider's name is taken only when it would pass as a name typed in the join form.
    const providerName = displayNameSchema.safeParse(name);
    const seatName = body.name ?? (providerName.success ? providerName.data : '');
    if (seatName === '') {
      sendError(res, fail(ErrorCode.invalidPayload, 'Please choose a name.').error);
      return;
    }
    const joinedId = (events: KindEvent[]) =>
      events.flatMap((e) => (e.type === 'participant:joined' ? [e.participant.id] : []));
    const result = await runner.run(
      sessionId,
      { kind: 'system' },
      {
        type: 'participant:join',
        name: seatName,
        role: facilitates ? 'facilitator' : 'participant',
        boundBy: 'sign-in',
      },
      {
        grants: (events) => joinedId(events).map((participantId) => ({ tokenHash, participantId, device })),
        bindSubjects: (events) => joinedId(events).map(binding),
      },
    );
    if (!result.ok) {
      // Two requests of one person at once (a double tap, two tabs, two devices, on two nodes): the
      // other one seated them first, under this name (`name_taken`) or another (the store refused
      // to bind the subject twice: `conflict`). This one gets a device of that seat, not a refusal.
      const retry = result.error.code === ErrorCode.nameTaken || result.error.code === ErrorCode.conflict;
      const now = retry ? await subjectSeatNow() : null;
      if (now !== null) await grantTo(now);
      else sendError(res, result.error);
      return;
    }
    const participantId = joinedId(result.events.map((v) => v.event))[0];
    if (!participantId) throw new Error('A join must seat a participant');
    const response: SignInSeatResponse = { sessionId, participantId, token };
    res.status(201).json(response);
  };
}

/** The cap's refusal (`limit_reached`), for a grant the store refused for the cap. */
function deviceCapRefusalOf() {
  return deviceCapRefusal(DEVICES_PER_SEAT) ?? fail(ErrorCode.limitReached, 'Too many devices.').error;
}
