import {
  deviceIdOf,
  ErrorCode,
  fail,
  signInReturnToSchema,
  signOutRequestSchema,
  type SignInConfig,
  type SignInErrorCode,
  type SignInStatus,
  type SignOutResponse,
} from '@runde/shared';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashSecret } from '../ids.ts';
import { sendError } from '../http/httpErrors.ts';
import { publicUrlFor } from '../http/publicUrl.ts';
import { parseBody } from '../http/requestParts.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import type { EndSeatDevices } from '../socket/seatEnding.ts';
import { spend } from '../limits/rateLimits.ts';
import { SIGN_IN_FLOW_TTL_MS } from '../store/signInRecords.ts';
import { ProviderUnavailableError, type OidcClient } from './oidcClient.ts';
import {
  cookieHeader,
  cookieValue,
  newSignInId,
  SIGN_IN_COOKIE,
  SIGN_IN_FLOW_COOKIE,
  type SignIns,
} from './signInSessions.ts';

export interface AuthRouteDeps {
  store: SessionStore;
  /** Null when no provider is configured: the routes say so instead of failing. */
  oidc: { client: OidcClient; signIns: SignIns; sessionMs: number } | null;
  publicUrl: string | undefined;
  logger: Logger;
  /** Tells the revoked devices (on any node) that their seat ended here, and closes their sockets. */
  endDevices: EndSeatDevices;
  /** Per address: every login stores a flow, so starting them is budgeted. */
  loginLimiter: RateLimiterAbstract;
}

/** The login flow's cookie lives only where the callback reads it. */
const FLOW_PATH = '/api/auth';

/** `/api/auth/*`, per `signInProtocol.ts`. */
export function authRoutes(deps: AuthRouteDeps): Router {
  const { store, oidc, logger } = deps;
  const router = Router();
  const secure = (req: Request) => publicUrlFor(req, deps.publicUrl).startsWith('https:');
  const callbackUrl = (req: Request) => `${publicUrlFor(req, deps.publicUrl)}/api/auth/callback`;
  const back = (res: Response, returnTo: string, error?: SignInErrorCode) =>
    res.redirect(302, error ? `${returnTo}#signin-error=${error}` : returnTo);

  const config: RequestHandler = (_req, res) => {
    const body: SignInConfig = { signIn: oidc ? { label: oidc.client.label } : null };
    res.json(body);
  };

  const login: RequestHandler = async (req, res) => {
    const parsed = signInReturnToSchema.safeParse(req.query.returnTo ?? '/');
    const returnTo = parsed.success ? parsed.data : '/';
    if (!oidc) return back(res, returnTo, 'unavailable');
    // Spent before anything is stored; a browser past it is sent back like one whose provider is
    // down (it may try again shortly), not shown an error page.
    if (!(await spend(deps.loginLimiter, req.ip ?? 'unknown'))) return back(res, returnTo, 'unavailable');
    try {
      const start = await oidc.client.startLogin(callbackUrl(req));
      const flowId = newSignInId();
      await store.putSignInFlow(
        flowId,
        { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, returnTo },
        SIGN_IN_FLOW_TTL_MS,
      );
      res.setHeader(
        'Set-Cookie',
        cookieHeader(SIGN_IN_FLOW_COOKIE, flowId, {
          secure: secure(req),
          maxAgeSeconds: SIGN_IN_FLOW_TTL_MS / 1000,
          path: FLOW_PATH,
        }),
      );
      res.redirect(302, start.url.toString());
    } catch (err) {
      if (err instanceof ProviderUnavailableError) return back(res, returnTo, 'unavailable');
      throw err;
    }
  };

  const callback: RequestHandler = async (req, res) => {
    const flowId = cookieValue(req.headers.cookie, SIGN_IN_FLOW_COOKIE);
    // Taken once: a replayed callback (or one from another browser) finds nothing.
    const flow = flowId ? await store.takeSignInFlow(flowId) : null;
    res.append(
      'Set-Cookie',
      cookieHeader(SIGN_IN_FLOW_COOKIE, '', { secure: secure(req), maxAgeSeconds: 0, path: FLOW_PATH }),
    );
    if (!oidc || !flow) return back(res, flow?.returnTo ?? '/', oidc ? 'state' : 'unavailable');
    if (typeof req.query.error === 'string') return back(res, flow.returnTo, 'denied');
    try {
      const currentUrl = new URL(req.originalUrl, publicUrlFor(req, deps.publicUrl));
      const identity = await oidc.client.finishLogin(currentUrl, flow);
      const signIn = await oidc.signIns.start(identity);
      res.append(
        'Set-Cookie',
        cookieHeader(SIGN_IN_COOKIE, signIn.id, { secure: secure(req), maxAgeSeconds: oidc.sessionMs / 1000 }),
      );
      back(res, flow.returnTo);
    } catch (err) {
      if (err instanceof ProviderUnavailableError) return back(res, flow.returnTo, 'unavailable');
      // Whatever the provider's answer failed (signature, issuer, audience, expiry, nonce, state,
      // PKCE): no sign-in. The reason is for the operator's log, not for the browser.
      const reason = reasonOf(err);
      logger.warn({ reason }, 'sign-in callback refused');
      back(res, flow.returnTo, /\bstate\b/i.test(reason) ? 'state' : 'provider');
    }
  };

  const me: RequestHandler = async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const current = oidc ? await oidc.signIns.current(req.headers.cookie) : null;
      const body: SignInStatus = current ? { signedIn: true, name: current.record.name } : { signedIn: false };
      res.json(body);
    } catch (err) {
      if (!(err instanceof ProviderUnavailableError)) throw err;
      sendError(res, fail(ErrorCode.unavailable, 'The identity provider cannot be reached.').error);
    }
  };

  const logout: RequestHandler = async (req, res) => {
    const body = parseBody(signOutRequestSchema, req, res);
    if (!body) return;
    const id = cookieValue(req.headers.cookie, SIGN_IN_COOKIE);
    const ended = oidc && id ? await oidc.signIns.end(id) : null;
    if (ended) {
      // Only the listed devices' tokens, and only where they hold the seat bound to this subject:
      // a sign-out never touches a seat held by link, or another person's.
      for (const seat of body.seats) {
        const tokenHash = hashSecret(seat.token);
        const proof = await store.seatProof(seat.sessionId, tokenHash, ended.subjectKey);
        const participantId = proof.participantId;
        if (participantId !== null && participantId === proof.subjectSeat) {
          const revoked = await store.revokeDevices(seat.sessionId, participantId, [deviceIdOf(tokenHash)]);
          deps.endDevices(
            seat.sessionId,
            revoked.map((deviceId) => ({ participantId, deviceId })),
            { reason: 'signed-out' },
          );
        }
      }
    }
    res.setHeader('Set-Cookie', cookieHeader(SIGN_IN_COOKIE, '', { secure: secure(req), maxAgeSeconds: 0 }));
    const response: SignOutResponse = {
      endSessionUrl: oidc && ended ? await oidc.client.endSessionUrl(`${publicUrlFor(req, deps.publicUrl)}/`) : null,
    };
    res.json(response);
  };

  router.get('/auth/config', config);
  router.get('/auth/login', login);
  router.get('/auth/callback', callback);
  router.get('/auth/me', me);
  router.post('/auth/logout', logout);
  return router;
}

/** An error's message and its causes' (openid-client wraps the precise reason in `cause`). */
function reasonOf(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error && parts.length < 4; e = e.cause) parts.push(e.message);
  return parts.join(': ') || 'unknown';
}
