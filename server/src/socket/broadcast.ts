import { sessionEventFor, PROJECTOR_VIEWER_ID, type KindVersionedEvent, type EventBatch } from '@runde/shared';
import { participantRoom, sessionRoom, type RundeServer } from './types.ts';

type FanOut = (sessionId: string, events: KindVersionedEvent[]) => void;

/**
 * Sends committed events to the sockets of a session connected to THIS node, each copy masked for
 * the socket's participant (anonymous authors, other people's hidden dots). A copy can differ from
 * a bystander's only for someone the events mention (the voter, the author): each of those present
 * here whose copy does differ gets it through their participant room, and everyone else gets the
 * bystander's copy as one room broadcast, which Socket.IO encodes once and writes to each socket,
 * like a plain broadcast. With several nodes, each node runs this for its own sockets on the events
 * relayed by {@link createPublisher}.
 */
export function createLocalFanOut(io: RundeServer): FanOut {
  return (sessionId, events) => {
    const rooms = io.of('/').adapter.rooms;
    if (events.length === 0 || !rooms.has(sessionRoom(sessionId))) return;
    const maskFor = (participantId: string): EventBatch => ({
      events: events.map(({ version, event }) => ({ version, event: sessionEventFor(event, { participantId }) })),
    });
    const bystander = maskFor(NOBODY);
    const bystanderKey = JSON.stringify(bystander);
    const ownCopies: Array<{ room: string; batch: EventBatch }> = [];
    for (const mentioned of stringsIn(events)) {
      const room = participantRoom(sessionId, mentioned);
      if (!rooms.has(room)) continue;
      const batch = maskFor(mentioned);
      if (JSON.stringify(batch) !== bystanderKey) ownCopies.push({ room, batch });
    }
    // `local`: the other nodes mask and send for their own sockets.
    io.local
      .to(sessionRoom(sessionId))
      .except(ownCopies.map(({ room }) => room))
      .emit('session:events', bystander);
    for (const { room, batch } of ownCopies) io.local.to(room).emit('session:events', batch);
  };
}

/** Reports how long each fan-out took (seconds), for the metrics. */
export function timedFanOut(fanOut: FanOut, observe: (seconds: number) => void): FanOut {
  return (sessionId, events) => {
    const started = performance.now();
    fanOut(sessionId, events);
    observe((performance.now() - started) / 1000);
  };
}

/**
 * A viewer id no participant has: sees what every uninvolved participant sees. The projector's
 * viewer, so a projector's sockets (in the session's room, never in a seat's) get exactly this copy.
 */
const NOBODY = PROJECTOR_VIEWER_ID;

/** Every string anywhere in the events: the ids of whoever they concern are among them. */
function stringsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

/**
 * Gathers a session's commits before fanning them out: the first commit after a quiet spell goes
 * out at once, and during a burst (a room of phones voting) everything that arrives meanwhile goes
 * out together, so each device gets one frame per window instead of one per vote. Versions stay in
 * order: a session's commits on one node are queued anyway.
 *
 * The window is at least `minWindowMs`, and at least as long as the session's last fan-out took
 * (measured from its end): writing one frame to 2,000 sockets takes tens of milliseconds, and a
 * fixed window shorter than that would gather nothing, leaving the node busy with one frame per
 * vote. This way a session's fan-out takes at most about half of the node's time, and a vote
 * waits at most about two fan-outs.
 */
export function coalesce(fanOut: FanOut, minWindowMs: number, now: () => number = () => performance.now()): FanOut {
  const pending = new Map<string, KindVersionedEvent[]>();
  /** Per busy session: when its last fan-out ended, and the window that follows it. */
  const recent = new Map<string, { endedAt: number; windowMs: number }>();

  const send = (sessionId: string, events: KindVersionedEvent[]) => {
    const startedAt = now();
    fanOut(sessionId, events);
    const endedAt = now();
    recent.set(sessionId, { endedAt, windowMs: Math.max(minWindowMs, endedAt - startedAt) });
    // Forget quiet sessions; the map only needs sessions that are busy right now.
    setTimeout(() => {
      const last = recent.get(sessionId);
      if (last && !pending.has(sessionId) && now() - last.endedAt >= last.windowMs) recent.delete(sessionId);
    }, minWindowMs * 4).unref();
  };

  const flush = (sessionId: string) => {
    const events = pending.get(sessionId);
    pending.delete(sessionId);
    if (events && events.length > 0) send(sessionId, events);
  };

  return (sessionId, events) => {
    if (events.length === 0) return;
    const waiting = pending.get(sessionId);
    if (waiting) {
      waiting.push(...events);
      return;
    }
    const last = recent.get(sessionId);
    const wait = last ? last.endedAt + last.windowMs - now() : 0;
    if (wait <= 0) {
      send(sessionId, events);
      return;
    }
    pending.set(sessionId, [...events]);
    setTimeout(() => flush(sessionId), wait).unref();
  };
}

/**
 * What the command runner calls after a commit: this node's sockets, and, when nodes share a
 * cluster adapter, every other node through `serverSideEmit`, where {@link relayCommits} takes
 * over. Events cross nodes unmasked (server to server) and are masked by each node for its own sockets.
 */
export function createPublisher(io: RundeServer, localFanOut: FanOut, clustered: boolean): FanOut {
  return (sessionId, events) => {
    localFanOut(sessionId, events);
    if (clustered && events.length > 0) io.serverSideEmit('session:committed', sessionId, events);
  };
}

/** Delivers another node's commits to this node's sockets, and tells this node's own bookkeeping (cache, timers). */
export function relayCommits(io: RundeServer, localFanOut: FanOut, learn: FanOut): void {
  io.on('session:committed', (sessionId, events) => {
    localFanOut(sessionId, events);
    learn(sessionId, events);
  });
}
