import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { TimerScheduler } from '../session/timerScheduler.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { createDispatcher } from './dispatcher.ts';
import { handshake } from './handshake.ts';
import { PresenceReconciler } from './presence.ts';
import { participantRoom, sessionRoom, type RundeServer } from './types.ts';

export interface SocketDeps {
  store: SessionStore;
  runner: CommandRunner;
  timers: TimerScheduler;
  clock: () => number;
  /** Per-socket command budget, keyed by socket id. */
  limiter: RateLimiterAbstract;
  /** Per-socket `time:ping` budget, keyed by socket id. */
  pingLimiter: RateLimiterAbstract;
  /** Per-seat budget of whole snapshots, keyed by session and participant. */
  snapshotLimiter: RateLimiterAbstract;
  logger: Logger;
}

/** How long deleted sessions' sockets stay open for the news to arrive before the server closes them. */
const DELETED_GRACE_MS = 1_000;

/**
 * After a deletion: every socket of the session, on any node (the adapter relays room emits), is
 * told, then disconnected. The timer of this node goes; other nodes' timers find nothing to expire.
 */
function letGo(io: RundeServer, timers: TimerScheduler, sessionId: string): void {
  timers.cancel(sessionId);
  io.to(sessionRoom(sessionId)).emit('session:deleted');
  setTimeout(() => io.in(sessionRoom(sessionId)).disconnectSockets(true), DELETED_GRACE_MS).unref();
}

/** Wires the handshake, rooms, presence and the command dispatcher onto a Socket.IO server. */
export function attachSocket(io: RundeServer, deps: SocketDeps): void {
  const { runner, timers, limiter, pingLimiter, logger } = deps;
  const dispatch = createDispatcher({ ...deps, onDeleted: (sessionId) => letGo(io, timers, sessionId) });
  const presence = new PresenceReconciler({ io, runner, logger });
  io.use(handshake(deps));
  io.on('connection', (socket) => {
    const { sessionId, participantId } = socket.data;
    void socket.join([sessionRoom(sessionId), participantRoom(sessionId, participantId)]);
    logger.debug({ sessionId, participantId, socketId: socket.id }, 'socket connected');
    // Presence is decided on the session's current state, which the runner also hands to the
    // timer scheduler: a node arms a running timer as soon as a socket of the session arrives.
    presence.touch(sessionId, participantId);
    socket.onAny((...args: unknown[]) => dispatch(socket, args));
    socket.on('disconnect', (reason) => {
      logger.debug({ sessionId, participantId, socketId: socket.id, reason }, 'socket disconnected');
      void limiter.delete(socket.id).catch(() => undefined);
      void pingLimiter.delete(socket.id).catch(() => undefined);
      // The socket has left its rooms by now: the last one gone drops this node's timeout.
      timers.release(sessionId);
      presence.touch(sessionId, participantId);
    });
  });
}
