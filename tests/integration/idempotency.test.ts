import { randomUUID } from 'node:crypto';
import type { RedisSessionStore } from '@runde/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { okVersion, sleep, startSession, TestClient, topicId, type TestSession } from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 6: every command carries the client's id. A retry after a lost ack is applied once and
 * answered with the first result, on any node; and a node's cached copy of a session never
 * makes it refuse or skip a command the stored state would allow.
 */
const prefix = uniquePrefix('idempotency');
let stores: [RedisSessionStore, RedisSessionStore];
let nodes: [TestServer, TestServer];
const sessions: TestSession[] = [];
const extra: TestClient[] = [];

beforeAll(async () => {
  stores = [await openRedisStore(prefix), await openRedisStore(prefix)];
  const config = { rateLimits: { seat: { points: 1000, durationSec: 10 } } };
  nodes = [await startTestServer({ store: stores[0], config }), await startTestServer({ store: stores[1], config })];
});

afterAll(async () => {
  for (const s of sessions) s.close();
  for (const c of extra) c.close();
  await Promise.all((nodes ?? []).map((n) => n?.close()));
  await Promise.all((stores ?? []).map((s) => s?.close()));
  await deleteTestKeys(prefix);
});

async function votingSession(votesPerPerson: number) {
  const s = await startSession(nodes[0].url, { participants: 1, settings: { votesPerPerson, allowStacking: true } });
  sessions.push(s);
  const [f, a] = s.all as [TestClient, TestClient];
  okVersion(await f.send('topic:add', { title: 'Contested' }));
  okVersion(await f.send('phase:change', { to: 'vote' }));
  return { s, f, a, target: topicId(leanCoffee(f.mirror.current), 'Contested') };
}

async function storedVotes(sessionId: string) {
  const stored = await stores[0].load(sessionId);
  const log = (await stores[0].eventsSince(sessionId, 0)) ?? [];
  return { stored, votes: log.filter((e) => e.event.type === 'vote:cast').length };
}

describe('idempotent commands', () => {
  it('applies a retried command id once and answers the retry with the first version', async () => {
    const { s, a, target } = await votingSession(3);
    const id = randomUUID();
    const first = okVersion(await a.send('vote:cast', { topicId: target }, id));
    const retry = okVersion(await a.send('vote:cast', { topicId: target }, id));

    expect(retry).toBe(first);
    const { stored, votes } = await storedVotes(s.sessionId);
    expect(votes).toBe(1);
    expect(stored?.version).toBe(first);
  });

  it('answers a retry with its first result even after others moved the session on', async () => {
    const { s, f, a, target } = await votingSession(3);
    const id = randomUUID();
    const first = okVersion(await a.send('vote:cast', { topicId: target }, id));
    okVersion(await f.send('vote:cast', { topicId: target }));
    okVersion(await f.send('vote:cast', { topicId: target }));

    expect(okVersion(await a.send('vote:cast', { topicId: target }, id))).toBe(first);
    expect((await storedVotes(s.sessionId)).votes).toBe(3);
  });

  it('answers a retry the rules would now refuse with the first result, not the refusal', async () => {
    // One vote each: the retry, decided again, would be over budget.
    const { a, target } = await votingSession(1);
    const id = randomUUID();
    const first = okVersion(await a.send('vote:cast', { topicId: target }, id));
    const retry = await a.send('vote:cast', { topicId: target }, id);

    expect(retry).toEqual({ ok: true, data: { version: first, events: [] } });
    const other = await a.send('vote:cast', { topicId: target });
    expect(other.ok ? 'ok' : other.error.code).toBe('vote_budget_exhausted');
  });

  it('applies a retry sent to the other node once', async () => {
    const { s, a, target } = await votingSession(3);
    const onSecondNode = await TestClient.connect(nodes[1].url, a.seat);
    extra.push(onSecondNode);
    const id = randomUUID();
    const [first, retry] = await Promise.all([
      a.send('vote:cast', { topicId: target }, id),
      onSecondNode.send('vote:cast', { topicId: target }, id),
    ]);

    expect(okVersion(retry)).toBe(okVersion(first));
    expect((await storedVotes(s.sessionId)).votes).toBe(1);
  });

  it('refuses nothing because of a node’s stale copy: a vote freed on the other node can be spent here', async () => {
    const { s, a, target } = await votingSession(1);
    const onSecondNode = await TestClient.connect(nodes[1].url, a.seat);
    extra.push(onSecondNode);
    // Node 1 caches the session with the budget spent; node 2 frees the vote behind its back.
    okVersion(await a.send('vote:cast', { topicId: target }));
    okVersion(await onSecondNode.send('vote:retract', { topicId: target }));
    await sleep(20);

    const again = await a.send('vote:cast', { topicId: target });

    expect(again.ok).toBe(true);
    const { stored } = await storedVotes(s.sessionId);
    expect(leanCoffee(stored?.state)?.votes).toHaveLength(1);
  });

  it('applies my command although another participant already used its id', async () => {
    const { s, f, a, target } = await votingSession(3);
    const id = randomUUID();
    okVersion(await a.send('vote:cast', { topicId: target }, id));

    // The facilitator's device picks (or is handed) the same id: a different seat, a new command.
    const mine = okVersion(await f.send('vote:cast', { topicId: target }, id));

    const { stored, votes } = await storedVotes(s.sessionId);
    expect(votes).toBe(2);
    expect(stored?.version).toBe(mine);
    expect(leanCoffee(stored?.state)?.votes.filter((v) => v.voterId === f.seat.participantId)).toHaveLength(1);
    // And each seat's own retry is still recognised.
    expect(okVersion(await f.send('vote:cast', { topicId: target }, id))).toBe(mine);
    expect((await storedVotes(s.sessionId)).votes).toBe(2);
  });

  it('refuses a malformed command id with invalid_payload and changes nothing', async () => {
    const { s, a, target } = await votingSession(3);
    const before = (await stores[0].load(s.sessionId))?.version;
    const ack = await a.sendRaw('vote:cast', { topicId: target }, { commandId: 'x' });

    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect((await stores[0].load(s.sessionId))?.version).toBe(before);
  });
});
