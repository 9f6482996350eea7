import type { HallSeatResponse, SessionState } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import { integrationSuite } from '../support/integrationSuite.ts';
import { TestClient, waitUntil } from '../support/serverClients.ts';
import { parseFrame, pathsOf } from '../support/serverFrames.ts';

const suite = integrationSuite('hall-privacy', {
  config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
});

const TABLES = 40;
const PER_TABLE = 6;
/** How many requests or connections the test has in flight at once: a venue's burst, not a stampede. */
const BATCH = 24;

async function inBatches<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH)
    results.push(...(await Promise.all(items.slice(i, i + BATCH).map(task))));
  return results;
}

const tableOf = (client: TestClient): SessionState => {
  const state = client.mirror.current;
  if (state?.kind !== 'lean-coffee') throw new Error('expected a table');
  return state;
};

/** Where any of `secrets` occurs in the frames a phone received: the paths into the parsed frames. */
function leaks(frames: readonly string[], secrets: readonly string[]): string[] {
  return frames.flatMap((frame, i) =>
    secrets.flatMap((secret) =>
      frame.includes(secret)
        ? [`frame ${i} holds ${secret} at ${pathsOf(parseFrame(frame), secret).join(', ') || 'a string'}`]
        : [],
    ),
  );
}

describe('a hall of 40 tables', () => {
  it('keeps what happens at table 3 at table 3: no other phone receives a frame of it', async () => {
    const created = await createHallOverHttp(suite.url, {
      title: 'Big event',
      organiserName: 'Olga',
      seating: { mode: 'count', tables: TABLES },
    });
    const hallId = created.sessionId;
    const wanted = Array.from({ length: TABLES * PER_TABLE }, (_, i) => ({
      name: `Guest ${i + 1}`,
      table: (i % TABLES) + 1,
    }));
    const seats: HallSeatResponse[] = await inBatches(wanted, (w) => joinHallOverHttp(suite.url, hallId, w));
    for (const [i, seat] of seats.entries()) expect(seat.table.number).toBe(wanted[i]!.table);
    expect(new Set(seats.map((s) => s.table.sessionId)).size).toBe(TABLES);

    const phones = await inBatches(seats, (seat) => TestClient.connect(suite.url, seat.table));
    suite.track(...phones);
    const organiser = await suite.connect(created);
    const atTable = (n: number) => phones.filter((_, i) => seats[i]!.table.number === n);
    const table3 = atTable(3);
    expect(table3).toHaveLength(PER_TABLE);
    const code3 = seats.find((s) => s.table.number === 3)!.table.sessionId;

    // Table 3 collects topics with titles nobody else could send, then the hall votes.
    const titles = table3.map((_, i) => `Tisch-drei-geheim-${i}-${code3}`);
    for (const [i, phone] of table3.entries())
      await suite.run(phone, 'topic:add', { title: titles[i]!, description: '' });
    // A topic at table 7 too, so the other tables are not merely idle.
    await suite.run(atTable(7)[0]!, 'topic:add', { title: 'Tisch sieben', description: '' });
    await suite.run(organiser, 'hall:phase', { to: 'vote', minutes: 5 });
    await waitUntil('table 3 votes', () => table3.every((p) => tableOf(p).phase === 'vote'), 15_000);
    const topicIds = tableOf(table3[0]!).topics.map((t) => t.id);
    for (const [i, phone] of table3.entries()) {
      await suite.run(phone, 'vote:cast', { topicId: topicIds[i % topicIds.length]! });
      await suite.run(phone, 'vote:cast', { topicId: topicIds[(i + 1) % topicIds.length]! });
    }
    await waitUntil('every phone at table 3 holds the votes', async () => {
      const stored = await suite.store.load(code3);
      return table3.every((p) => p.mirror.version === stored?.version);
    });
    const stored3 = (await suite.store.load(code3))?.state;
    expect(stored3?.kind === 'lean-coffee' ? stored3.votes.length : 0).toBe(PER_TABLE * 2);
    // Everyone else's last word: a sync round trip, so whatever the server sent them has arrived.
    const others = phones.filter((p) => !table3.includes(p));
    await inBatches(others, (p) => p.sync());

    const secrets = [code3, ...titles, ...topicIds];
    // What table 3's phones received does hold them (the test would see a leak).
    expect(leaks(table3[0]!.frames, secrets).length).toBeGreaterThan(0);
    const leaked = others.flatMap((p, i) => leaks(p.frames, secrets).map((where) => `phone ${i}: ${where}`));
    expect(leaked).toEqual([]);
    for (const phone of atTable(7)) expect(tableOf(phone).topics.map((t) => t.title)).toEqual(['Tisch sieben']);
  }, 60_000);
});
