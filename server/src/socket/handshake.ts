import {
  ErrorCode,
  fail,
  deviceIdOf,
  handshakeAuthSchema,
  PROJECTOR_VIEWER_ID,
  PROTOCOL_VERSION,
  type HandshakeAuth,
  type HandshakeErrorData,
} from '@runde/shared';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ExtendedError } from 'socket.io';
import { toAppError } from '../failures.ts';
import { hashSecret } from '../ids.ts';
import { spend } from '../limits/rateLimits.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import type { RundeSocket } from './types.ts';
import { ProviderUnavailableError, type SignIns } from '../auth/signInSessions.ts';
import type { FollowGroup } from '../auth/roleFollowsGroup.ts';

type Refusal = Error & { data: HandshakeErrorData };

/** The client sees `message` and `data` in `connect_error`; both are fixed, never exception text. */
function refuse(code: HandshakeErrorData['code'], message: string): Refusal {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * One answer for a session without this token and for no session at all: an unauthenticated
 * handshake must not tell which codes exist. The device joins again; the join page says whether
 * the code still has a session.
 */
const noSeat = () => refuse('unauthorized', 'This device has no seat here, or the session has ended.');
const tooMany = () => refuse('rate_limited', 'Too many attempts. Please wait a moment.');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export interface HandshakeDeps {
  store: SessionStore;
  logger: Logger;
  /** The client's address, as HTTP routes see it: the key of the per-address budgets. */
  addressOf: (req: IncomingMessage) => string;
  /** Per address: handshakes without a seat, in the budget HTTP lookups that find nothing share. */
  failedLookups: RateLimiterAbstract;
  /** Handshakes without a seat one engine.io connection may try before the server closes it. */
  failuresPerConnection: number;
  /** Sign-ins, when the installation has an identity provider: sessions that require one check it. */
  signIns: SignIns | null;
  /** Lets a signed-in seat's role follow the facilitator group (see `roleFollowsGroup`). */
  followGroup?: FollowGroup;
}

type Verdict =
  | { admitted: true; sessionId: string; participantId: string; viewer: 'seat' | 'projector'; deviceId: string | null }
  | { admitted: false; refusal: Refusal };

/** Compares two key hashes in time that does not depend on where they differ. */
function sameHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who the credential admits: a seat's participant, or the read-only projector. One store read
 * either way, whether the session exists or not.
 */
async function admits(
  store: SessionStore,
  auth: HandshakeAuth,
  signIns: SignIns | null,
  cookie: string | undefined,
  followGroup: FollowGroup | undefined,
): Promise<Verdict | null> {
  if ('token' in auth) {
    const tokenHash = hashSecret(auth.token);
    const proof = await store.seatProof(auth.sessionId, tokenHash, null);
    const participantId = proof.participantId;
    if (!participantId) return null;
    // A session that requires sign-in: the token alone is not enough, the device's current sign-in
    // (rechecked with the provider when due) must be the subject this seat is bound to.
    if (proof.signInRequired) {
      const signIn = signIns ? await signIns.current(cookie) : null;
      const bound = signIn ? await store.seatProof(auth.sessionId, tokenHash, signIn.record.subjectKey) : null;
      if (!signIn || bound?.subjectSeat !== participantId) {
        return { admitted: false, refusal: refuse('sign_in_required', 'This session requires signing in.') };
      }
      // Before admitting, so the device's first state already shows the role the group gives.
      await followGroup?.(auth.sessionId, participantId, signIn);
    }
    // The device is known from the hash alone: no second lookup.
    return {
      admitted: true,
      sessionId: auth.sessionId,
      participantId,
      viewer: 'seat',
      deviceId: deviceIdOf(tokenHash),
    };
  }
  const stored = await store.projectorKeyHash(auth.sessionId);
  const presented = hashSecret(auth.projectorKey);
  return stored !== null && sameHash(stored, presented)
    ? {
        admitted: true,
        sessionId: auth.sessionId,
        participantId: PROJECTOR_VIEWER_ID,
        viewer: 'projector',
        deviceId: null,
      }
    : null;
}

/**
 * Admits a socket only with the current protocol version and a token that belongs to a seat in the
 * session, or the session's current projector key (a read-only viewer, never a participant). On success `socket.data` says who it is; nothing the client sends later can change that.
 *
 * A refusal costs one hash lookup at most, whether the session exists or not, and is bounded two
 * ways: per address (handshakes without a seat, in the budget failed HTTP lookups share) and per
 * engine.io connection, since Socket.IO lets a client send CONNECT again (even many at once) on one
 * WebSocket. A connection that used up its tries is closed; tries beyond them are not looked at.
 */
export function handshake(deps: HandshakeDeps) {
  const { store, logger } = deps;
  // Per engine.io connection: handshakes begun and not admitted. Counted when they begin, so
  // CONNECTs sent all at once cannot all get past the check before the first one fails.
  const unseated = new WeakMap<object, number>();

  async function verdict(socket: RundeSocket, address: string): Promise<Verdict> {
    const auth: unknown = socket.handshake.auth;
    // Checked before the rest: an outdated client must learn to reload, whatever else it sends.
    if (!isRecord(auth) || auth.protocolVersion !== PROTOCOL_VERSION) {
      return { admitted: false, refusal: refuse('protocol_mismatch', 'This page is out of date. Please reload it.') };
    }
    const parsed = handshakeAuthSchema.safeParse(auth);
    if (!parsed.success) {
      return { admitted: false, refusal: refuse('invalid_payload', 'The connection request is malformed.') };
    }
    // No budget for handshakes that find their seat: a venue's phones reconnecting all at once
    // (a Wi-Fi blip, a node restart) are never refused for their number. One hash field, found or
    // not: the same work for a missing session as for a wrong token.
    const admitted = await admits(store, parsed.data, deps.signIns, socket.request.headers.cookie, deps.followGroup);
    // Refused for the session's access, not for a wrong token: no failed lookup.
    if (admitted) return admitted;
    // Counted after the lookup, so a seat is never refused for other devices' failures.
    const withinBudget = await spend(deps.failedLookups, address);
    return { admitted: false, refusal: withinBudget ? noSeat() : tooMany() };
  }

  return async (socket: RundeSocket, next: (err?: ExtendedError) => void): Promise<void> => {
    const connection = socket.conn;
    const tries = (unseated.get(connection) ?? 0) + 1;
    unseated.set(connection, tries);
    if (tries > deps.failuresPerConnection) {
      // Closed first, so Socket.IO drops the refusal: this connection gets no more answers.
      connection.close();
      next(tooMany());
      return;
    }
    try {
      const address = deps.addressOf(socket.request);
      const result = await verdict(socket, address);
      if (result.admitted) {
        unseated.set(connection, tries - 1);
        socket.data.sessionId = result.sessionId;
        socket.data.participantId = result.participantId;
        socket.data.viewer = result.viewer;
        socket.data.deviceId = result.deviceId;
        socket.data.address = address;
        next();
        return;
      }
      next(result.refusal);
      // After the refusal is on its way (Socket.IO sends it on the next tick).
      if (tries >= deps.failuresPerConnection) setImmediate(() => connection.close());
    } catch (err) {
      // The store or the limits' store failed: not the client's fault, so not one of its tries.
      unseated.set(connection, tries - 1);
      const error =
        err instanceof ProviderUnavailableError
          ? fail(ErrorCode.unavailable, 'The identity provider cannot be reached.').error
          : toAppError(err, logger, { where: 'handshake' });
      next(refuse(error.code === 'unavailable' ? 'unavailable' : 'internal', error.message));
    }
  };
}
