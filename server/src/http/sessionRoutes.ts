import {
  claimFacilitatorRequestSchema,
  createSession,
  createSessionRequestSchema,
  createTeamSpace,
  createTeamSpaceRequestSchema,
  defaultLeanCoffeeSettings,
  deviceCapRefusal,
  DEVICES_PER_SEAT,
  ErrorCode,
  facilitatorLinkClaim,
  fail,
  joinSessionRequestSchema,
  mayReadWithoutSeat,
  signInRequired,
  type ClaimFacilitatorResponse,
  type EndedSessionResponse,
  type JoinSessionResponse,
  type SessionSummary,
  viewForReaderWithoutSeat,
} from '@runde/shared';
import { Router, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashSecret, type IdSource } from '../ids.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import { deviceGrant } from '../session/deviceGrant.ts';
import type { SessionStore, StoredSession } from '../store/sessionStore.ts';
import { notFound, sendError } from './httpErrors.ts';
import { limitByIp, refund } from './rateLimit.ts';
import { openSession, parseBody, sessionIdFrom } from './requestParts.ts';

export interface SessionRouteDeps {
  store: SessionStore;
  runner: CommandRunner;
  clock: () => number;
  ids: IdSource;
  publicUrl: string | undefined;
  limiters: {
    create: RateLimiterAbstract;
    /** Lookups that found nothing, per address: spent before each lookup, refunded when it finds something. */
    failedLookup: RateLimiterAbstract;
  };
  logger: Logger;
  /** `POST /sessions/:code/sign-in-seat` (see `signInSeatRoute`). */
  signInSeat: RequestHandler;
}

