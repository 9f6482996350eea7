/**
 * A client worker: a separate Node process holding many benchmark clients (see BenchClient), so
 * the clients' CPU is spent apart from the server's. The benchmark drives it over IPC.
 */
import type { SessionState } from '@runde/shared';
import { BenchClient, type ClientOptions, type SeatInfo } from './benchClient.ts';
import { monoNow } from './clock.ts';
import { hallHandlers } from './hallOps.ts';
import { serveRpc } from './ipc.ts';
import { keepLargest, startLoopProbe, type LoopReport } from './loopProbe.ts';
import { Histogram, type HistogramData } from './stats.ts';

const clients: BenchClient[] = [];
const cpuAtStart = process.cpuUsage();

interface Waiter {
  sessionId: string;
  version: number;
  remaining: number;
  resolve(): void;
}
const waiters = new Set<Waiter>();

function onVersion(client: BenchClient, from: number, to: number): void {
  for (const w of waiters) {
    if (w.sessionId !== client.seat.sessionId || from >= w.version || to < w.version) continue;
    w.remaining -= 1;
    if (w.remaining === 0) {
      waiters.delete(w);
      w.resolve();
    }
  }
}

const inSession = (sessionId: string) => clients.filter((c) => c.seat.sessionId === sessionId);

function clientOf(participantId: string): BenchClient {
  const client = clients.find((c) => c.seat.participantId === participantId);
  if (!client) throw new Error(`no client for participant ${participantId}`);
  return client;
}

/** Runs `tasks` with at most `limit` at a time. */
async function pooled<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  });
  await Promise.all(lanes);
}

const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)];

/**
 * Per-client bookkeeping for the capacity mix, kept from acks so it never lags behind pushes.
 * Sessions stay the size of a real meeting: each person proposes 5 topics (then edits them)
 * and notes 10 takeaways (then renames themself), so a session's state stops growing.
 */
interface Mix {
  busy: boolean;
  votes: string[];
  topicsAdded: number;
  outcomesAdded: number;
  timer: 'running' | 'paused';
  n: number;
}

export interface LoadSession {
  sessionId: string;
  group: 'collect' | 'vote' | 'discuss';
  facilitatorId: string;
  topicIds: string[];
  discussTopicId: string | null;
}

export interface LoadResult {
  ack: HistogramData;
  errors: Record<string, number>;
  byType: Record<string, number>;
  sent: number;
  ok: number;
  skipped: number;
  /** This worker's event loop and GC over the load (a stalled worker times its acks late). */
  loop: LoopReport;
  /** Ack latency per session group (collect, vote, discuss): a tail confined to one mix points at its commands. */
  ackByGroup: Record<string, HistogramData>;
  /** The slowest acks here: `at` is when the command was sent, on the shared monotonic clock. */
  slowest: SlowCommand[];
}

export interface SlowCommand {
  ms: number;
  type: string;
  sessionId: string;
  group: LoadSession['group'];
  at: number;
}

/** Kept across `load` calls (a warm-up, then the measured run): votes cast stay cast. */
const mixes = new Map<BenchClient, Mix>();

function nextCommand(client: BenchClient, session: LoadSession, mix: Mix): { type: string; payload: unknown } {
  mix.n += 1;
  const me = client.seat.participantId;
  switch (session.group) {
    case 'collect': {
      if (mix.topicsAdded < 5) return { type: 'topic:add', payload: { title: `Idea ${mix.n} of ${me.slice(0, 6)}` } };
      const own = (client.state as SessionState | null)?.topics.filter((t) => t.authorId === me) ?? [];
      const topic = pick(own);
      if (!topic) return { type: 'participant:rename', payload: { name: `Person ${mix.n % 1000}` } };
      return { type: 'topic:edit', payload: { topicId: topic.id, title: `Idea ${mix.n} (edited)` } };
    }
    case 'vote': {
      if (mix.votes.length < 3) return { type: 'vote:cast', payload: { topicId: pick(session.topicIds) } };
      return { type: 'vote:retract', payload: { topicId: pick(mix.votes) } };
    }
    case 'discuss': {
      if (me === session.facilitatorId) {
        if (mix.timer === 'paused') return { type: 'timer:resume', payload: {} };
        return Math.random() < 0.5
          ? { type: 'timer:pause', payload: {} }
          : { type: 'timer:add', payload: { minutes: 1 } };
      }
      if (mix.outcomesAdded < 10 && session.discussTopicId) {
        return {
          type: 'outcome:add',
          payload: {
            topicId: session.discussTopicId,
            kind: 'takeaway',
            text: `Takeaway ${mix.n} of ${me.slice(0, 6)}`,
          },
        };
      }
      return { type: 'participant:rename', payload: { name: `Person ${mix.n % 1000}` } };
    }
  }
}

