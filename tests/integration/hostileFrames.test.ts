import { ErrorCode, type Seat } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeProcess, type NodeProcess } from '../support/nodeProcess.ts';
import { RawConnection } from '../support/rawConnection.ts';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import { deleteTestKeys } from '../support/serverHarness.ts';
import { leanCoffee } from '../support/serverMirror.ts';
import {
  createSessionOverHttp,
  joinOverHttp,
  okVersion,
  TestClient,
  waitUntil,
  type TestSession,
} from '../support/serverClients.ts';

/**
 * Issue 11, finding 1: one Socket.IO frame with about 75,000 arguments (150 kB, under the 200 kB
 * frame limit) made Socket.IO's dispatch throw `RangeError: Maximum call stack size exceeded` in a
 * `process.nextTick`, and Node exited, taking every session with it. Here the server is a real
 * node in its own process (so its death is the test's finding, not the test runner's), and each
 * frame below, about 1 MB in all, goes over a real WebSocket as raw text or bytes.
 */

const prefix = uniquePrefix('hostile-frames');
/** The attacker's frames come from their own address, so per-address budgets keep the bystanders' apart. */
const ATTACKER_ADDRESS = '127.0.0.2';
afterAll(() => deleteTestKeys(prefix));

/** Socket.IO's frame limit is 200,000 bytes; every frame here stays just under it. */
const NEAR_LIMIT = 198_000;

