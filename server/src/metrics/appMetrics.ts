import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ErrorCode, type SessionKind } from '@runde/shared';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What this node reports to Prometheus. Labels take only values from bounded sets (command names,
 * error codes, session kinds), never a session code, a name or anything a person typed: a label
 * value is stored forever by every scraper, and an unbounded one would also grow without end.
 */
export interface AppMetrics {
  readonly registry: Registry;
  /** From a command's arrival to its ack, by event name (only names of the protocol's table). */
  observeAck(command: string, seconds: number): void;
  /** A failed ack or HTTP answer, by its error code. */
  countError(code: string): void;
  /** One successful write to a session (a command, a join, a presence update), by session kind. */
  countCommit(kind: SessionKind): void;
  /** One run of `proposal:close-due` by the deadline scheduler, by what came of it. */
  countProposalDeadlineRun(outcome: ProposalDeadlineOutcome): void;
  /** One fan-out of a session's events to this node's sockets. */
  observeFanOut(seconds: number): void;
  /** One PING round trip to Redis. */
  observeStorePing(seconds: number): void;
  /** The metrics exposition, in Prometheus' text format. */
  scrape(): Promise<string>;
  /** Stops the event-loop monitor; the registry stays readable. */
  close(): void;
}

/** What one scheduled `proposal:close-due` came to: proposals closed, nothing due, refused, or store failure. */
export type ProposalDeadlineOutcome = 'closed' | 'nothing-due' | 'refused' | 'failed';

export interface AppMetricsOptions {
  /** Sockets connected to this node right now. */
  connectedSockets: () => number;
  /** Sessions with at least one socket on this node right now. */
  liveSessions: () => number;
  /**
   * Node's process metrics (CPU, memory, handles, GC) under prom-client's usual names. Off for
   * tests that build many apps in one process: each collector starts observers it never stops.
   */
  processMetrics?: boolean;
  /** Whether there is a Redis to PING (`runde_redis_ping_seconds` exists only then). */
  redis?: boolean;
}

/** Acks are mostly a Redis round trip or two: sub-millisecond to a few hundred ms when busy. */
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** One frame to a room: microseconds for a few phones, tens of ms for two thousand. */
const FAN_OUT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];
const PING_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1];

const knownCodes: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** The event-loop delay quantiles reported; `1` is the maximum. */
const LOOP_QUANTILES = [0.5, 0.9, 0.99, 1] as const;

export function createAppMetrics(options: AppMetricsOptions): AppMetrics {
  // One registry per app: tests run several servers in one process, and prom-client's global
  // registry would refuse the second app's metrics of the same name.
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const ack = new Histogram({
    name: 'runde_command_ack_seconds',
    help: 'Time from a socket command arriving to its acknowledgement, by command.',
    labelNames: ['command'] as const,
    buckets: ACK_BUCKETS,
    registers: [registry],
  });
  const ackByCommand = new Map<string, ReturnType<typeof ack.labels>>();
  const errors = new Counter({
    name: 'runde_errors_total',
    help: 'Commands and API requests answered with an error, by error code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const commits = new Counter({
    name: 'runde_commits_total',
    help: 'Writes committed to a session by this node, by session kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const deadlineRuns = new Counter({
    name: 'runde_proposal_deadline_runs_total',
    help: "Runs of proposal:close-due by this node's deadline scheduler, by outcome (closed, nothing-due, refused, failed).",
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const fanOut = new Histogram({
    name: 'runde_fanout_seconds',
    help: "Time to send one batch of a session's events to this node's sockets.",
    buckets: FAN_OUT_BUCKETS,
    registers: [registry],
  });
  const storePing = options.redis
    ? new Histogram({
        name: 'runde_redis_ping_seconds',
        help: 'Round-trip time of a periodic PING to Redis.',
        buckets: PING_BUCKETS,
        registers: [registry],
      })
    : undefined;
  new Gauge({
    name: 'runde_connected_sockets',
    help: 'Sockets connected to this node.',
    registers: [registry],
    collect() {
      this.set(options.connectedSockets());
    },
  });
  new Gauge({
    name: 'runde_live_sessions',
    help: 'Sessions with at least one socket on this node.',
    registers: [registry],
    collect() {
      this.set(options.liveSessions());
    },
  });
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  new Gauge({
    name: 'runde_event_loop_delay_seconds',
    help: 'Event-loop delay since the previous scrape, by quantile (1: the maximum).',
    labelNames: ['quantile'] as const,
    registers: [registry],
    collect() {
      for (const q of LOOP_QUANTILES) {
        const nanoseconds = q === 1 ? loop.max : loop.percentile(q * 100);
        this.set({ quantile: String(q) }, nanoseconds / 1e9);
      }
      loop.reset();
    },
  });

  return {
    registry,
    observeAck: (command, seconds) => {
      // A child per command, found by name: prom-client would otherwise hash the labels each time.
      let child = ackByCommand.get(command);
      if (!child) {
        child = ack.labels({ command });
        ackByCommand.set(command, child);
      }
      child.observe(seconds);
    },
    countError: (code) => errors.inc({ code: knownCodes.has(code) ? code : 'other' }),
    countCommit: (kind) => commits.inc({ kind }),
    countProposalDeadlineRun: (outcome) => deadlineRuns.inc({ outcome }),
    observeFanOut: (seconds) => fanOut.observe(seconds),
    observeStorePing: (seconds) => storePing?.observe(seconds),
    scrape: () => registry.metrics(),
    close: () => loop.disable(),
  };
}
