import { sessionTimer } from '@runde/shared';
import { createServer, type Server as HttpServer } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { Server, type ServerOptions } from 'socket.io';
import { errorHandler, notFound, sendError } from './http/httpErrors.ts';
import { livenessRoute, readinessRoute } from './http/healthRoute.ts';
import { hostGuard } from './http/hostGuard.ts';
import { createHostPolicy } from './http/hostPolicy.ts';
import { requestLog } from './http/requestLog.ts';
import { keepStoredPolicyOnNotModified, securityHeaders } from './http/securityHeaders.ts';
import { DEFAULT_MAX_IMPORT_BYTES, importRoutes } from './http/importRoutes.ts';
import { sessionRoutes } from './http/sessionRoutes.ts';
import { seatLinkRoute } from './http/seatLinkRoute.ts';
import { spaceCalendarRoute } from './http/spaceCalendarRoute.ts';
import { hallCommitListener } from './hall/hallCommits.ts';
import { attachHallOverview, type HallOverviewFeeds } from './hall/hallOverviewFeed.ts';
import { HallRelay } from './hall/hallRelay.ts';
import { hallRoutes } from './hall/hallRoutes.ts';
import { HallTables } from './hall/hallTables.ts';
import { TableSummaries } from './hall/tableSummaries.ts';
import { randomIds, type IdSource } from './ids.ts';
import { clientAddress } from './limits/clientAddress.ts';
import {
  DEFAULT_FAILED_HANDSHAKES_PER_CONNECTION,
  defaultRateLimits,
  memoryLimiters,
  type LimiterFactory,
  type RateLimits,
} from './limits/rateLimits.ts';
import { createLogger, type Logger } from './logger.ts';
import { createAppMetrics, type AppMetrics } from './metrics/appMetrics.ts';
import { countHttpErrors } from './metrics/countHttpErrors.ts';
import { metricsRoute } from './metrics/metricsRoute.ts';
import { startStorePings } from './metrics/storePings.ts';
import { CommandRunner } from './session/commandRunner.ts';
import { ProposalDeadlines } from './session/proposalDeadlines.ts';
import { TimerScheduler } from './session/timerScheduler.ts';
import { allowSocketRequest } from './socket/allowRequest.ts';
import { COMPRESSION_WINDOW_BITS } from './socket/compressionOffer.ts';
import { attachSocket } from './socket/attachSocket.ts';
import { endSeatDevices } from './socket/seatEnding.ts';
import { coalesce, createLocalFanOut, createPublisher, relayCommits, timedFanOut } from './socket/broadcast.ts';
import { boundedParser } from './socket/frameParser.ts';
import { sessionRoom, type RundeServer } from './socket/types.ts';
import type { SessionStore } from './store/sessionStore.ts';
import { authRoutes } from './auth/authRoutes.ts';
import { OidcClient } from './auth/oidcClient.ts';
import { SignIns } from './auth/signInSessions.ts';
import { signInSeatRoute } from './auth/signInSeatRoute.ts';
import type { OidcConfig } from './config.ts';

export { defaultRateLimits, type RateLimit, type RateLimits } from './limits/rateLimits.ts';

