import { roleFollowsGroup } from '../auth/roleFollowsGroup.ts';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { TimerScheduler } from '../session/timerScheduler.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import type { SignIns } from '../auth/signInSessions.ts';
import { accessSetGuard } from '../auth/accessSetGuard.ts';
import { commandBudget, pingBudget } from './commandBudget.ts';
import type { CommandMetrics } from './defineHandler.ts';
import { createDispatcher } from './dispatcher.ts';
import { guardListener } from './guardListener.ts';
import { handshake } from './handshake.ts';
import { PresenceReconciler } from './presence.ts';
import { endSeatDevices } from './seatEnding.ts';
import { deviceRoom, participantRoom, projectorRoom, sessionRoom, type RundeServer } from './types.ts';

export interface SocketDeps {
  store: SessionStore;
  runner: CommandRunner;
  timers: TimerScheduler;
  clock: () => number;
  limiters: {
    /** Commands and syncs per participant seat. */
    seat: RateLimiterAbstract;
    /** Commands and syncs per client address. */
    address: RateLimiterAbstract;
    /** `time:ping` per socket. */
    ping: RateLimiterAbstract;
    /** Handshakes without a seat per client address, shared with HTTP lookups that find nothing. */
    failedLookup: RateLimiterAbstract;
    /** Whole snapshots in answer to `session:sync`, per participant seat. */
    snapshot: RateLimiterAbstract;
  };
  /** Handshakes without a seat one engine.io connection may try before it is closed. */
  failedHandshakesPerConnection: number;
  /** A new bearer secret: the projector grant's key. */
  newSecret: () => string;
  /** The client's address for a handshake request, as HTTP routes see it. */
  addressOf: (req: IncomingMessage) => string;
  logger: Logger;
  metrics?: CommandMetrics;
  /** True while the node shuts down (see `Dispatcher`). */
  draining: () => boolean;
  /** Sign-ins, when the installation has an identity provider. */
  signIns: SignIns | null;
}

/** What shutdown needs from the socket side. */
export interface AttachedSockets {
  /** Resolves once every event received so far has been answered. */
  settled(): Promise<void>;
  /**
   * Closes every socket's underlying connection after what was queued for it is written, and
   * resolves once all are gone. The clients see "transport close" and reconnect by themselves.
   */
  closeTransports(): Promise<void>;
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
export function attachSocket(io: RundeServer, deps: SocketDeps): AttachedSockets {
  const { runner, timers, limiters, logger } = deps;
  const dispatcher = createDispatcher({
    ...deps,
    withinCommandBudget: commandBudget(limiters),
    withinPingBudget: pingBudget(limiters.ping),
    snapshotLimiter: limiters.snapshot,
    onDeleted: (sessionId) => letGo(io, timers, sessionId),
    // On every node (the adapter relays it): the revoked key's projectors must not keep watching.
    onProjectorRevoked: (sessionId) => io.in(projectorRoom(sessionId)).disconnectSockets(true),
    guard: accessSetGuard({ store: deps.store, signIns: deps.signIns }),
    endDevices: endSeatDevices(io),
  });
  const presence = new PresenceReconciler({ io, runner, logger });
  io.use(
    handshake({
      store: deps.store,
      logger,
      addressOf: deps.addressOf,
      failedLookups: limiters.failedLookup,
      failuresPerConnection: deps.failedHandshakesPerConnection,
      signIns: deps.signIns,
      followGroup: roleFollowsGroup(runner, deps.store, logger),
    }),
  );
  io.on('connection', (socket) => {
    const { sessionId, participantId, viewer, deviceId } = socket.data;
    // A projector is in the session's room (it gets the bystander's copy of every push) but has no
    // seat's room and no presence: it is never a participant, never online, never counted.
    const seated = viewer === 'seat';
    void socket.join(
      seated && deviceId !== null
        ? [sessionRoom(sessionId), participantRoom(sessionId, participantId), deviceRoom(sessionId, deviceId)]
        : [sessionRoom(sessionId), projectorRoom(sessionId)],
    );
    logger.debug({ sessionId, participantId, viewer, socketId: socket.id }, 'socket connected');
    // Presence is decided on the session's current state, which the runner also hands to the
    // timer scheduler: a node arms a running timer as soon as a socket of the session arrives.
    // A projector's first `session:sync` arms it instead.
    if (seated) presence.touch(sessionId, participantId);
    // Few arguments: the frame parser refuses packets with more (frameLimits.eventItems).
    socket.onAny(guardListener(logger, 'socket event', (...args: unknown[]) => dispatcher.dispatch(socket, args)));
    socket.on('disconnect', (reason) => {
      logger.debug({ sessionId, participantId, socketId: socket.id, reason }, 'socket disconnected');
      // The seat's and the address's budgets outlive the socket: a new socket must not start afresh.
      void limiters.ping.delete(socket.id).catch(() => undefined);
      // The socket has left its rooms by now: the last one gone drops this node's timeout.
      timers.release(sessionId);
      if (seated) presence.touch(sessionId, participantId);
    });
  });
  return {
    settled: () => dispatcher.settled(),
    closeTransports: () => closeTransports(io),
  };
}

/**
 * A client whose server says `disconnect` ("io server disconnect") waits to be told to come back;
 * one whose connection just closes reconnects with its usual backoff, which is what a node going
 * away wants. engine.io's `close()` writes what is still buffered (the last acks) first.
 */
async function closeTransports(io: RundeServer): Promise<void> {
  const sockets = [...io.of('/').sockets.values()];
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.disconnected) {
            resolve();
            return;
          }
          socket.once('disconnect', () => resolve());
          socket.conn.close();
        }),
    ),
  );
}
