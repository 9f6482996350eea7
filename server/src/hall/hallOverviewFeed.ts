import type { HallTableSummary } from '@runde/shared';
import type { Logger } from 'pino';
import { toAppError } from '../failures.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import type { RundeServer, RundeSocket } from '../socket/types.ts';

/** This node's sockets that watch a hall's overview: its organisers and its projectors. */
export const hallOverviewRoom = (hallId: string) => `hall-overview:${hallId}`;

/** At most twice a second: a grid of 250 tables stays readable, and a vote storm costs one frame per half second. */
export const HALL_OVERVIEW_INTERVAL_MS = 500;

export interface HallOverviewDeps {
  io: RundeServer;
  store: SessionStore;
  runner: CommandRunner;
  logger: Logger;
  intervalMs?: number;
}

/** One hall watched on this node: what its watchers were sent, by table, and the store's stamp then. */
interface Feed {
  handle: ReturnType<typeof setInterval>;
  sent: Map<number, number>;
  stamp: number;
  ticking: boolean;
}

/** Whether a summary is not yet what was sent for its table. */
const isNewer = (sent: Map<number, number>, summary: HallTableSummary) => sent.get(summary.table) !== summary.version;

/**
 * Sends a hall's table summaries to its organisers' and projectors' sockets on this node (each
 * node serves its own sockets, reading the store, so two nodes need nothing from each other): all
 * of them when a socket connects, then every half second those whose version changed, read only
 * when the hall's summary stamp moved. One timer per watched hall, gone with its last watcher.
 * Phones never join the room: they are participants of the hall, or sockets of a table.
 */
export interface HallOverviewFeeds {
  /** Whether this node feeds the hall's overview now, with its one timer (diagnostics, tests). */
  feeds(hallId: string): boolean;
  close(): void;
}

export function attachHallOverview(deps: HallOverviewDeps): HallOverviewFeeds {
  const { io, store, runner, logger } = deps;
  const intervalMs = deps.intervalMs ?? HALL_OVERVIEW_INTERVAL_MS;
  const feeds = new Map<string, Feed>();

  const watchers = (hallId: string) => io.of('/').adapter.rooms.get(hallOverviewRoom(hallId))?.size ?? 0;

  async function mayWatch(socket: RundeSocket): Promise<boolean> {
    const { sessionId, participantId, viewer } = socket.data;
    const state = await runner.known(sessionId);
    if (state?.kind !== 'hall') return false;
    return viewer === 'projector' || state.participants.some((p) => p.id === participantId && p.role === 'facilitator');
  }

  async function admit(socket: RundeSocket): Promise<void> {
    const hallId = socket.data.sessionId;
    try {
      if (!(await mayWatch(socket)) || socket.disconnected) return;
      await socket.join(hallOverviewRoom(hallId));
      const { stamp, tables } = await store.hallTableSummaries(hallId);
      if (socket.disconnected) return;
      socket.emit('hall:overview', { tables: byTable(tables), full: true });
      if (!feeds.has(hallId)) start(hallId, stamp, tables);
    } catch (err) {
      toAppError(err, logger, { where: 'hall overview', sessionId: hallId });
    }
  }

  function start(hallId: string, stamp: number, tables: HallTableSummary[]): void {
    const feed: Feed = {
      handle: setInterval(() => void tick(hallId, feed), intervalMs),
      sent: new Map(tables.map((t) => [t.table, t.version])),
      stamp,
      ticking: false,
    };
    feed.handle.unref();
    feeds.set(hallId, feed);
  }

  function stop(hallId: string, feed: Feed): void {
    clearInterval(feed.handle);
    if (feeds.get(hallId) === feed) feeds.delete(hallId);
  }

  async function tick(hallId: string, feed: Feed): Promise<void> {
    if (watchers(hallId) === 0) {
      stop(hallId, feed);
      return;
    }
    // A slow store must not pile up reads: the next tick waits for this one.
    if (feed.ticking) return;
    feed.ticking = true;
    try {
      if ((await store.hallSummaryStamp(hallId)) === feed.stamp) return;
      const { stamp, tables } = await store.hallTableSummaries(hallId);
      const changed = tables.filter((summary) => isNewer(feed.sent, summary));
      feed.stamp = stamp;
      for (const summary of changed) feed.sent.set(summary.table, summary.version);
      if (changed.length > 0)
        io.local.to(hallOverviewRoom(hallId)).emit('hall:overview', { tables: byTable(changed), full: false });
    } catch (err) {
      toAppError(err, logger, { where: 'hall overview', sessionId: hallId });
    } finally {
      feed.ticking = false;
    }
  }

  io.on('connection', (socket) => void admit(socket));
  return {
    feeds: (hallId) => feeds.has(hallId),
    close() {
      for (const [hallId, feed] of feeds) stop(hallId, feed);
    },
  };
}

function byTable(tables: HallTableSummary[]): HallTableSummary[] {
  return [...tables].sort((a, b) => a.table - b.table);
}
