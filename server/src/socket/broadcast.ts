import { eventForAny, type AnyVersionedEvent, type EventBatch } from '@runde/shared';
import { sessionRoom, type RundeServer } from './types.ts';

/**
 * Sends committed events to the sockets of a session connected to THIS node, each copy masked for
 * the socket's participant (anonymous authors, other people's dots). Masking happens per recipient,
 * so a room-wide emit is never used. A multi-node setup calls the same function on every node
 * from a Redis pub/sub message or `io.serverSideEmit` handler, with the events as committed.
 */
export function createLocalFanOut(io: RundeServer): (sessionId: string, events: AnyVersionedEvent[]) => void {
  return (sessionId, events) => {
    const socketIds = io.of('/').adapter.rooms.get(sessionRoom(sessionId));
    if (!socketIds || events.length === 0) return;
    // Everyone with the same seat gets the same copy; mask once per participant, not per socket.
    const batches = new Map<string, EventBatch>();
    for (const socketId of socketIds) {
      const socket = io.of('/').sockets.get(socketId);
      if (!socket) continue;
      const viewer = { participantId: socket.data.participantId };
      let batch = batches.get(viewer.participantId);
      if (!batch) {
        batch = { events: events.map(({ version, event }) => ({ version, event: eventForAny(event, viewer) })) };
        batches.set(viewer.participantId, batch);
      }
      socket.emit('session:events', batch);
    }
  };
}
