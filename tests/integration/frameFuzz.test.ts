import type { RedisSessionStore } from '@runde/server';
import {
  commandPayloadSchemasOfAllKinds,
  commandMetaSchema,
  ErrorCode,
  exportRequestSchema,
  handshakeAuthSchema,
  projectorGrantRequestSchema,
  PROTOCOL_VERSION,
  syncRequestSchema,
  timePingSchema,
  type Ack,
  type CommandResult,
  type Seat,
} from '@runde/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawConnection } from '../support/rawConnection.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { arbitraryForSchema, hostileText, hostileValue } from '../support/schemaArbitrary.ts';
import {
  createSessionOverHttp,
  createTeamSpaceOverHttp,
  joinOverHttp,
  okVersion,
  TestClient,
} from '../support/serverClients.ts';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';

/**
 * Issue 11: property-based fuzzing of everything a client sends. Frames for every command (taken
 * from the schema registry, so a new command is fuzzed the day it is added), for sync and ping,
 * and for the handshake, over real sockets to a real server on real Redis. Properties:
 *   - every frame gets a typed answer (ok, or a known error code, never `internal`), or its
 *     connection is dropped;
 *   - a session changes only through a frame its schema accepts and the server acknowledges ok;
 *   - the server stays up, and a handshake is admitted only with a real seat's credentials.
 * A failure prints fast-check's seed; `FUZZ_SEED=<seed>` replays that run.
 */

/** Fixed run counts: the suite's cost is the same every time. */
const COMMAND_RUNS = 400;
const HANDSHAKE_RUNS = 120;
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/**
 * Every event a participant's socket may send, with its payload schema. `session:delete` is left
 * out on purpose: it would end the sessions under test (deletion.test.ts covers it).
 */
const fuzzedSchemas = {
  ...commandPayloadSchemasOfAllKinds,
  'session:sync': syncRequestSchema,
  'time:ping': timePingSchema,
  'projector:grant': projectorGrantRequestSchema,
  'session:export': exportRequestSchema,
  'hall:export': exportRequestSchema,
};
type FuzzedEvent = keyof typeof fuzzedSchemas;
const fuzzedEvents = Object.keys(fuzzedSchemas) as FuzzedEvent[];
const knownCodes = new Set<string>(Object.values(ErrorCode));

const prefix = uniquePrefix('fuzz');
let store: RedisSessionStore;
let server: TestServer;
/** One seat per role and kind: the fuzzed frames come from all four. */
const seats: Seat[] = [];
/** A connected device per seat, so that dropping a fuzzed connection never changes presence. */
const anchors: TestClient[] = [];
const connections = new Map<Seat, RawConnection>();
let idPool: string[] = [];
/**
 * The server runs in this process. A throw that would end a real node (vitest keeps its worker
 * alive and reports it later) is recorded here, and every property checks that none happened.
 */
const crashes: unknown[] = [];
const recordCrash = (err: unknown) => void crashes.push(err);

beforeAll(async () => {
  process.on('uncaughtException', recordCrash);
  process.on('unhandledRejection', recordCrash);
  store = await openRedisStore(prefix);
  const unlimited = { points: 1_000_000, durationSec: 1 };
  // The fuzz is after the schemas and the rules, not the rate limiter (http.test.ts covers that).
  server = await startTestServer({
    store,
    config: {
      rateLimits: {
        seat: unlimited,
        address: unlimited,
        failedLookup: unlimited,
        ping: unlimited,
      },
    },
  });
  const leanCoffee = await createSessionOverHttp(server.url, { title: 'Fuzz Lean Coffee', facilitatorName: 'Fatma' });
  const space = await createTeamSpaceOverHttp(server.url, { title: 'Fuzz team space', facilitatorName: 'Fee' });
  seats.push(
    leanCoffee,
    await joinOverHttp(server.url, leanCoffee.sessionId, 'Jonas'),
    space,
    await joinOverHttp(server.url, space.sessionId, 'Mia'),
  );
  anchors.push(...(await Promise.all(seats.map((seat) => TestClient.connect(server.url, seat)))));
  // Something for the ids in generated commands to point at.
  okVersion(await anchors[0]!.send('topic:add', { title: 'Seeded topic' }));
  okVersion(await anchors[1]!.send('topic:add', { title: 'Another topic' }));
  const tension = (client: TestClient | undefined, title: string, room: string) =>
    client?.sendRaw('tension:add', { title, room }, { commandId: `seed-${room}` }) as Promise<Ack<CommandResult>>;
  okVersion(await tension(anchors[2], 'Seeded tension', 'operational'));
  okVersion(await tension(anchors[3], 'Another tension', 'governance'));
  idPool = [...new Set(await Promise.all(seats.map((seat) => idsIn(seat.sessionId))).then((ids) => ids.flat()))];
}, 30_000);

