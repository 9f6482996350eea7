import { eventForAny, type AnyVersionedEvent, type EventBatch } from '@runde/shared';
import { sessionRoom, type RundeServer } from './types.ts';

/**
 * Sends committed events to the sockets of a session connected to THIS node, each copy masked for
 * the socket's participant (anonymous authors, other people's dots). Masking happens per recipient,
 * so a room-wide emit is never used. With several nodes, each node runs it for its own sockets
 * on the events relayed by {@link createPublisher}.
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

/**
 * What the command runner calls after a commit: this node's sockets at once, and, when nodes share
 * a cluster adapter, every other node through `serverSideEmit`, where {@link relayCommits} takes over.
 * Events cross nodes unmasked (server to server) and are masked by each node for its own sockets.
 */
export function createPublisher(
  io: RundeServer,
  localFanOut: (sessionId: string, events: AnyVersionedEvent[]) => void,
  clustered: boolean,
): (sessionId: string, events: AnyVersionedEvent[]) => void {
  return (sessionId, events) => {
    localFanOut(sessionId, events);
    if (clustered && events.length > 0) io.serverSideEmit('session:committed', sessionId, events);
  };
}

/** Delivers another node's commits to this node's sockets, and tells this node's own bookkeeping (cache, timers). */
export function relayCommits(
  io: RundeServer,
  localFanOut: (sessionId: string, events: AnyVersionedEvent[]) => void,
  learn: (sessionId: string, events: AnyVersionedEvent[]) => void,
): void {
  io.on('session:committed', (sessionId, events) => {
    localFanOut(sessionId, events);
    learn(sessionId, events);
  });
}
