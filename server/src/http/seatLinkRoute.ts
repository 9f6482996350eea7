import {
  deviceCapRefusal,
  devicesToRevoke,
  DEVICES_PER_SEAT,
  ErrorCode,
  fail,
  openSeatLinkRequestSchema,
  type OpenSeatLinkResponse,
  type SeatEndedNotice,
} from '@runde/shared';
import { Router, type RequestHandler } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashSecret, type IdSource } from '../ids.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import { deviceGrant } from '../session/deviceGrant.ts';
import type { EndSeatDevices } from '../socket/seatEnding.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { sendError } from './httpErrors.ts';
import { limitByIp, refund } from './rateLimit.ts';
import { parseBody, sessionIdFrom } from './requestParts.ts';

export interface SeatLinkRouteDeps {
  store: SessionStore;
  runner: CommandRunner;
  clock: () => number;
  ids: IdSource;
  /** Shared with every lookup by code: a wrong secret is a guess like a wrong code. */
  failedLookup: RateLimiterAbstract;
  endDevices: EndSeatDevices;
}

/**
 * `POST /api/sessions/:code/seat-link`: a device opens a seat link (the secret came in the page's
 * URL fragment and travels here in the body, never in a URL). The link is taken out of the store
 * first, so it opens once, whatever happens next. A wrong, expired or used secret and a code
 * without a session get one answer and count as failed lookups.
 */
export function seatLinkRoute(deps: SeatLinkRouteDeps): Router {
  const { store, runner, clock, ids } = deps;
  const router = Router();
  const invalidLink = () => fail(ErrorCode.unauthorized, 'This device link is not valid or was already used.').error;

  const open: RequestHandler = async (req, res) => {
    const sessionId = sessionIdFrom(req, res);
    if (!sessionId) return;
    const body = parseBody(openSeatLinkRequestSchema, req, res);
    if (!body) {
      await refund(deps.failedLookup, req);
      return;
    }
    const link = await store.takeSeatLink(sessionId, hashSecret(body.secret), clock());
    const state = link ? await runner.known(sessionId) : null;
    // A link of a seat that is gone (merged away meanwhile: repointed links follow) opens nothing.
    if (!link || !state?.participants.some((p) => p.id === link.participantId)) {
      sendError(res, invalidLink());
      return;
    }
    await refund(deps.failedLookup, req);
    const participantId = link.participantId;
    const mode = link.via === 'move' ? 'move' : 'copy';
    const revokeDeviceIds = devicesToRevoke(
      { mode, fromDevice: link.fromDevice, revokeOthers: link.revokeOthers },
      await store.seatDevices(sessionId, participantId),
    );
    // A seat this device already holds here is given up for the link's; one it cannot prove counts as none.
    const heldHash = body.seat ? hashSecret(body.seat.token) : undefined;
    const held =
      heldHash !== undefined && (await store.participantForToken(sessionId, heldHash)) === body.seat?.participantId
        ? heldHash
        : undefined;
    const token = ids.newSecret();
    const granted = await store.grantDevice(
      sessionId,
      deviceGrant(hashSecret(token), participantId, { via: link.via, label: body.deviceLabel, now: clock() }),
      { cap: DEVICES_PER_SEAT, revokeDeviceIds, ...(held ? { replaceTokenHash: held } : {}) },
    );
    if (!granted.ok) {
      sendError(res, granted.reason === 'cap' ? (deviceCapRefusal(DEVICES_PER_SEAT) ?? invalidLink()) : invalidLink());
      return;
    }
    // The seat's devices that lost it hear why; the device's own earlier seat just ends.
    const moved: SeatEndedNotice = { reason: link.via === 'move' ? 'moved' : 'revoked' };
    deps.endDevices(
      sessionId,
      granted.revoked.filter((d) => d.participantId === participantId),
      moved,
    );
    deps.endDevices(
      sessionId,
      granted.revoked.filter((d) => d.participantId !== participantId),
      { reason: 'revoked' },
    );
    const response: OpenSeatLinkResponse = { sessionId, participantId, token };
    res.json(response);
  };

  router.post('/sessions/:code/seat-link', limitByIp(deps.failedLookup), open);
  return router;
}
