import type { KindVersionedEvent, ClientToServerEvents, ServerToClientEvents } from '@runde/shared';
import type { DefaultEventsMap, Server, Socket } from 'socket.io';

/** Who a socket belongs to; set once by the handshake, never by the client afterwards. */
export interface SocketData {
  sessionId: string;
  /** The seat's participant; for a projector, `PROJECTOR_VIEWER_ID`, which no participant has. */
  participantId: string;
  /**
   * `projector`: admitted by the read-only projector grant. It watches as an uninvolved bystander,
   * has no seat and no presence, and every command it sends is refused.
   */
  viewer: 'seat' | 'projector';
  /**
   * The seat's device (`deviceIdOf` its token's hash): revoking the device ends exactly its
   * sockets (see {@link deviceRoom}). Null for a projector, which has no seat.
   */
  deviceId: string | null;
  /** The client's address at the handshake: the key of the per-address command budget. */
  address: string;
}

/** Between server nodes: a node that committed events relays them, unmasked, to every other node. */
export interface InterServerEvents {
  'session:committed': (sessionId: string, events: KindVersionedEvent[]) => void;
}

export type RundeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RundeSocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;

/** Every socket of a session, on any node; what a broadcast targets. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Every socket of one seat (a phone and a laptop, two tabs): presence is "this room is not empty". */
export const participantRoom = (sessionId: string, participantId: string) =>
  `participant:${sessionId}:${participantId}`;

/**
 * Every socket of one device of a seat, on any node: revoking or moving the device away tells
 * these `seat:ended` and closes them. Device ids are unique per token, so per session is enough.
 */
export const deviceRoom = (sessionId: string, deviceId: string) => `device:${sessionId}:${deviceId}`;

/** Every projector socket of a session, on any node: a new projector key disconnects them all. */
export const projectorRoom = (sessionId: string) => `projector:${sessionId}`;
