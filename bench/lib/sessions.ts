import { applyEvents, type KindState, type KindVersionedEvent } from '@runde/shared';
import type { CreateSessionRequest, CreateSessionResponse, JoinSessionResponse } from '@runde/shared';
import { sessionKeys } from '@runde/server';
import type { SeatInfo } from './benchClient.ts';
import { sleep } from './clock.ts';
import type { RedisClient } from './redisServer.ts';
import type { WorkerPool } from './workerPool.ts';

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The benchmark's settings: 3 dots each, stacking allowed, as in the brief. */
export const benchSettings: CreateSessionRequest['settings'] = { votesPerPerson: 3, allowStacking: true };

export function createSession(url: string, title = 'Bench Lean Coffee'): Promise<CreateSessionResponse> {
  return postJson(`${url}/api/sessions`, { title, facilitatorName: 'Facilitator', settings: benchSettings });
}

/** Seats `count` participants through the HTTP join endpoint, `concurrency` at a time. */
export async function joinSeats(url: string, sessionId: string, count: number, concurrency = 16): Promise<SeatInfo[]> {
  const seats: SeatInfo[] = new Array<SeatInfo>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const seat = await postJson<JoinSessionResponse>(`${url}/api/sessions/${sessionId}/participants`, {
          name: `Person ${i + 1}`,
        });
        seats[i] = seat;
      }
    }),
  );
  return seats;
}

/** The version a session has in the store, read without loading its state. */
export async function storedVersion(redis: RedisClient, prefix: string, sessionId: string): Promise<number> {
  const [key] = sessionKeys(prefix, sessionId);
  return Number((await redis.hGet(key, 'version')) ?? Number.NaN);
}

/** How many participants the stored state shows online (every connect and disconnect queues a presence write). */
export async function storedOnline(redis: RedisClient, prefix: string, sessionId: string): Promise<number> {
  const state = await storedState(redis, prefix, sessionId);
  return state ? state.participants.filter((p) => p.online).length : Number.NaN;
}

/**
 * A session's current state as the store holds it: the snapshot is rewritten every few dozen
 * events, so the events after it are folded on, as the store itself does.
 */
export async function storedState(redis: RedisClient, prefix: string, sessionId: string): Promise<KindState | null> {
  const [key, eventsKey] = sessionKeys(prefix, sessionId);
  const [raw, version, snapshot] = await redis.hmGet(key, ['state', 'version', 'snapshot']);
  if (!raw) return null;
  const behind = Number(version) - Number(snapshot ?? version);
  const tail = behind > 0 ? await redis.lRange(eventsKey, -behind, -1) : [];
  return applyEvents(
    JSON.parse(raw) as KindState,
    tail.map((json) => (JSON.parse(json) as KindVersionedEvent).event),
  );
}

/**
 * Waits until every client of every listed session is connected and holds the version in the
 * store, and the store shows each of them online (the presence writes that follow connecting
 * have all landed: a stable version alone is not enough, since one write can take longer than
 * any quiet period on a busy machine).
 */
export async function waitConverged(
  pool: WorkerPool,
  redis: RedisClient,
  prefix: string,
  sessionIds: readonly string[],
  timeoutMs: number,
): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = Date.now();
  for (;;) {
    const versions = new Map<string, number>();
    for (const id of sessionIds) versions.set(id, await storedVersion(redis, prefix, id));
    const { sessions } = await pool.status();
    const behind: string[] = [];
    for (const id of sessionIds) {
      const s = sessions.get(id);
      const v = versions.get(id);
      if (!s || s.connected !== s.clients || s.min !== v || s.max !== v) behind.push(id);
      else if ((await storedOnline(redis, prefix, id)) !== s.clients) behind.push(id);
    }
    if (behind.length === 0) {
      // Stable twice in a row: no write was still on its way.
      await sleep(200);
      const again = await Promise.all(sessionIds.map((id) => storedVersion(redis, prefix, id)));
      if (again.every((v, i) => v === versions.get(sessionIds[i] ?? ''))) return versions;
      continue;
    }
    if (Date.now() > deadline) {
      const id = behind[0] ?? '';
      const s = sessions.get(id);
      throw new Error(
        `${behind.length} sessions not converged after ${timeoutMs} ms, e.g. ${id}: store ${versions.get(id)}, clients ${s?.min}..${s?.max}, connected ${s?.connected}/${s?.clients}`,
      );
    }
    if (Date.now() - lastReport > 5_000) {
      lastReport = Date.now();
      const s = sessions.get(behind[0] ?? '');
      console.log(
        `  … waiting for ${behind.length} sessions to converge (e.g. store ${versions.get(behind[0] ?? '')}, clients ${s?.min}..${s?.max}, connected ${s?.connected}/${s?.clients})`,
      );
    }
    await sleep(100);
  }
}