const json = (value: unknown) => JSON.stringify(value);
/** `count` arguments after the event name: `["topic:add",1,1,…]`. */
const manyArguments = (count: number) => json((['topic:add'] as unknown[]).concat(Array<number>(count).fill(1)));
const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObjects = (depth: number) => `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
const manyKeys = (count: number) => json(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 0])));

/** How the server must deal with a frame: close only that connection, or answer it with a typed error. */
type Outcome = 'dropped' | 'invalid_payload';

/** Frames from an admitted socket; ack id 1 where an answer is possible. */
const eventFrames: Array<[label: string, frames: Array<string | Uint8Array>, outcome: Outcome]> = [
  ['75,000 arguments in one event (150 kB)', [`21${manyArguments(75_000)}`], 'dropped'],
  ['75,000 arguments in one event without an ack id', [`2${manyArguments(75_000)}`], 'dropped'],
  ['75,000 arguments in an ACK packet', [`31[${Array<string>(75_000).fill('1').join(',')}]`], 'dropped'],
  ['five arguments (one more than the bound)', [`21${json(['topic:add', {}, {}, {}, {}])}`], 'dropped'],
  ['arrays nested 99,000 deep', [`21["topic:add",${deepArrays(NEAR_LIMIT / 2)}]`], 'dropped'],
  ['objects nested 33,000 deep', [`21["topic:add",${deepObjects(NEAR_LIMIT / 6)}]`], 'dropped'],
  ['a payload with 17,000 keys', [`21["topic:add",${manyKeys(17_000)}]`], 'invalid_payload'],
  ['a 190 kB title', [`21${json(['topic:add', { title: 'x'.repeat(190_000) }])}`], 'invalid_payload'],
  [
    'a binary event with its attachment',
    ['51-["topic:add",{"_placeholder":true,"num":0}]', new Uint8Array([1, 2, 3])],
    'dropped',
  ],
  ['a binary event announcing 999,999,999 attachments', ['5999999999-["topic:add",{}]'], 'dropped'],
  ['a binary event announcing 1e5 attachments', ['51e5-["topic:add",{}]'], 'dropped'],
  ['a binary event announcing -1 attachments', ['5-1-["topic:add",{}]'], 'dropped'],
  ['a binary ack announcing junk attachments', ['6abc-[1]'], 'dropped'],
  ['bytes with no binary packet before them', [new Uint8Array(150_000)], 'dropped'],
  ['a placeholder in a text event', ['21["topic:add",{"_placeholder":true,"num":0}]'], 'invalid_payload'],
  ['an ack id beyond any safe integer', [`2${'9'.repeat(40)}["topic:add",{}]`], 'dropped'],
  ['an event to another namespace', ['2/admin,1["topic:add",{}]'], 'dropped'],
  ['a CONNECT_ERROR packet from the client', ['4{"message":"x"}'], 'dropped'],
  ['an unknown packet type', ['9["topic:add"]'], 'dropped'],
];

/** Raw Socket.IO CONNECT packets, sent as the first thing on a fresh connection. */
const handshakeFrames: Array<[label: string, frame: string, outcome: 'dropped' | 'refused']> = [
  ['auth nested 33,000 deep', `0${deepObjects(NEAR_LIMIT / 6)}`, 'dropped'],
  ['auth with 17,000 keys', `0${manyKeys(17_000)}`, 'refused'],
  ['a 190 kB token', `0${json({ protocolVersion: 2, sessionId: 'ABCDEF', token: 'x'.repeat(190_000) })}`, 'refused'],
  ['auth that is an array of 75,000 items', `0[${Array<string>(75_000).fill('1').join(',')}]`, 'dropped'],
];

describe.each([
  ['Redis store', () => startNodeProcess({ redisUrl: testRedisUrl(), keyPrefix: prefix })],
  ['embedded memory store', () => startNodeProcess({ store: 'memory' })],
])('hostile frames against a server node with the %s', (_store, start) => {
  let node: NodeProcess;
  /** Another session, going about its business: nothing below may reach it. */
  let bystanders: Pick<TestSession, 'sessionId' | 'facilitator' | 'participants'>;
  const bystanderDrops: string[] = [];
  let attackerSeat: Seat;
  const open: RawConnection[] = [];
  let checks = 0;
  /** The bystanders' one topic, renamed by every check: a check adds nothing that a cap could refuse. */
  let topicId = '';

  beforeAll(async () => {
    node = await start();
    const created = await createSessionOverHttp(node.url, { title: 'Bystanders', facilitatorName: 'Fatma' });
    const jonas = await joinOverHttp(node.url, created.sessionId, 'Jonas');
    const facilitator = await TestClient.connect(node.url, created);
    const participant = await TestClient.connect(node.url, jonas);
    for (const client of [facilitator, participant]) client.socket.on('disconnect', (r) => bystanderDrops.push(r));
    bystanders = { sessionId: created.sessionId, facilitator, participants: [participant] };
    const added = await facilitator.send('topic:add', { title: 'Still here' });
    if (!added.ok) throw new Error(`topic:add refused: ${added.error.code}`);
    await facilitator.caughtUp(added.data.version);
    topicId = leanCoffee(facilitator.mirror.current)?.topics.find((t) => t.title === 'Still here')?.id ?? '';
    const attackers = await createSessionOverHttp(node.url, { title: 'Attackers', facilitatorName: 'Mallory' });
    attackerSeat = await joinOverHttp(node.url, attackers.sessionId, 'Eve');
  }, 60_000);

  afterAll(async () => {
    for (const connection of open) connection.close();
    bystanders?.facilitator.close();
    bystanders?.participants.forEach((c) => c.close());
    await node?.stop();
  });

  async function admitted(): Promise<RawConnection> {
    const connection = await RawConnection.admitted(node.url, attackerSeat, { localAddress: ATTACKER_ADDRESS });
    open.push(connection);
    return connection;
  }

  /** The node is alive and healthy, and the bystanders' session still works for both of them. */
  async function expectServing(): Promise<void> {
    expect(node.process.exitCode, node.output()).toBeNull();
    expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
    const [participant] = bystanders.participants as [TestClient];
    checks += 1;
    const version = okVersion(
      await bystanders.facilitator.send('topic:edit', { topicId, title: `Still here ${checks}`, description: '' }),
    );
    await waitUntil('the participant got the push', () => participant.mirror.version >= version);
    expect(bystanderDrops).toEqual([]);
  }

  it.each(eventFrames)('survives %s', async (_label, frames, outcome) => {
    // Under the size limit, so it is the frame's shape that the server must deal with.
    for (const frame of frames) expect(frame.length + 1).toBeLessThan(200_000);
    const attacker = await admitted();
    for (const frame of frames) attacker.write(frame);
    if (outcome === 'dropped') {
      expect(await attacker.closed).toBe('transport close');
    } else {
      expect(await attacker.ack(1)).toMatchObject({ ok: false, error: { code: outcome } });
      expect(attacker.isOpen).toBe(true);
    }
    await expectServing();
  });

  it.each(handshakeFrames)('survives a handshake with %s', async (_label, frame, outcome) => {
    expect(frame.length + 1).toBeLessThan(200_000);
    const attacker = await RawConnection.open(node.url, { localAddress: ATTACKER_ADDRESS });
    open.push(attacker);
    attacker.write(frame);
    if (outcome === 'dropped') {
      expect(await attacker.closed).toBe('transport close');
    } else {
      // A CONNECT_ERROR packet with a typed refusal; the connection may try again.
      const refusal = await attacker.next((p) => p.startsWith('4'));
      expect(JSON.parse(refusal?.slice(1) ?? 'null')).toMatchObject({ data: { code: expect.any(String) } });
    }
    await expectServing();
  });

  it('survives seven such frames at once from seven sockets (1 MB)', async () => {
    const attackers = await Promise.all(Array.from({ length: 7 }, admitted));
    for (const attacker of attackers) attacker.write(`21${manyArguments(75_000)}`);
    expect(await Promise.all(attackers.map((a) => a.closed))).toEqual(Array(7).fill('transport close'));
    await expectServing();
  });

  it('answers 5,000 small frames (1 MB) each with a typed ack, and the socket stays', async () => {
    const attacker = await admitted();
    const ids = Array.from({ length: 5_000 }, (_, i) => i + 1);
    const padding = 'p'.repeat(160);
    for (const id of ids) attacker.write(`2${id}${json(['no:such-event', { padding }, { commandId: `c${id}x` }])}`);
    const answers = await attacker.acks(ids);
    const codes = new Set(answers.map((a) => (a as { error?: { code?: string } } | undefined)?.error?.code));
    expect([...codes].sort()).toEqual([ErrorCode.rateLimited, ErrorCode.unknownEvent]);
    expect(attacker.isOpen).toBe(true);
    await expectServing();
  });

  it('still seats a newcomer, who can act at once', async () => {
    const seat = await joinOverHttp(node.url, bystanders.sessionId, 'Newcomer');
    const newcomer = await TestClient.connect(node.url, seat);
    try {
      okVersion(await newcomer.send('topic:add', { title: 'After all that' }));
      await expectServing();
    } finally {
      newcomer.close();
    }
  });
});
