import type { SeatInfo } from './benchClient.ts';
import { sleep } from './clock.ts';
import type { RedisClient } from './redisServer.ts';
import { createSession, joinSeats, storedOnline, storedState, storedVersion, waitConverged } from './sessions.ts';
import { Histogram } from './stats.ts';
import type { WorkerPool } from './workerPool.ts';

export interface FanoutResult {
  /** Send → applied, over every (repetition × client). */
  applied: Histogram;
  /** Send → applied by the last client, one sample per repetition ("all N have it"). */
  allApplied: Histogram;
  /** Send → ack at the voter. */
  ack: Histogram;
  /** (repetition × client) pairs where the client never applied the version. */
  missing: number;
  /** Versions measured, with their send times. */
  sent: Array<[number, number]>;
}

/** One thing to measure: a session (or the bare server's room), its voter and a topic. */
export interface FanoutTarget {
  sessionId: string;
  voterId: string;
  topicId: string;
  /** The version every client of the session holds when the measurement starts. */
  baseVersion: number;
}

/**
 * The fan-out measurement, the same for Runde and the bare baseline: the voter alternately casts
 * and retracts a vote; each time, the time of sending is taken just before the emit, and every
 * client notes when it applied that version. The next vote is sent once every client has it
 * (plus a short pause), so votes never overlap. With several targets (Runde and the baseline,
 * or one node and two), each repetition votes once in each, in turn: a machine shared with
 * other work slows both alike instead of whichever happened to run during a busy minute.
 * The first `warmup` repetitions are not counted.
 */
export async function measureFanout(options: {
  pool: WorkerPool;
  targets: FanoutTarget[];
  reps: number;
  warmup: number;
  gapMs: number;
}): Promise<FanoutResult[]> {
  const { pool, targets, reps, warmup } = options;
  for (const t of targets) await pool.track(t.sessionId, t.baseVersion, 2 * (reps + warmup) + 1_000);
  const sent = targets.map((): Array<[number, number]> => []);
  const acks = targets.map(() => new Histogram());
  for (let i = 0; i < warmup + reps; i += 1) {
    const type = i % 2 === 0 ? 'vote:cast' : 'vote:retract';
    for (const [k, target] of targets.entries()) {
      const result = await pool.send(target.voterId, type, { topicId: target.topicId });
      if (!result.ack.ok) throw new Error(`${type} refused: ${result.ack.error.code}`);
      await pool.waitVersion(target.sessionId, result.ack.data.version, 60_000);
      if (i >= warmup) {
        sent[k]?.push([result.ack.data.version, result.sentAt]);
        acks[k]?.add(result.ackAt - result.sentAt);
      }
      await sleep(options.gapMs);
    }
  }
  return Promise.all(
    targets.map(async (target, k) => {
      const { hist, allApplied, missing } = await pool.latencies(target.sessionId, sent[k] ?? []);
      return { applied: hist, allApplied, ack: acks[k] ?? new Histogram(), missing, sent: sent[k] ?? [] };
    }),
  );
}

export interface PreparedSession {
  sessionId: string;
  facilitator: SeatInfo;
  participants: SeatInfo[];
  topicIds: string[];
}

/**
 * A Lean Coffee in the vote phase with `topics` topics and `size` seats in all (the facilitator
 * and size − 1 participants), nobody connected yet except the facilitator, who is connected on
 * `facilitatorWorker` to set it up.
 */
export async function prepareVotingSession(options: {
  url: string;
  pool: WorkerPool;
  redis: RedisClient;
  prefix: string;
  size: number;
  topics: number;
}): Promise<PreparedSession> {
  const { url, pool, redis, prefix } = options;
  const created = await createSession(url);
  const participants = await joinSeats(url, created.sessionId, options.size - 1);
  const facilitator: SeatInfo = created;
  await pool.connect(url, [facilitator], { mirror: 'version', reconnection: false }, { onWorker: 0 });
  for (let i = 0; i < options.topics; i += 1) {
    await pool.sendOk(facilitator.participantId, 'topic:add', { title: `Topic ${i + 1}` });
  }
  await pool.sendOk(facilitator.participantId, 'phase:change', { to: 'vote' });
  return {
    sessionId: created.sessionId,
    facilitator,
    participants,
    topicIds: await topicIds(redis, prefix, created.sessionId),
  };
}

/** The topic ids of a session, read from the store (benchmark clients keep no state by default). */
export async function topicIds(redis: RedisClient, prefix: string, sessionId: string): Promise<string[]> {
  const state = await storedState(redis, prefix, sessionId);
  if (state?.kind !== 'lean-coffee') throw new Error(`no Lean Coffee ${sessionId} in the store`);
  return state.topics.map((t) => t.id);
}

/**
 * Waits until the store shows nobody of the session online and its version has stopped moving:
 * after a mass disconnect every socket's presence write has landed, so the node is idle again.
 */
export async function waitAllOffline(redis: RedisClient, prefix: string, sessionId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = await storedVersion(redis, prefix, sessionId);
    if ((await storedOnline(redis, prefix, sessionId)) === 0) {
      await sleep(200);
      if ((await storedVersion(redis, prefix, sessionId)) === before) return;
    }
    if (Date.now() > deadline) throw new Error(`session ${sessionId} still shows people online after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export { waitConverged };
