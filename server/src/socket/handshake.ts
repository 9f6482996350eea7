import { handshakeAuthSchema, PROTOCOL_VERSION, type HandshakeErrorData } from '@runde/shared';
import type { Logger } from 'pino';
import type { ExtendedError } from 'socket.io';
import { toAppError } from '../failures.ts';
import { hashSecret } from '../ids.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import type { RundeSocket } from './types.ts';

type Refusal = Error & { data: HandshakeErrorData };

/** The client sees `message` and `data` in `connect_error`; both are fixed, never exception text. */
function refuse(code: HandshakeErrorData['code'], message: string): Refusal {
  return Object.assign(new Error(message), { data: { code } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Admits a socket only with the current protocol version and a token that belongs to a seat in the
 * session. On success `socket.data` says who it is; nothing the client sends later can change that.
 */
export function handshake(deps: { store: SessionStore; logger: Logger }) {
  const { store, logger } = deps;
  return async (socket: RundeSocket, next: (err?: ExtendedError) => void): Promise<void> => {
    try {
      const auth: unknown = socket.handshake.auth;
      // Checked before the rest: an outdated client must learn to reload, whatever else it sends.
      if (!isRecord(auth) || auth.protocolVersion !== PROTOCOL_VERSION) {
        next(refuse('protocol_mismatch', 'This page is out of date. Please reload it.'));
        return;
      }
      const parsed = handshakeAuthSchema.safeParse(auth);
      if (!parsed.success) {
        next(refuse('invalid_payload', 'The connection request is malformed.'));
        return;
      }
      const { sessionId, token } = parsed.data;
      const participantId = await store.participantForToken(sessionId, hashSecret(token));
      if (!participantId) {
        const exists = (await store.load(sessionId)) !== null;
        next(
          exists
            ? refuse('unauthorized', 'This device has no seat in this session.')
            : refuse('not_found', 'No such session.'),
        );
        return;
      }
      socket.data.sessionId = sessionId;
      socket.data.participantId = participantId;
      next();
    } catch (err) {
      const error = toAppError(err, logger, { where: 'handshake' });
      next(refuse(error.code === 'unavailable' ? 'unavailable' : 'internal', error.message));
    }
  };
}