export function sessionRoutes(deps: SessionRouteDeps): Router {
  const { store, runner, ids, limiters } = deps;
  const router = Router();

  /** Start a Lean Coffee. */
  const create: RequestHandler = async (req, res) => {
    const body = parseBody(createSessionRequestSchema, req, res);
    if (!body) return;
    const settings = { ...defaultLeanCoffeeSettings, ...body.settings };
    await openSession(
      deps,
      req,
      res,
      (code, ctx) =>
        createSession({ id: code, title: body.title, facilitatorName: body.facilitatorName, settings }, ctx),
      body.deviceLabel,
    );
  };

  /** Open a LOOP team space: same seats, codes and links as a Lean Coffee, kept across meetings. */
  const createSpace: RequestHandler = async (req, res) => {
    const body = parseBody(createTeamSpaceRequestSchema, req, res);
    if (!body) return;
    await openSession(
      deps,
      req,
      res,
      (code, ctx) => createTeamSpace({ id: code, title: body.title, facilitatorName: body.facilitatorName }, ctx),
      body.deviceLabel,
    );
  };

  /**
   * A read by code: loads the session, answers "no such session" for a code that finds nothing
   * (which `failedLookup` then counts), and hands back the budget for one that finds a session.
   */
  const lookupRoute =
    (answer: (found: { sessionId: string; state: StoredSession['state'] }, res: Response) => void): RequestHandler =>
    async (req, res) => {
      const sessionId = sessionIdFrom(req, res);
      if (!sessionId) return;
      const current = await store.load(sessionId);
      if (!current) {
        sendError(res, notFound('session'));
        return;
      }
      await refund(limiters.failedLookup, req);
      answer({ sessionId, state: current.state }, res);
    };

  /**
   * What the join page shows before asking for a name. It says whether a code exists (a mistyped
   * code must get "no such session"), so the codes that find nothing are what `failedLookup` counts.
   */
  const summary = lookupRoute(({ sessionId, state }, res) => {
    const body: SessionSummary = {
      sessionId,
      title: state.title,
      kind: state.kind,
      // A team space stays open from one meeting to the next.
      ended: state.kind === 'lean-coffee' && state.phase === 'ended',
      // The join page offers signing in instead of a name form.
      ...(state.kind !== 'hall' && signInRequired(state) ? { signIn: 'required' as const } : {}),
      // A table of a hall is joined through its hall, which counts and moves its people.
      ...(state.kind === 'lean-coffee' && state.hall
        ? { table: { hallId: state.hall.hallId, number: state.hall.table } }
        : {}),
    };
    res.json(body);
  });

  /**
   * The summary of an ended Lean Coffee for someone without a seat (a latecomer, a phone that lost
   * its seat): the server decides what that copy holds, masked like any participant's. Codes
   * that find nothing count as failed lookups, like the join page's lookup.
   */
  const ended = lookupRoute(({ state }, res) => {
    if (state.kind !== 'lean-coffee' || !mayReadWithoutSeat(state)) {
      sendError(res, fail(ErrorCode.invalidState, 'This session can be read only by its participants.').error);
      return;
    }
    const body: EndedSessionResponse = { state: viewForReaderWithoutSeat(state) };
    res.json(body);
  });

  /** Take a seat: the join goes through `decide` like any command, and its token is stored in the same write. */
  const join: RequestHandler = async (req, res) => {
    const sessionId = sessionIdFrom(req, res);
    if (!sessionId) return;
    const body = parseBody(joinSessionRequestSchema, req, res);
    if (!body) {
      await refund(limiters.failedLookup, req);
      return;
    }
    // A seat taken here at a hall's table would be one the hall never counts, moves or harvests with.
    const known = await runner.known(sessionId);
    if (known?.kind === 'lean-coffee' && known.hall) {
      await refund(limiters.failedLookup, req);
      sendError(res, fail(ErrorCode.invalidState, 'Take a seat at this table through its event.').error);
      return;
    }
    const token = ids.newSecret();
    const tokenHash = hashSecret(token);
    const result = await runner.run(
      sessionId,
      { kind: 'system' },
      { type: 'participant:join', name: body.name, role: 'participant' },
      {
        grants: (events) =>
          events.flatMap((e) =>
            e.type === 'participant:joined'
              ? [deviceGrant(tokenHash, e.participant.id, { via: 'join', label: body.deviceLabel, now: deps.clock() })]
              : [],
          ),
      },
    );
    // Only a code without a session is a failed lookup; a name refused by the rules is not.
    if (result.ok || result.error.code !== ErrorCode.notFound) await refund(limiters.failedLookup, req);
    if (!result.ok) {
      sendError(res, result.error);
      return;
    }
    const joined = result.events.find((v) => v.event.type === 'participant:joined')?.event;
    if (joined?.type !== 'participant:joined') throw new Error('A join must seat a participant');
    const response: JoinSessionResponse = { sessionId, participantId: joined.participant.id, token };
    res.status(201).json(response);
  };

  /**
   * Facilitate from another device: the facilitator key buys a fresh token for the original
   * facilitator seat. A wrong key and a code without a session get the same answer, found by the
   * same single hash lookup, so this route tells a guesser nothing about which codes exist.
   */
  const claimFacilitator: RequestHandler = async (req, res) => {
    const invalidLink = () => fail(ErrorCode.unauthorized, 'This facilitator link is not valid.').error;
    const sessionId = sessionIdFrom(req, res);
    if (!sessionId) return;
    const body = parseBody(claimFacilitatorRequestSchema, req, res);
    if (!body) {
      await refund(limiters.failedLookup, req);
      return;
    }
    const linkSeat = await store.facilitatorForKey(sessionId, hashSecret(body.key));
    if (!linkSeat) {
      sendError(res, invalidLink());
      return;
    }
    await refund(limiters.failedLookup, req);
    // A session that requires sign-in seats only through a sign-in: the facilitator signs in too.
    if ((await store.seatProof(sessionId, '', null)).signInRequired) {
      sendError(res, fail(ErrorCode.signInRequired, 'This session requires signing in.').error);
      return;
    }
    // A seat this device proves with its token is asked about; one it cannot prove counts as none.
    const ownSeat =
      body.seat && (await store.participantForToken(sessionId, hashSecret(body.seat.token))) === body.seat.participantId
        ? body.seat
        : undefined;
    const claim = facilitatorLinkClaim(linkSeat, ownSeat?.participantId, body.choice);
    if ('ask' in claim) {
      const people = (await store.load(sessionId))?.state.participants ?? [];
      const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '';
      const response: ClaimFacilitatorResponse = {
        choose: { yourName: nameOf(ownSeat?.participantId ?? ''), linkName: nameOf(linkSeat) },
      };
      res.json(response);
      return;
    }
    const participantId = claim.grant;
    const token = claim.newToken || !ownSeat ? ids.newSecret() : ownSeat.token;
    // A seat kept on this device keeps its token; a seat taken over gets a new one for this device.
    const granted =
      token === ownSeat?.token
        ? ({ ok: true, revoked: [] } as const)
        : await store.grantDevice(
            sessionId,
            deviceGrant(hashSecret(token), participantId, {
              via: 'facilitator-link',
              label: body.deviceLabel,
              now: deps.clock(),
            }),
            { cap: DEVICES_PER_SEAT },
          );
    if (!granted.ok) {
      // Deleted between the two steps: the link is as invalid as any other.
      const refusal = granted.reason === 'missing' ? invalidLink() : deviceCapRefusal(DEVICES_PER_SEAT);
      sendError(res, refusal ?? invalidLink());
      return;
    }
    // The link restores full facilitation: the granted seat facilitates (again), announced to every device.
    const reinstated = await runner.run(
      sessionId,
      { kind: 'system' },
      { type: 'participant:reinstate-facilitator', participantId },
    );
    if (!reinstated.ok) {
      sendError(res, reinstated.error);
      return;
    }
    const response: ClaimFacilitatorResponse = { sessionId, participantId, token };
    res.json(response);
  };

  router.post('/sessions', limitByIp(limiters.create), create);
  router.post('/spaces', limitByIp(limiters.create), createSpace);
  // Reads and joins by code are counted only when the code (or key) finds nothing: a venue's
  // hundreds of phones behind one address are never refused for their number, a guesser is.
  const failedLookups = limitByIp(limiters.failedLookup);
  router.get('/sessions/:code', failedLookups, summary);
  router.get('/sessions/:code/ended', failedLookups, ended);
  router.post('/sessions/:code/participants', failedLookups, join);
  router.post('/sessions/:code/facilitator', failedLookups, claimFacilitator);
  router.post('/sessions/:code/sign-in-seat', failedLookups, deps.signInSeat);
  return router;
}
