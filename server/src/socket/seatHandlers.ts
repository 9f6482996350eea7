import {
  ErrorCode,
  fail,
  mayReissueSeat,
  SEAT_LINK_TTL_MS,
  seatDevicesRequestSchema,
  seatLinkRequestSchema,
  seatReissueRequestSchema,
  seatRevokeDeviceRequestSchema,
  succeed,
  type SeatDevice,
  type SeatDeviceRevoked,
  type SeatDevices,
  type SeatLink,
} from '@runde/shared';
import { hashSecret } from '../ids.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { StoredSeatLink } from '../store/seatDeviceStore.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler, type SocketHandler } from './defineHandler.ts';
import type { EndSeatDevices } from './seatEnding.ts';

/**
 * Open links one seat may have at once: enough for a phone and a tablet being set up together;
 * a fourth drops the oldest, so a seat can never pile up secrets in the store.
 */
export const MAX_OPEN_SEAT_LINKS = 3;

export interface SeatHandlerDeps {
  store: SessionStore;
  runner: CommandRunner;
  clock: () => number;
  newSecret: () => string;
  endDevices: EndSeatDevices;
}

const noSession = () => fail(ErrorCode.notFound, 'No such session.');

/**
 * `seat:link`, `seat:reissue`, `seat:devices`, `seat:revoke-device`: a seat on more than one
 * device. Each runs through `defineHandler` (command budget, parse, one ack, projectors refused).
 * A link's secret leaves the server once, in the ack to the asking socket; only its hash is kept.
 * Device lists carry no token or hash, and go only to the seat they belong to.
 */
export function seatHandlers(deps: SeatHandlerDeps): [string, SocketHandler][] {
  const { store, runner, clock } = deps;

  /** Keeps a new link for `link.participantId` and answers its secret. */
  async function issue(sessionId: string, link: Omit<StoredSeatLink, 'expiresAt'>) {
    const secret = deps.newSecret();
    const expiresAt = clock() + SEAT_LINK_TTL_MS;
    const kept = await store.putSeatLink(sessionId, hashSecret(secret), { ...link, expiresAt }, MAX_OPEN_SEAT_LINKS);
    if (!kept) return noSession();
    return succeed<SeatLink>({ secret, mode: link.via === 'move' ? 'move' : 'copy', expiresAt });
  }

  const link = defineHandler(seatLinkRequestSchema, async ({ mode }, { socket, sessionId, participantId }) => {
    if (!(await runner.known(sessionId))?.participants.some((p) => p.id === participantId)) return noSession();
    return issue(sessionId, { participantId, via: mode, fromDevice: socket.data.deviceId, revokeOthers: false });
  });

  const reissue = defineHandler(seatReissueRequestSchema, async (request, { sessionId, participantId }) => {
    // The stored state, not a cached one: a facilitator who just lost the role must not slip through.
    const current = await store.load(sessionId);
    if (!current) return noSession();
    if (!mayReissueSeat(current.state.participants, participantId, request.participantId)) {
      return fail(ErrorCode.forbidden, 'Only a facilitator may re-issue another member’s link.');
    }
    return issue(sessionId, {
      participantId: request.participantId,
      via: 'reissue',
      fromDevice: null,
      revokeOthers: request.revokeOthers,
    });
  });

  const devices = defineHandler(seatDevicesRequestSchema, async (_request, { socket, sessionId, participantId }) => {
    const stored = await store.seatDevices(sessionId, participantId);
    // What the owner sees: never the token's hash.
    const list = stored.map(({ id, label, addedAt, via }): SeatDevice => ({
      id,
      label,
      addedAt,
      via,
      ...(id === socket.data.deviceId ? { current: true as const } : {}),
    }));
    return succeed<SeatDevices>({ devices: list });
  });

  const revoke = defineHandler(
    seatRevokeDeviceRequestSchema,
    async ({ deviceId }, { sessionId, participantId, respond }) => {
      const removed = await store.revokeDevices(sessionId, participantId, [deviceId]);
      if (removed.length === 0) return fail(ErrorCode.notFound, 'This seat has no such device.');
      // Answered first: the asking device may be the one that goes ("forget this device").
      respond(succeed<SeatDeviceRevoked>({ revoked: true }));
      deps.endDevices(sessionId, [{ participantId, deviceId }], { reason: 'revoked' });
      return succeed<SeatDeviceRevoked>({ revoked: true });
    },
  );

  return [
    ['seat:link', link],
    ['seat:reissue', reissue],
    ['seat:devices', devices],
    ['seat:revoke-device', revoke],
  ];
}
