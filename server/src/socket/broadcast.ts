import { eventForAny, type AnyVersionedEvent, type EventBatch } from '@runde/shared';
import { sessionRoom, type RundeServer } from './types.ts';

type FanOut = (sessionId: string, events: AnyVersionedEvent[]) => void;

/**
 * Sends committed events to the sockets of a session connected to THIS node, each copy masked for
 * the socket's participant (anonymous authors, other people's hidden dots). Masking is per
 * participant; participants whose copies come out the same (usually everyone but the one who
 * acted) form one group, and each group gets one broadcast, which Socket.IO encodes once.
 * With several nodes, each node runs this for its own sockets on the events relayed by
 * {@link createPublisher}.
 */
export function createLocalFanOut(io: RundeServer): FanOut {
  return (sessionId, events) => {
    const socketIds = io.of('/').adapter.rooms.get(sessionRoom(sessionId));
    if (!socketIds || events.length === 0) return;
    const socketsOf = new Map<string, string[]>();
    for (const socketId of socketIds) {
      const participantId = io.of('/').sockets.get(socketId)?.data.participantId;
      if (participantId === undefined) continue;
      const sockets = socketsOf.get(participantId);
      if (sockets) sockets.push(socketId);
      else socketsOf.set(participantId, [socketId]);
    }
    const maskFor = (participantId: string): EventBatch => ({
      events: events.map(({ version, event }) => ({ version, event: eventForAny(event, { participantId }) })),
    });
    // A copy can differ from a bystander's only for someone the events mention (the voter, the
    // author): everyone else shares the bystander's copy without being masked one by one.
    const mentioned = stringsIn(events);
    const bystander = maskFor(NOBODY);
    const bystanderKey = JSON.stringify(bystander);
    const groups = new Map<string, { batch: EventBatch; socketIds: string[] }>([
      [bystanderKey, { batch: bystander, socketIds: [] }],
    ]);
    for (const [participantId, sockets] of socketsOf) {
      const batch = mentioned.has(participantId) ? maskFor(participantId) : bystander;
      const key = batch === bystander ? bystanderKey : JSON.stringify(batch);
      const group = groups.get(key);
      if (group) group.socketIds.push(...sockets);
      else groups.set(key, { batch, socketIds: [...sockets] });
    }
    // `local`: the other nodes mask and send for their own sockets.
    for (const { batch, socketIds: ids } of groups.values()) {
      if (ids.length > 0) io.local.to(ids).emit('session:events', batch);
    }
  };
}

/** A viewer id no participant has: sees what every uninvolved participant sees. */
const NOBODY = '';

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
  const pending = new Map<string, AnyVersionedEvent[]>();
  /** Per busy session: when its last fan-out ended, and the window that follows it. */
  const recent = new Map<string, { endedAt: number; windowMs: number }>();

  const send = (sessionId: string, events: AnyVersionedEvent[]) => {
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