afterAll(async () => {
  process.off('uncaughtException', recordCrash);
  process.off('unhandledRejection', recordCrash);
  for (const connection of connections.values()) connection.close();
  for (const anchor of anchors) anchor.close();
  await server?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

/** Every id-like value in a session's stored state: participants, topics, tensions and the rest. */
async function idsIn(sessionId: string): Promise<string[]> {
  const ids: string[] = [];
  JSON.stringify((await store.load(sessionId))?.state, (key, value: unknown) => {
    if (typeof value === 'string' && (key === 'id' || key.endsWith('Id'))) ids.push(value);
    return value;
  });
  return ids;
}

/** The stored version and state of every fuzzed session, to compare before and after a frame. */
async function snapshot(): Promise<string> {
  const sessions = await Promise.all([...new Set(seats.map((s) => s.sessionId))].map((id) => store.load(id)));
  return JSON.stringify(sessions.map((s) => [s?.version, s?.state]));
}

async function connectionFor(seat: Seat): Promise<RawConnection> {
  const existing = connections.get(seat);
  if (existing?.isOpen) return existing;
  const fresh = await RawConnection.admitted(server.url, seat);
  connections.set(seat, fresh);
  return fresh;
}

let nextAckId = 1;

/** What a frame's sender learnt: an ack's content, that the socket was dropped, or nothing (no ack asked). */
type Answer = { kind: 'ack'; ack: unknown } | { kind: 'dropped' } | { kind: 'none' };

async function send(seat: Seat, frame: (ackId: number) => string, withAck: boolean): Promise<Answer> {
  const connection = await connectionFor(seat);
  const ackId = nextAckId++;
  connection.write(frame(ackId));
  if (!withAck) {
    // A ping behind it: once that is answered (or the socket is gone) the frame has been handled.
    const pingId = nextAckId++;
    connection.write(`2${pingId}["time:ping",{}]`);
    return (await connection.ack(pingId)) === undefined ? { kind: 'dropped' } : { kind: 'none' };
  }
  const ack = await connection.ack(ackId);
  return ack === undefined ? { kind: 'dropped' } : { kind: 'ack', ack };
}

function expectTyped(ack: unknown): asserts ack is { ok: boolean } {
  const { ok, error } = (ack ?? {}) as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  expect(typeof ok).toBe('boolean');
  if (ok) return;
  expect(typeof error?.message).toBe('string');
  expect(knownCodes.has(String(error?.code))).toBe(true);
  // An internal error is a bug the fuzz found, whatever the frame was.
  expect(error?.code).not.toBe(ErrorCode.internal);
}

/** A payload for `event`: valid by its schema, valid with one part made hostile, or hostile outright. */
function payloadFor(event: FuzzedEvent): fc.Arbitrary<unknown> {
  const valid = arbitraryForSchema(fuzzedSchemas[event], idPool);
  const mutated = fc
    .tuple(
      valid,
      fc.boolean(),
      fc.nat(),
      fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor')),
      hostileValue,
    )
    .map(([payload, replace, index, newKey, value]) => {
      if (typeof payload !== 'object' || payload === null) return value;
      const keys = Object.keys(payload);
      // One field's value made hostile, or one key added (computed keys make `__proto__` an own key).
      const key = replace && keys.length > 0 ? (keys[index % keys.length] ?? newKey) : newKey;
      return { ...payload, [key]: value };
    });
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: mutated, weight: 2 }, hostileValue);
}

const meta = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/).map((commandId) => ({ commandId })), weight: 3 },
  { arbitrary: hostileValue, weight: 1 },
);

interface CommandFrame {
  seat: number;
  event: string;
  args: unknown[];
  withAck: boolean;
}

/** Built once the sessions exist: generated ids come from their state. */
const commandFrames = (): fc.Arbitrary<CommandFrame> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...fuzzedEvents).chain((event) =>
        fc.record({
          seat: fc.nat(seats.length - 1),
          event: fc.constant<string>(event),
          args: fc.tuple(payloadFor(event), meta).map(([p, m]) => (m === undefined ? [p] : [p, m])),
          withAck: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
        }),
      ),
    },
    {
      // Event names that are not ours (or reserved by Socket.IO), and any number of arguments.
      weight: 1,
      arbitrary: fc.record({
        seat: fc.nat(seats.length - 1),
        event: fc.oneof(
          hostileText,
          fc.constantFrom('disconnect', 'connect', 'error', 'newListener', '__proto__', 'participant:join'),
        ),
        // Up to 90,000 arguments (180 kB, under the frame limit): Socket.IO spread about 75,000 onto the stack.
        args: fc.oneof(
          fc.array(hostileValue, { maxLength: 5 }),
          fc
            .oneof(fc.integer({ min: 5, max: 100 }), fc.integer({ min: 60_000, max: 90_000 }))
            .map((n) => Array<number>(n).fill(1)),
        ),
        withAck: fc.boolean(),
      }),
    },
  );

