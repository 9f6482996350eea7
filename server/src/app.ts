import { timerOfAny } from '@runde/shared';
import { createServer, type Server as HttpServer } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server, type ServerOptions } from 'socket.io';
import { errorHandler, notFound, sendError } from './http/httpErrors.ts';
import { healthRoute } from './http/healthRoute.ts';
import { requestLog } from './http/requestLog.ts';
import { sessionRoutes } from './http/sessionRoutes.ts';
import { randomIds, type IdSource } from './ids.ts';
import { createLogger, type Logger } from './logger.ts';
import { CommandRunner } from './session/commandRunner.ts';
import { TimerScheduler } from './session/timerScheduler.ts';
import { attachSocket } from './socket/attachSocket.ts';
import { coalesce, createLocalFanOut, createPublisher, relayCommits } from './socket/broadcast.ts';
import { sessionRoom, type RundeServer } from './socket/types.ts';
import type { SessionStore } from './store/sessionStore.ts';

/** `points` requests per `durationSec` seconds. */
export interface RateLimit {
  points: number;
  durationSec: number;
}

export interface RateLimits {
  /** Per IP: starting sessions. */
  create: RateLimit;
  /** Per IP: taking seats and facilitator seats. */
  join: RateLimit;
  /** Per IP: looking a session up by code (the join page), which also slows guessing codes. */
  lookup: RateLimit;
  /** Per socket: commands and syncs. */
  socket: RateLimit;
  /** Per socket: `time:ping`. A device sends a handful at connect and one now and then. */
  ping: RateLimit;
  /**
   * Per seat (all its sockets on this node): whole snapshots in answer to `session:sync`. A device
   * needs one when it connects and after falling far behind; catching up by events is not counted.
   * A snapshot is the costliest answer the server gives, so asking for one over and over is bounded.
   */
  snapshot: RateLimit;
}

export const defaultRateLimits: RateLimits = {
  create: { points: 20, durationSec: 60 },
  join: { points: 300, durationSec: 60 },
  lookup: { points: 300, durationSec: 60 },
  socket: { points: 50, durationSec: 10 },
  ping: { points: 20, durationSec: 10 },
  snapshot: { points: 10, durationSec: 60 },
};

export interface AppConfig {
  /** Origin for links in responses; derived from each request when unset. */
  publicUrl?: string;
  rateLimits?: Partial<RateLimits>;
  /**
   * Largest socket message accepted. Above a 100 KB text field on purpose: such a message still
   * reaches zod and gets a typed `invalid_payload` ack. Bigger ones make Socket.IO drop that one
   * connection, which harms nobody else.
   */
  maxSocketMessageBytes?: number;
  /** JSON request bodies are small: titles and names. */
  maxHttpBodyBytes?: number;
  /** Commits to one session within this many ms go out as one frame per device (0: every commit at once). */
  broadcastWindowMs?: number;
}

/**
 * Short enough that nobody notices the wait (a frame at 60 Hz), long enough that a room of phones
 * voting at once gets a handful of frames per second instead of one per vote.
 */
const DEFAULT_BROADCAST_WINDOW_MS = 16;

export interface CreateAppOptions {
  store: SessionStore;
  clock?: () => number;
  ids?: IdSource;
  config?: AppConfig;
  /** The SvelteKit adapter-node handler; mounted after the API. */
  webHandler?: RequestHandler;
  logger?: Logger;
  /**
   * The Socket.IO cluster adapter that joins this node to others sharing the store (see
   * `openClusterAdapter`); without it this node must be the only one.
   */
  adapter?: ServerOptions['adapter'];
}

export interface RundeApp {
  app: Express;
  httpServer: HttpServer;
  io: RundeServer;
  /** When this node will next try to expire each session's timer (diagnostics, tests). */
  timers: Pick<TimerScheduler, 'dueAt' | 'size'>;
  /** Disconnects sockets, lets queued commands finish, closes the HTTP server. Leaves the store open. */
  close(): Promise<void>;
}

const limiter = ({ points, durationSec }: RateLimit) => new RateLimiterMemory({ points, duration: durationSec });

/**
 * Builds the whole server around a store: express for HTTP, Socket.IO on the same http server.
 * No module-level state: tests build as many as they like, and sessions live only in the store.
 */
export function createApp(options: CreateAppOptions): RundeApp {
  const { store, config = {} } = options;
  const clock = options.clock ?? Date.now;
  const ids = options.ids ?? randomIds;
  const logger = options.logger ?? createLogger('info');
  const limits = { ...defaultRateLimits, ...config.rateLimits };

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const io: RundeServer = new Server(httpServer, {
    maxHttpBufferSize: config.maxSocketMessageBytes ?? 200_000,
    // The web app bundles its own client.
    serveClient: false,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  // One gatherer for this node's sockets, fed by its own commits and by those relayed from others.
  const localFanOut = coalesce(createLocalFanOut(io), config.broadcastWindowMs ?? DEFAULT_BROADCAST_WINDOW_MS);

  const timers = new TimerScheduler({
    clock,
    logger,
    expire: (sessionId) => runner.run(sessionId, { kind: 'system' }, { type: 'timer:expire' }),
    isWatched: (sessionId) => (io.of('/').adapter.rooms.get(sessionRoom(sessionId))?.size ?? 0) > 0,
  });
  const runner = new CommandRunner({
    store,
    clock,
    ids,
    logger,
    publish: createPublisher(io, localFanOut, options.adapter !== undefined),
    observe: (sessionId, state) => timers.track(sessionId, timerOfAny(state)),
  });
  if (options.adapter) {
    relayCommits(io, localFanOut, (sessionId, events) => {
      runner.follow(sessionId, events);
      timers.trackEvents(sessionId, events);
    });
  }
  attachSocket(io, {
    store,
    runner,
    timers,
    clock,
    limiter: limiter(limits.socket),
    pingLimiter: limiter(limits.ping),
    snapshotLimiter: limiter(limits.snapshot),
    logger,
  });

  app.use(requestLog(logger));
  app.get('/healthz', healthRoute(store));
  app.use(
    '/api',
    express.json({ limit: config.maxHttpBodyBytes ?? 16 * 1024 }),
    sessionRoutes({
      store,
      runner,
      clock,
      ids,
      publicUrl: config.publicUrl?.replace(/\/+$/, ''),
      limiters: { create: limiter(limits.create), join: limiter(limits.join), lookup: limiter(limits.lookup) },
      logger,
    }),
  );
  // Unknown API paths answer in the API's shape instead of falling through to the web app's 404 page.
  app.use('/api', (_req, res) => sendError(res, notFound('resource')));
  if (options.webHandler) app.use(options.webHandler);
  app.use(errorHandler(logger));

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // No new expiry from this node; the store and the devices still know every deadline.
      timers.close();
      // Closing Socket.IO disconnects every socket (each queues a presence update) and the HTTP server.
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await runner.drain();
    })();
    return closing;
  };

  return { app, httpServer, io, timers, close };
}