export interface AppConfig {
  /** Origin for links in responses; derived from each request when unset. Its host and origin are allowed. */
  publicUrl?: string;
  /**
   * Host names answered besides `publicUrl`'s and the loopback names (ALLOWED_HOSTS); `any` answers
   * every host. Other hosts get 421.
   */
  allowedHosts?: readonly string[] | 'any';
  /** Page origins that may open a socket besides `publicUrl`'s and the host's own (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /**
   * express's `trust proxy` (TRUST_PROXY): a hop count or proxy names, addresses and subnets whose
   * X-Forwarded-For is believed. Unset: nobody's, and the peer address is the client's.
   */
  trustProxy?: number | readonly string[];
  rateLimits?: Partial<RateLimits>;
  /**
   * How often this node polls the store for objection windows that have closed (default 1 s);
   * `false` polls never (tests that drive {@link RundeApp.proposalDeadlines} by hand).
   */
  proposalPollMs?: number | false;
  /** Handshakes without a seat one engine.io connection may try before the server closes it. */
  failedHandshakesPerConnection?: number;
  /**
   * Largest socket message accepted (engine.io's `maxHttpBufferSize`, for WebSocket frames and
   * polling bodies alike). Above a 100 KB text field on purpose: such a message still reaches zod
   * and gets a typed `invalid_payload` ack. Bigger ones make Socket.IO drop that one connection,
   * which harms nobody else. What a message may hold is bounded apart from its size: see
   * `frameLimits`.
   */
  maxSocketMessageBytes?: number;
  /** JSON request bodies are small: titles and names. */
  maxHttpBodyBytes?: number;
  /** Largest backup file `POST /api/imports` accepts (default 10 MiB); larger ones get 413. */
  maxImportBytes?: number;
  /** Commits to one session within this many ms go out as one frame per device (0: every commit at once). */
  broadcastWindowMs?: number;
  /**
   * Bearer token for `GET /metrics` (METRICS_TOKEN). Unset: only scrapers on loopback or a private
   * network, reaching the node directly (not through a proxy), may read it.
   */
  metricsToken?: string;
  /** Node's process metrics (CPU, memory, GC) on `/metrics` as well; main.ts turns them on. */
  processMetrics?: boolean;
  /** Single sign-on with one OpenID Connect provider (OIDC_*); unset: seats are held by link only. */
  oidc?: OidcConfig;
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
  /**
   * Where the rate-limit budgets are kept: this process's memory by default; `openRedisLimiters`
   * keeps them in Redis, so all nodes sharing it spend from the same budgets.
   */
  limiters?: LimiterFactory;
}

