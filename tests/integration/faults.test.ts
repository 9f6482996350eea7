import { randomUUID } from 'node:crypto';
import type { Ack, CommandResult } from '@runde/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeProcess } from '../support/nodeProcess.ts';
import { deleteTestKeys, openRedisStore } from '../support/serverHarness.ts';
import { startRedisServer, testRedisUrl, uniquePrefix, type RedisServerHandle } from '../support/redisTestEnv.ts';
import {
  createSessionOverHttp,
  joinOverHttp,
  okVersion,
  TestClient,
  topicId,
  waitUntil,
} from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 6: faults. A node dies with `kill -9` in the middle of a vote, and the Redis under a node
 * crashes and comes back. No acknowledged command is lost, none is applied twice, and clients
 * carry on by themselves (here, as the web app does: reconnect elsewhere, resend unacked
 * commands with their ids, sync).
 */
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** Sends with a given id and turns a lost ack (timeout, dead node) into `null` instead of throwing. */
async function attempt(client: TestClient, topic: string, commandId: string): Promise<Ack<CommandResult> | null> {
  return client.send('vote:cast', { topicId: topic }, commandId).catch(() => null);
}

describe('a node killed mid-vote', () => {
  it('loses no acknowledged vote and doubles none when its clients move to the other node', async () => {
    const prefix = uniquePrefix('faults-node');
    const nodes = await Promise.all([
      startNodeProcess({ redisUrl: testRedisUrl(), keyPrefix: prefix }),
      startNodeProcess({ redisUrl: testRedisUrl(), keyPrefix: prefix }),
    ]);
    const [doomed, survivor] = nodes;
    const store = await openRedisStore(prefix);
    const clients: TestClient[] = [];
    cleanups.push(async () => {
      for (const c of clients) c.close();
      await Promise.all(nodes.map((n) => n.stop()));
      await store.close();
      await deleteTestKeys(prefix);
    });

    const created = await createSessionOverHttp(survivor.url, {
      title: 'Failover',
      facilitatorName: 'Fatma',
      settings: { votesPerPerson: 5, allowStacking: true },
    });
    const facilitator = await TestClient.connect(survivor.url, created);
    clients.push(facilitator);
    okVersion(await facilitator.send('topic:add', { title: 'Contested' }));
    okVersion(await facilitator.send('phase:change', { to: 'vote' }));
    const target = topicId(leanCoffee(facilitator.mirror.current), 'Contested');
    const seats = await Promise.all(['Ana', 'Ben', 'Cem'].map((n) => joinOverHttp(survivor.url, created.sessionId, n)));
    const phones = await Promise.all(seats.map((seat) => TestClient.connect(doomed.url, seat)));
    clients.push(...phones);

    // Every phone presses five times at once; the node dies as soon as the first ack is back.
    const plans = phones.map((phone) => ({ phone, ids: Array.from({ length: 5 }, () => randomUUID()) }));
    let firstAck!: () => void;
    const firstAcked = new Promise<void>((resolve) => (firstAck = resolve));
    const inFlight = plans.map(({ phone, ids }) =>
      Promise.all(
        ids.map(async (id) => {
          const ack = await attempt(phone, target, id);
          if (ack?.ok) firstAck();
          return ack;
        }),
      ),
    );
    await firstAcked;
    await doomed.kill();
    const firstTries = await Promise.all(inFlight);
    const ackedBeforeCrash = firstTries.flat().filter((ack) => ack?.ok).length;
    expect(ackedBeforeCrash).toBeGreaterThan(0);

    // Each phone comes back on the surviving node with what it held, and resends what was not acked.
    const moved = await Promise.all(
      plans.map(({ phone }) => TestClient.connect(survivor.url, phone.seat, phone.mirror)),
    );
    clients.push(...moved);
    const finals = await Promise.all(
      plans.map(({ ids }, p) =>
        Promise.all(
          ids.map(async (id, i) => {
            const first = firstTries[p]?.[i];
            return first?.ok ? first : attempt(moved[p] as TestClient, target, id);
          }),
        ),
      ),
    );

    expect(finals.flat().every((ack) => ack?.ok === true)).toBe(true);
    const log = (await store.eventsSince(created.sessionId, 0)) ?? [];
    const casts = log.filter((e) => e.event.type === 'vote:cast');
    expect(casts).toHaveLength(15);
    for (const [p, seat] of seats.entries()) {
      const acked = finals[p]?.map((ack) => (ack?.ok ? ack.data.version : -1)) ?? [];
      // Every acknowledged vote is in the log at the version its ack named, cast by this voter.
      for (const version of acked) {
        const entry = log.find((e) => e.version === version)?.event;
        expect(entry?.type === 'vote:cast' && entry.vote.voterId).toBe(seat.participantId);
      }
      expect(new Set(acked).size).toBe(5);
    }
    const stored = await store.load(created.sessionId);
    await waitUntil('moved phones reach the stored version', () =>
      moved.every((c) => c.mirror.version === stored?.version),
    );
  });
});

describe('Redis crashing under a node and coming back', () => {
  it('answers unavailable during the outage, then resumes with every acknowledged command kept', async () => {
    // fsync on every write: a crash of Redis then keeps every acknowledged command.
    const redis: RedisServerHandle = await startRedisServer({ appendonly: true, appendfsync: 'always' });
    const prefix = uniquePrefix('faults-redis');
    const node = await startNodeProcess({ redisUrl: redis.url, keyPrefix: prefix });
    const clients: TestClient[] = [];
    cleanups.push(async () => {
      for (const c of clients) c.close();
      await node.stop();
      await redis.dispose();
    });

    const created = await createSessionOverHttp(node.url, { title: 'Outage', facilitatorName: 'Fatma' });
    const seat = await joinOverHttp(node.url, created.sessionId, 'Jonas');
    const facilitator = await TestClient.connect(node.url, created);
    const jonas = await TestClient.connect(node.url, seat);
    clients.push(facilitator, jonas);
    const acked = [
      okVersion(await jonas.send('topic:add', { title: 'Before the crash 1' })),
      okVersion(await facilitator.send('topic:add', { title: 'Before the crash 2' })),
    ];

    await redis.kill9();
    // No hang: the answer comes within the 2 s the contract promises, and it says why.
    const during = (await jonas.socket
      .timeout(2_000)
      .emitWithAck('topic:add', { title: 'During the outage' }, { commandId: randomUUID() })) as Ack<CommandResult>;
    expect(during).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(node.process.exitCode).toBeNull();

    await redis.restart();
    // Service resumes by itself once the store reconnects; the same command id is safe to repeat.
    const retryId = randomUUID();
    let after: Ack<CommandResult> | undefined;
    await waitUntil(
      'commands succeed again',
      async () => {
        after = await jonas.send('topic:add', { title: 'After the restart' }, retryId);
        return after.ok;
      },
      15_000,
    );
    const version = okVersion(after as Ack<CommandResult>);
    expect(version).toBeGreaterThan(Math.max(...acked));

    await jonas.sync();
    await facilitator.sync();
    const titles = leanCoffee(facilitator.mirror.current)?.topics.map((t) => t.title);
    expect(titles).toEqual(['Before the crash 1', 'Before the crash 2', 'After the restart']);
    expect(jonas.mirror.version).toBe(facilitator.mirror.version);
  });
});
