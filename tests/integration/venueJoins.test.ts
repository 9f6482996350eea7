import { openRedisLimiters, type RedisLimiters, type RedisSessionStore } from '@runde/server';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, PROTOCOL_VERSION, type JoinSessionResponse } from '@runde/shared';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import {
  deleteTestKeys,
  openRedisStore,
  startTestServer,
  testLogger,
  type TestServer,
} from '../support/serverHarness.ts';
import { createSessionOverHttp } from '../support/serverClients.ts';

/**
 * Issue 13, "a venue is one address too": a workshop's phones all come through the venue's one
 * public address, behind the installation's proxy. Two nodes behind a trusting proxy hop, on one
 * Redis and one Redis-backed set of limiters, with the default budgets: a full hall with a valid
 * code is never refused for its number (the per-address join, lookup and handshake budgets refused
 * it: 1,000 lookups, 1,000 joins and 1,200 handshakes a minute), while one address guessing codes
 * is throttled on both nodes together.
 */
const prefix = uniquePrefix('venue-joins');
let stores: RedisSessionStore[] = [];
let limits: RedisLimiters;
let nodes: TestServer[] = [];

beforeAll(async () => {
  stores = [await openRedisStore(prefix), await openRedisStore(prefix)];
  limits = await openRedisLimiters({ url: testRedisUrl(), keyPrefix: `${prefix}limits:`, logger: testLogger() });
  // The test's requests come from 127.0.0.1, as from a proxy on the same host: its X-Forwarded-For
  // names the phone.
  nodes = await Promise.all(
    stores.map((store) => startTestServer({ store, config: { trustProxy: ['loopback'] }, limiters: limits.limiters })),
  );
});

afterAll(async () => {
  for (const node of nodes) await node.close();
  await limits?.close();
  await Promise.all(stores.map((store) => store.close()));
  await deleteTestKeys(prefix);
});

const VENUE = '198.51.100.77';
const nodeFor = (i: number) => nodes[i % nodes.length]!;
const forwarded = (address: string) => ({ 'x-forwarded-for': address });

/** What a phone does from the QR code to the board: opens the join page (twice: a reload), takes a seat. */
async function joinAsPhone(url: string, code: string, name: string, address: string) {
  const statuses: number[] = [];
  for (let i = 0; i < 2; i += 1) {
    const page = await fetch(`${url}/api/sessions/${code}`, { headers: forwarded(address) });
    statuses.push(page.status);
    await page.arrayBuffer();
  }
  const join = await fetch(`${url}/api/sessions/${code}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...forwarded(address) },
    body: JSON.stringify({ name }),
  });
  statuses.push(join.status);
  const seat = join.ok ? ((await join.json()) as JoinSessionResponse) : undefined;
  if (!join.ok) await join.arrayBuffer();
  return { statuses, seat };
}

/** Opens a socket with a seat from `address`; resolves with the refusal's code, or 'admitted'. */
function handshakeFrom(url: string, seat: JoinSessionResponse, address: string): Promise<string> {
  const socket = connectSocket(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: forwarded(address),
    auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
  });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('admitted'));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data?.code ?? err.message));
  }).finally(() => socket.disconnect());
}

/** Runs `task` for 0..count-1, `parallel` at a time, as phones arrive in waves rather than all in one instant. */
async function inWaves<T>(count: number, parallel: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += parallel) {
    const wave = Array.from({ length: Math.min(parallel, count - start) }, (_, k) => task(start + k));
    results.push(...(await Promise.all(wave)));
  }
  return results;
}

const tally = (values: (number | string)[]) =>
  values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});

describe('a hall of phones behind one venue address', () => {
  it('seats 500 phones from 500 addresses and then 1,000 from one, each reconnecting, and refuses none', async () => {
    const created = await createSessionOverHttp(nodeFor(0).url, {
      title: 'Personalversammlung',
      facilitatorName: 'Ana',
    });
    const code = created.sessionId;

    const spread = await inWaves(500, 50, (i) =>
      joinAsPhone(nodeFor(i).url, code, `Gast ${i}`, `203.0.${113 + (i % 2)}.${(i % 250) + 1}`),
    );
    const venue = await inWaves(1_000, 50, (i) => joinAsPhone(nodeFor(i).url, code, `Saal ${i}`, VENUE));
    expect(tally(spread.flatMap((p) => p.statuses))).toEqual({ 200: 1_000, 201: 500 });
    expect(tally(venue.flatMap((p) => p.statuses))).toEqual({ 200: 2_000, 201: 1_000 });

    // Every venue phone connects, the Wi-Fi drops, every phone connects again, to either node.
    const seats = venue.map((p) => p.seat!);
    const handshakes = [
      ...(await inWaves(seats.length, 50, (i) => handshakeFrom(nodeFor(i).url, seats[i]!, VENUE))),
      ...(await inWaves(seats.length, 50, (i) => handshakeFrom(nodeFor(i + 1).url, seats[i]!, VENUE))),
    ];
    expect(tally(handshakes)).toEqual({ admitted: 2_000 });

    const seated = await fetch(`${nodeFor(1).url}/api/sessions/${code}`);
    expect(seated.status).toBe(200);
    const stored = await stores[0]!.load(code);
    expect(stored?.state.participants.length).toBe(1 + 500 + 1_000);
  }, 240_000);

  it('throttles one address guessing 1,000 codes on both nodes together, and lets the hall in meanwhile', async () => {
    const created = await createSessionOverHttp(nodeFor(0).url, { title: 'Werkstatt', facilitatorName: 'Ben' });
    const guesser = '192.0.2.66';
    // Codes of the right shape, each different, none of them this file's two sessions (which the
    // server drew at random: one chance in 887 million per guess).
    const wrong = (i: number) =>
      Array.from({ length: JOIN_CODE_LENGTH }, (_, k) =>
        JOIN_CODE_ALPHABET.charAt(Math.floor(i / JOIN_CODE_ALPHABET.length ** k) % JOIN_CODE_ALPHABET.length),
      ).join('');
    const guesses = await inWaves(1_000, 50, async (i) => {
      const answer = await fetch(`${nodeFor(i).url}/api/sessions/${wrong(i)}`, { headers: forwarded(guesser) });
      await answer.arrayBuffer();
      return answer.status;
    });
    // The default budget is 100 failed lookups per address in ten minutes, counted in Redis for every node.
    expect(tally(guesses)).toEqual({ 404: 100, 429: 900 });

    // The guesser's spent budget is its own: the venue next door still joins.
    const phone = await joinAsPhone(nodeFor(1).url, created.sessionId, 'Cem', VENUE);
    expect(phone.statuses).toEqual([200, 200, 201]);
  }, 120_000);
});