describe('fuzzed frames for every command, over real sockets on real Redis', () => {
  it(`gives each of ${COMMAND_RUNS} frames a typed answer or drops it, and only valid ones change state`, async () => {
    const counts = { ok: 0, refused: 0, dropped: 0, unanswered: 0 };
    await fc.assert(
      fc.asyncProperty(commandFrames(), async ({ seat, event, args, withAck }) => {
        const before = await snapshot();
        const text = JSON.stringify([event, ...args]);
        const answer = await send(seats[seat]!, (id) => `2${withAck ? id : ''}${text}`, withAck);
        const changed = (await snapshot()) !== before;
        expect(crashes).toEqual([]);
        if (answer.kind === 'ack') {
          expectTyped(answer.ack);
          if (answer.ack.ok) {
            counts.ok += 1;
            // Acknowledged: the frame must have been one its schema accepts.
            const schema = Object.hasOwn(fuzzedSchemas, event) ? fuzzedSchemas[event as FuzzedEvent] : undefined;
            expect(schema?.safeParse(args[0]).success).toBe(true);
            expect(args.length === 1 || (args.length === 2 && commandMetaSchema.safeParse(args[1]).success)).toBe(true);
            return;
          }
          counts.refused += 1;
        } else {
          counts[answer.kind === 'dropped' ? 'dropped' : 'unanswered'] += 1;
        }
        expect(changed).toBe(false);
      }),
      { numRuns: COMMAND_RUNS, seed, endOnFailure: true },
    );
    // Each kind of outcome happened: the generators reach the rules, the refusals and the parser.
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
    console.info(`frame fuzz: ${JSON.stringify(counts)}`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it(`admits ${HANDSHAKE_RUNS} fuzzed handshakes only with a real seat's credentials, and changes nothing`, async () => {
    const real = seats.map((s) => ({ sessionId: s.sessionId, token: s.token }));
    const field = <T>(good: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: hostileValue, weight: 1 });
    const auth = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...real),
            fc.record(
              {
                protocolVersion: field(fc.oneof(fc.constant(PROTOCOL_VERSION), fc.integer())),
                sessionId: field(
                  fc.oneof(fc.constant(undefined), fc.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/), hostileText),
                ),
                token: field(fc.oneof(fc.constant(undefined), fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/))),
                extra: hostileValue,
              },
              { requiredKeys: [] },
            ),
          )
          // Undefined picks the real seat's value: the near misses are the interesting ones.
          .map(([seat, fields]) => ({
            ...fields,
            sessionId: fields.sessionId ?? seat.sessionId,
            token: fields.token ?? seat.token,
          })),
      },
      { weight: 1, arbitrary: hostileValue },
      { weight: 1, arbitrary: fc.constantFrom(...real).map((r) => ({ protocolVersion: PROTOCOL_VERSION, ...r })) },
    );
    const before = await snapshot();
    const outcomes = { admitted: 0, refused: 0, dropped: 0 };
    await fc.assert(
      fc.asyncProperty(auth, async (value) => {
        const connection = await RawConnection.open(server.url);
        try {
          connection.write(`0${JSON.stringify(value) ?? ''}`);
          const answer = await connection.next((p) => p.startsWith('0') || p.startsWith('4'));
          const parsed = handshakeAuthSchema.safeParse(value);
          const isReal =
            parsed.success &&
            parsed.data.protocolVersion === PROTOCOL_VERSION &&
            'token' in parsed.data &&
            real.some(
              (r) => 'token' in parsed.data && r.sessionId === parsed.data.sessionId && r.token === parsed.data.token,
            );
          if (answer?.startsWith('0')) {
            outcomes.admitted += 1;
            expect(isReal).toBe(true);
          } else if (answer?.startsWith('4')) {
            outcomes.refused += 1;
            const refusal = JSON.parse(answer.slice(1)) as { message?: unknown; data?: { code?: unknown } };
            expect(typeof refusal.message).toBe('string');
            expect(typeof refusal.data?.code).toBe('string');
            expect(refusal.data?.code).not.toBe('internal');
          } else {
            outcomes.dropped += 1;
            expect(isReal).toBe(false);
          }
        } finally {
          connection.close();
        }
        expect(crashes).toEqual([]);
      }),
      { numRuns: HANDSHAKE_RUNS, seed, endOnFailure: true },
    );
    expect(outcomes.admitted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    console.info(`handshake fuzz: ${JSON.stringify(outcomes)}`);
    expect(await snapshot()).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
