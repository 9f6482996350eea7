/**
 * Setting up a hall for the benchmark through the HTTP API, as an organiser and phones do: the
 * hall is created with a fixed number of tables, and every phone is seated at a chosen table
 * (`POST /api/halls/:code/join` with `table`), which opens that table's Lean Coffee on first use.
 */
import type { CreateSessionResponse, HallSeatResponse } from '@runde/shared';
import type { SeatInfo } from './benchClient.ts';
import { sleep } from './clock.ts';
import type { RedisClient } from './redisServer.ts';
import { benchSettings, postJson, storedState } from './sessions.ts';

/** One table as the benchmark knows it: its Lean Coffee and the phones seated there. */
export interface BenchTable {
  number: number;
  sessionId: string;
  phones: SeatInfo[];
}

export function createHall(url: string, tables: number): Promise<CreateSessionResponse> {
  return postJson(`${url}/api/halls`, {
    title: 'Bench hall',
    organiserName: 'Organiser',
    settings: benchSettings,
    seating: { mode: 'count', tables },
  });
}

/**
 * Seats `perTable` phones at each of `tables` tables, `concurrency` joins at a time, in the order
 * a room fills (one phone per table in turn), so every table opens early.
 */
export async function seatHall(
  url: string,
  hallCode: string,
  tables: number,
  perTable: number,
  concurrency = 16,
): Promise<BenchTable[]> {
  const byNumber = new Map<number, BenchTable>();
  const total = tables * perTable;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const i = next++;
        const wanted = (i % tables) + 1;
        const { table } = await postJson<HallSeatResponse>(`${url}/api/halls/${hallCode}/join`, {
          name: `Phone ${i + 1}`,
          table: wanted,
        });
        if (table.number !== wanted) throw new Error(`phone ${i + 1} asked for table ${wanted}, got ${table.number}`);
        const entry = byNumber.get(table.number) ?? { number: table.number, sessionId: table.sessionId, phones: [] };
        if (entry.sessionId !== table.sessionId) throw new Error(`table ${table.number} has two sessions`);
        entry.phones.push({ sessionId: table.sessionId, participantId: table.participantId, token: table.token });
        byNumber.set(table.number, entry);
      }
    }),
  );
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/**
 * Waits until every table's stored Lean Coffee is in `phase` with at least `topics` topics, and
 * returns each table's topic ids.
 */
export async function waitTablesReady(
  redis: RedisClient,
  prefix: string,
  tables: readonly BenchTable[],
  phase: string,
  topics: number,
  timeoutMs: number,
): Promise<Map<string, string[]>> {
  const deadline = Date.now() + timeoutMs;
  const ready = new Map<string, string[]>();
  for (;;) {
    for (const t of tables) {
      if (ready.has(t.sessionId)) continue;
      const state = await storedState(redis, prefix, t.sessionId);
      if (state?.kind === 'lean-coffee' && state.phase === phase && state.topics.length >= topics) {
        ready.set(
          t.sessionId,
          state.topics.map((topic) => topic.id),
        );
      }
    }
    if (ready.size === tables.length) return ready;
    if (Date.now() > deadline) {
      throw new Error(
        `${tables.length - ready.size} tables not in ${phase} with ${topics} topics after ${timeoutMs} ms`,
      );
    }
    await sleep(200);
  }
}