function learn(mix: Mix, type: string, payload: unknown): void {
  const topicId = (payload as { topicId?: string }).topicId ?? '';
  if (type === 'vote:cast') mix.votes.push(topicId);
  else if (type === 'vote:retract') mix.votes.splice(mix.votes.indexOf(topicId), 1);
  else if (type === 'topic:add') mix.topicsAdded += 1;
  else if (type === 'outcome:add') mix.outcomesAdded += 1;
  else if (type === 'timer:pause') mix.timer = 'paused';
  else if (type === 'timer:resume') mix.timer = 'running';
}

const handlers = {
  /** Connects more clients (added to those already here). */
  connect: async (args: {
    url: string;
    seats: SeatInfo[];
    options: ClientOptions;
    concurrency: number;
    timeoutMs: number;
  }) => {
    const added = args.seats.map((seat) => {
      const client = new BenchClient(args.url, seat, args.options);
      client.onVersion = onVersion;
      clients.push(client);
      return client;
    });
    const started = monoNow();
    await pooled(added, args.concurrency, (client) => client.open(args.timeoutMs));
    return { count: added.length, ms: monoNow() - started };
  },

  /** Per session: the lowest and highest version its clients here hold, and how many are connected. */
  status: (_: Record<string, never>) => {
    const sessions: Record<string, { min: number; max: number; clients: number; connected: number }> = {};
    let gaps = 0;
    let disconnects = 0;
    const disconnectReasons: Record<string, number> = {};
    for (const c of clients) {
      const s = (sessions[c.seat.sessionId] ??= { min: Infinity, max: 0, clients: 0, connected: 0 });
      s.min = Math.min(s.min, c.version);
      s.max = Math.max(s.max, c.version);
      s.clients += 1;
      if (c.socket.connected) s.connected += 1;
      gaps += c.gaps;
      disconnects += c.disconnects;
      for (const [reason, count] of Object.entries(c.disconnectReasons)) {
        disconnectReasons[reason] = (disconnectReasons[reason] ?? 0) + count;
      }
    }
    return { sessions, gaps, disconnects, disconnectReasons, clients: clients.length };
  },

  /** Resolves once every client of the session here holds `version` or later. */
  waitVersion: ({ sessionId, version, timeoutMs }: { sessionId: string; version: number; timeoutMs: number }) =>
    new Promise<void>((resolve, reject) => {
      const remaining = inSession(sessionId).filter((c) => c.version < version).length;
      if (remaining === 0) {
        resolve();
        return;
      }
      const waiter: Waiter = { sessionId, version, remaining, resolve: () => undefined };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`${waiter.remaining} clients did not reach version ${version} in ${timeoutMs} ms`));
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      waiters.add(waiter);
    }),

  send: ({ participantId, type, payload }: { participantId: string; type: string; payload: unknown }) =>
    clientOf(participantId).send(type, payload),

  /** Starts recording when each client of the session applies each version after `base`. */
  track: ({ sessionId, base, capacity }: { sessionId: string; base: number; capacity: number }) => {
    for (const c of inSession(sessionId)) {
      c.arrivals = { base, times: new Float64Array(capacity).fill(Number.NaN) };
    }
  },

  /**
   * For each (version, sent time): how long each client of the session took to apply it. The
   * samples stay here; only the histogram travels back.
   */
  latencies: ({ sessionId, sent, url }: { sessionId: string; sent: Array<[number, number]>; url?: string }) => {
    const hist = new Histogram();
    let missing = 0;
    // Per version, the slowest client here: the worker-side part of "until all have applied it".
    const slowest = sent.map(([version]): [number, number] => [version, 0]);
    for (const c of inSession(sessionId)) {
      if (url !== undefined && c.url !== url) continue;
      if (!c.arrivals) continue;
      const { base, times } = c.arrivals;
      for (const [i, [version, sentAt]] of sent.entries()) {
        const at = times[version - base - 1];
        if (at === undefined || Number.isNaN(at)) {
          missing += 1;
          continue;
        }
        hist.add(at - sentAt);
        const entry = slowest[i];
        if (entry && at - sentAt > entry[1]) entry[1] = at - sentAt;
      }
    }
    return { hist: hist.toJSON(), missing, slowest };
  },

  /** The raw `session:events` packet a capturing client received for `version`. */
  frame: ({ participantId, version }: { participantId: string; version: number }) => {
    const marker = `"version":${version},`;
    const text = clientOf(participantId).frames.find((f) => f.includes(marker));
    // On the wire: the Engine.IO packet type ("4") in front of the Socket.IO packet.
    return text ? { bytes: Buffer.byteLength(text) + 1, text } : null;
  },

  /**
   * The clients here cast the votes of `schedule` (participant, ms after the start, topic; the
   * benchmark draws it from a seed, so a baseline can replay the same moments). Acks are awaited
   * for as long as `ackTimeoutMs`: an overloaded server answers late, and every vote it committed
   * is still measured.
   */
  storm: async (args: {
    schedule: Array<[participantId: string, delayMs: number, topicId: string]>;
    ackTimeoutMs: number;
  }) => {
    const sent: Array<[number, number]> = [];
    const errors: Record<string, number> = {};
    const ack = new Histogram();
    const byId = new Map(clients.map((c) => [c.seat.participantId, c]));
    await Promise.all(
      args.schedule.map(
        ([participantId, delay, topicId]) =>
          new Promise<void>((resolve) => {
            const client = byId.get(participantId);
            if (!client) throw new Error(`no client for participant ${participantId}`);
            setTimeout(() => {
              client.send('vote:cast', { topicId }, args.ackTimeoutMs).then(
                (r) => {
                  ack.add(r.ackAt - r.sentAt);
                  if (r.ack.ok) sent.push([r.ack.data.version, r.sentAt]);
                  else errors[r.ack.error.code] = (errors[r.ack.error.code] ?? 0) + 1;
                  resolve();
                },
                () => {
                  errors.timeout = (errors.timeout ?? 0) + 1;
                  resolve();
                },
              );
            }, delay);
          }),
      ),
    );
    return { sent, errors, ack: ack.toJSON() };
  },

  /**
   * The capacity load: `ratePerSec` commands per second (open loop, spread evenly) over this
   * worker's sessions for `seconds`, each from a random idle participant of a random session;
   * a participant never has two commands in flight.
   */
  load: async ({ sessions, ratePerSec, seconds }: { sessions: LoadSession[]; ratePerSec: number; seconds: number }) => {
    const bySession = new Map(sessions.map((s) => [s.sessionId, { session: s, clients: inSession(s.sessionId) }]));
    for (const c of clients) {
      if (!mixes.has(c))
        mixes.set(c, { busy: false, votes: [], topicsAdded: 0, outcomesAdded: 0, timer: 'running', n: 0 });
    }
    const probe = startLoopProbe();
    const slowest: SlowCommand[] = [];
    const hist = new Histogram();
    const byGroup = new Map<string, Histogram>();
    const result: Omit<LoadResult, 'loop' | 'ackByGroup'> = {
      ack: [],
      errors: {},
      byType: {},
      sent: 0,
      ok: 0,
      skipped: 0,
      slowest,
    };
    const targets = [...bySession.values()];
    let inFlight = 0;
    const started = monoNow();
    const issueOne = () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const target = pick(targets);
        const client = target && pick(target.clients);
        const mix = client && mixes.get(client);
        if (!target || !client || !mix || mix.busy) continue;
        const { type, payload } = nextCommand(client, target.session, mix);
        mix.busy = true;
        inFlight += 1;
        result.sent += 1;
        result.byType[type] = (result.byType[type] ?? 0) + 1;
        client
          .send(type, payload)
          .then(
            (r) => {
              const ms = r.ackAt - r.sentAt;
              hist.add(ms);
              const { sessionId, group } = target.session;
              keepLargest(slowest, { ms, type, sessionId, group, at: r.sentAt }, 10);
              if (!byGroup.has(group)) byGroup.set(group, new Histogram());
              byGroup.get(group)?.add(ms);
              if (r.ack.ok) {
                result.ok += 1;
                learn(mix, type, payload);
              } else result.errors[r.ack.error.code] = (result.errors[r.ack.error.code] ?? 0) + 1;
            },
            () => {
              result.errors.timeout = (result.errors.timeout ?? 0) + 1;
            },
          )
          .finally(() => {
            mix.busy = false;
            inFlight -= 1;
          });
        return;
      }
      result.skipped += 1;
    };
    await new Promise<void>((resolve) => {
      let issued = 0;
      const tick = setInterval(() => {
        const elapsed = (monoNow() - started) / 1000;
        const due = Math.floor(Math.min(elapsed, seconds) * ratePerSec) - issued;
        for (let i = 0; i < due; i += 1) issueOne();
        issued += Math.max(0, due);
        if (elapsed >= seconds) {
          clearInterval(tick);
          resolve();
        }
      }, 5);
    });
    const drainUntil = monoNow() + 15_000;
    while (inFlight > 0 && monoNow() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 10));
    result.ack = hist.toJSON();
    const ackByGroup = Object.fromEntries([...byGroup].map(([group, h]) => [group, h.toJSON()]));
    return { ...result, ackByGroup, loop: probe.stop() } satisfies LoadResult;
  },

  /** Starts recording every client's version changes (for `reconnectTimes`). */
  recordHistory: (_: Record<string, never>) => {
    for (const c of clients) c.history = [];
  },

  /**
   * After a restart at `since`: for each client, when it first connected again, and when it was
   * current: synced after that connect, and holding its session's `targets` version (reached by
   * the sync itself or by pushes after it). Monotonic ms, or null.
   */
  reconnectTimes: ({ since, targets }: { since: number; targets: Record<string, number> }) =>
    clients.map((c) => {
      const connectedAt = c.connects.find((t) => t > since) ?? null;
      const syncedAt = connectedAt === null ? undefined : c.syncs.find((s) => s.at > connectedAt)?.at;
      const target = targets[c.seat.sessionId] ?? Infinity;
      const reachedAt = c.history?.find(([at, version]) => at > since && version >= target)?.[0];
      // Nothing changed while the node was away: the sync's version was already the target.
      const heldAlready = c.history?.every(([at]) => at <= since) !== false && c.version >= target;
      const currentAt =
        syncedAt === undefined
          ? null
          : heldAlready
            ? syncedAt
            : reachedAt === undefined
              ? null
              : Math.max(syncedAt, reachedAt);
      return { attempts: c.reconnectAttempts, connectedAt, currentAt };
    }),

  /** Disconnects and forgets the clients of one session. */
  closeSession: ({ sessionId }: { sessionId: string }) => {
    for (const c of inSession(sessionId)) {
      c.close();
      mixes.delete(c);
      clients.splice(clients.indexOf(c), 1);
    }
  },

  closeAll: (_: Record<string, never>) => {
    for (const c of clients) c.close();
    clients.length = 0;
    mixes.clear();
  },

  usage: (_: Record<string, never>) => {
    const cpu = process.cpuUsage(cpuAtStart);
    return { cpuMs: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage().rss };
  },

  ...hallHandlers(clients),
};

export type WorkerHandlers = typeof handlers;

serveRpc(handlers);
