import { sessionKeys } from '@runde/server';
import type { SessionState } from '@runde/shared';
import type { SeatInfo } from './benchClient.ts';
import { sleep } from './clock.ts';
import type { RedisClient } from './redisServer.ts';
import { createSession, joinSeats, storedOnline, storedVersion, waitConverged } from './sessions.ts';
import { Histogram } from './stats.ts';
import type { WorkerPool } from './workerPool.ts';

export interface FanoutResult {
  /** Send → applied, over every (repetition × client). */
  applied: Histogram;
  /** Send → ack at the voter. */
  ack: Histogram;
  /** (repetition × client) pairs where the client never applied the version. */
  missing: number;
  /** Versions measured, with their send times. */
  sent: Array<[number, number]>;
}

/**
 * The fan-out measurement, the same for Runde and the bare baseline: the voter alternately casts
 * and retracts a vote; each time, the time of sending is taken just before the emit, and every
 * client notes when it applied that version. The next repetition starts once every client has
 * it (plus a short pause), so repetitions never overlap. The first `warmup` are not counted.
 */
export async function measureFanout(options: {
  pool: WorkerPool;
  sessionId: string;
  voterId: string;
  topicId: string;
  reps: number;
  warmup: number;
  gapMs: number;
  baseVersion: number;
}): Promise<FanoutResult> {
  const { pool, sessionId, voterId, reps, warmup } = options;
  await pool.track(sessionId, options.baseVersion, 2 * (reps + warmup) + 1_000);
  const sent: Array<[number, number]> = [];
  const ack = new Histogram();
  for (let i = 0; i < warmup + reps; i += 1) {
    const type = i % 2 === 0 ? 'vote:cast' : 'vote:retract';
    const result = await pool.send(voterId, type, { topicId: options.topicId });
    if (!result.ack.ok) throw new Error(`${type} refused: ${result.ack.error.code}`);
    await pool.waitVersion(sessionId, result.ack.data.version, 60_000);
    if (i >= warmup) {
      sent.push([result.ack.data.version, result.sentAt]);
      ack.add(result.ackAt - result.sentAt);
    }
    await sleep(options.gapMs);
  }
  const { hist, missing } = await pool.latencies(sessionId, sent);
  return { applied: hist, ack, missing, sent };
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
  const [key] = sessionKeys(prefix, sessionId);
  const raw = await redis.hGet(key, 'state');
  if (!raw) throw new Error(`no session ${sessionId} in the store`);
  return (JSON.parse(raw) as SessionState).topics.map((t) => t.id);
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
