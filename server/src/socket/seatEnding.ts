import type { SeatEndedNotice } from '@runde/shared';
import type { RevokedDevice } from '../store/seatDeviceStore.ts';
import { deviceRoom, participantRoom, type RundeServer } from './types.ts';

/** Tells devices that lost their seat why, then closes their sockets; see {@link endSeatDevices}. */
export type EndSeatDevices = (sessionId: string, devices: readonly RevokedDevice[], notice: SeatEndedNotice) => void;

/**
 * After the store removed devices' tokens: each device's sockets, on any node (the cluster adapter
 * relays both room operations, in order, through one stream), get `seat:ended` and are closed.
 * A closed socket's reconnect is refused by the handshake, since its token is gone. Only the
 * device's own room hears the notice: no other socket learns which devices a seat has.
 */
export function endSeatDevices(io: RundeServer): EndSeatDevices {
  return (sessionId, devices, notice) => {
    if (devices.length === 0) return;
    const rooms = devices.map((d) => deviceRoom(sessionId, d.deviceId));
    io.to(rooms).emit('seat:ended', notice);
    io.in(rooms).disconnectSockets(true);
  };
}

/**
 * Every device of a seat at once (a seat merged into another, a sign-out of every device): the
 * seat's room on any node gets the notice and is closed.
 */
export function endSeat(io: RundeServer, sessionId: string, participantId: string, notice: SeatEndedNotice): void {
  const room = participantRoom(sessionId, participantId);
  io.to(room).emit('seat:ended', notice);
  io.in(room).disconnectSockets(true);
}