export interface RundeApp {
  app: Express;
  httpServer: HttpServer;
  io: RundeServer;
  /** When this node will next try to expire each session's timer (diagnostics, tests). */
  timers: Pick<TimerScheduler, 'dueAt' | 'size'>;
  /** Closes objection windows when they are due, with or without sockets (tests poll it by hand). */
  proposalDeadlines: Pick<ProposalDeadlines, 'poll' | 'idle'>;
  /** The halls whose overview this node feeds to organisers and projectors (diagnostics, tests). */
  hallOverview: Pick<HallOverviewFeeds, 'feeds'>;
  metrics: AppMetrics;
  /** True from the start of {@link close}: `/readyz` answers 503, new sockets and commands are refused. */
  readonly draining: boolean;
  /**
   * Shuts down gracefully: not ready at once, no new connections, lets commands already received
   * finish and be acknowledged, then closes each socket's transport (its client reconnects by
   * itself, through the proxy to another node), closes Socket.IO and its adapter, and the HTTP
   * server. Leaves the store open.
   */
  close(): Promise<void>;
}

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
  const budgets = options.limiters ?? memoryLimiters;
  const limiter = (name: keyof RateLimits) => budgets(name, limits[name]);
  // One failed-lookup budget for HTTP and sockets: a guesser gains nothing by switching.
  const failedLookup = limiter('failedLookup');

  const publicUrl = config.publicUrl?.replace(/\/+$/, '');
  const hosts = createHostPolicy({
    publicUrl,
    allowedHosts: config.allowedHosts,
    allowedOrigins: config.allowedOrigins,
  });
  const headers = securityHeaders({ hsts: publicUrl?.startsWith('https:') ?? false });

  let draining = false;
  const app = express();
  app.disable('x-powered-by');
  // Sockets read the client's address through express too (clientAddress), so this one setting
  // decides the address of every per-address budget, over HTTP and Socket.IO alike.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  const httpServer = createServer(app);
  const io: RundeServer = new Server(httpServer, {
    maxHttpBufferSize: config.maxSocketMessageBytes ?? 200_000,
    // Big answers (a snapshot of a team space with two years of history: 275 kB of JSON) go
    // compressed to about a tenth; the usual small event batches are not worth it and stay as they
    // are. zlib's state is kept per socket once it compressed something, so its windows are small:
    // 2^(11+2) + 2^(3+9) = 12 kB per socket by zlib's formula, instead of 256 kB with its defaults.
    // The two-year snapshot then takes 30 kB on the wire (bench/twoYearSpace.ts).
    perMessageDeflate: {
      threshold: 16 * 1024,
      serverNoContextTakeover: true,
      // An offer that cannot take these windows is dropped before ws sees it (compressionOffer.ts).
      serverMaxWindowBits: COMPRESSION_WINDOW_BITS,
      clientMaxWindowBits: COMPRESSION_WINDOW_BITS,
      zlibDeflateOptions: { memLevel: 3 },
    },
    // Refuses packets our protocol never sends (too many arguments, deep nesting, binary) before
    // Socket.IO spreads them onto the stack; see frameParser.ts.
    parser: boundedParser(logger),
    // The web app bundles its own client.
    serveClient: false,
    // WebSocket only, as the web app connects: one connection stays on one node, so nodes behind a
    // proxy need no sticky sessions, which HTTP long-polling would (each poll may reach another node).
    transports: ['websocket'],
    allowRequest: refuseWhileDraining(allowSocketRequest(hosts), () => draining),
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  const metrics = createAppMetrics({
    connectedSockets: () => io.of('/').sockets.size,
    liveSessions: () => countSessionRooms(io),
    processMetrics: config.processMetrics,
    redis: store.kind === 'redis',
  });
  const stopStorePings = startStorePings(store, metrics);
  // One gatherer for this node's sockets, fed by its own commits and by those relayed from others.
  const localFanOut = coalesce(
    timedFanOut(createLocalFanOut(io), metrics.observeFanOut),
    config.broadcastWindowMs ?? DEFAULT_BROADCAST_WINDOW_MS,
  );

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
    onCommit: (kind) => metrics.countCommit(kind),
    observe: (sessionId, state) => timers.track(sessionId, sessionTimer(state)),
    // A hall's rhythm reaches its tables, and a table's news its hall, from the node that committed;
    // a team space's next objection deadline reaches the store's index.
    committed: (commit) => {
      hallCommits(commit);
      proposalDeadlines.committed(commit);
    },
  });
  const proposalDeadlines = new ProposalDeadlines({
    store,
    runner,
    clock,
    logger,
    intervalMs: config.proposalPollMs === false ? undefined : config.proposalPollMs,
    onRun: (outcome) => metrics.countProposalDeadlineRun(outcome),
  });
  if (config.proposalPollMs !== false) proposalDeadlines.start();
  const hallRelay = new HallRelay({ store, runner, logger });
  const tableSummaries = new TableSummaries({ store, runner, logger });
  const hallCommits = hallCommitListener(hallRelay, tableSummaries);
  const hallTables = new HallTables({ store, runner, ids, clock, logger });
  if (options.adapter) {
    relayCommits(io, localFanOut, (sessionId, events) => {
      runner.follow(sessionId, events);
      timers.trackEvents(sessionId, events);
    });
  }
  const oidcClient = config.oidc ? new OidcClient(config.oidc, logger) : null;
  const signIns =
    config.oidc && oidcClient ? new SignIns({ store, client: oidcClient, config: config.oidc, clock, logger }) : null;
  const sockets = attachSocket(io, {
    signIns,
    store,
    metrics,
    draining: () => draining,
    runner,
    timers,
    clock,
    limiters: {
      seat: limiter('seat'),
      address: limiter('address'),
      // Per socket by nature, and a ping touches no store: this node's memory is enough.
      ping: memoryLimiters('ping', limits.ping),
      failedLookup,
      snapshot: limiter('snapshot'),
    },
    failedHandshakesPerConnection: config.failedHandshakesPerConnection ?? DEFAULT_FAILED_HANDSHAKES_PER_CONNECTION,
    addressOf: (req) => clientAddress(app, req),
    newSecret: () => ids.newSecret(),
    logger,
  });
  const hallOverview = attachHallOverview({ io, store, runner, logger });

  // Engine.IO answers /socket.io/ itself, before express: its answers get the same headers.
  io.engine.use(headers);
  app.use(headers);
  app.use(keepStoredPolicyOnNotModified());
  app.use(requestLog(logger));
  app.use(countHttpErrors(metrics));
  // A node shutting down asks keep-alive clients (a proxy's pooled connections) to go elsewhere.
  app.use((_req, res, next) => {
    if (draining) res.setHeader('Connection', 'close');
    next();
  });
  // Before the host check: probes (a Kubernetes kubelet, a load balancer, Prometheus) name an
  // address, not the site.
  app.get('/healthz', livenessRoute());
  app.get(
    '/readyz',
    readinessRoute(store, () => draining),
  );
  app.get('/metrics', metricsRoute(metrics, config.metricsToken));
  app.use(hostGuard(hosts, logger));
  // Before the small JSON limit below: a backup file is read raw, with its own limit.
  const create = limiter('create');
  app.use(
    '/api',
    importRoutes({
      store,
      clock,
      ids,
      publicUrl,
      create,
      maxBytes: config.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
      logger,
      restored: (sessionId, version, state) => proposalDeadlines.created(sessionId, version, state),
    }),
  );
  app.use(
    '/api',
    express.json({ limit: config.maxHttpBodyBytes ?? 16 * 1024 }),
    sessionRoutes({
      store,
      runner,
      clock,
      ids,
      publicUrl,
      limiters: { create, failedLookup },
      logger,
      signInSeat: signInSeatRoute({ store, runner, ids, clock, signIns, failedLookup }),
    }),
    spaceCalendarRoute({ store, clock, publicUrl, failedLookup }),
    authRoutes({
      store,
      oidc:
        oidcClient && signIns && config.oidc ? { client: oidcClient, signIns, sessionMs: config.oidc.sessionMs } : null,
      publicUrl,
      logger,
      endDevices: endSeatDevices(io),
    }),
    seatLinkRoute({ store, runner, clock, ids, failedLookup, endDevices: endSeatDevices(io) }),
    hallRoutes({
      store,
      runner,
      tables: hallTables,
      clock,
      ids,
      publicUrl,
      limiters: { create, failedLookup },
      logger,
    }),
  );
  // Unknown API paths answer in the API's shape instead of falling through to the web app's 404 page.
  app.use('/api', (_req, res) => sendError(res, notFound('resource')));
  if (options.webHandler) app.use(options.webHandler);
  app.use(errorHandler(logger));

  /** Every queued command, and what commits set off for halls (relays to tables, summaries, picks) with theirs. */
  const settle = async () => {
    await runner.drain();
    await Promise.all([hallRelay.idle(), tableSummaries.idle()]);
    await runner.drain();
  };
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      // Stop listening at once: a proxy's next connection attempt is refused and goes to another node.
      httpServer.close();
      httpServer.closeIdleConnections();
      // No new expiry from this node; the store and the devices still know every deadline.
      timers.close();
      // No new polls; the index in the store keeps every objection deadline for the other nodes.
      const deadlinesClosed = proposalDeadlines.close();
      hallOverview.close();
      // Commands received before now are decided, committed and acknowledged; later ones were
      // answered `unavailable`, which clients resend (with their ids) after reconnecting.
      await sockets.settled();
      await settle();
      // Closing the transport, not `socket.disconnect()`: a client told "io server disconnect"
      // does not reconnect by itself, one whose connection closed does, through the proxy.
      await sockets.closeTransports();
      // Presence updates queued by those disconnects.
      await runner.drain();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await settle();
      await deadlinesClosed;
      stopStorePings();
      metrics.close();
    })();
    return closing;
  };

  return {
    app,
    httpServer,
    io,
    timers,
    proposalDeadlines,
    hallOverview,
    metrics,
    get draining() {
      return draining;
    },
    close,
  };
}

/** Sessions with a socket on this node: their rooms (`session:<id>`) in the local adapter. */
function countSessionRooms(io: RundeServer): number {
  let count = 0;
  for (const room of io.of('/').adapter.rooms.keys()) if (room.startsWith(sessionRoom(''))) count += 1;
  return count;
}

/** Engine.IO refuses new connections of a node that is shutting down; the client tries again, elsewhere. */
function refuseWhileDraining(
  allow: NonNullable<ServerOptions['allowRequest']>,
  draining: () => boolean,
): NonNullable<ServerOptions['allowRequest']> {
  return (req, callback) => {
    if (draining()) callback('shutting down', false);
    else allow(req, callback);
  };
}
