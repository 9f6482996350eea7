import type { RedisSessionStore } from '@runde/server';
import { PROTOCOL_VERSION, rankTopics, viewFor, votesBy, type SessionState } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import {
  convergedSession,
  handshakeRefusal,
  joinOverHttp,
  sleep,
  startSession,
  TestClient,
  type TestSession,
  okVersion,
  topicId,
} from '../support/serverClients.ts';
import { parseFrame, pathsOf } from '../support/serverFrames.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { leanCoffee } from '../support/serverMirror.ts';

const prefix = uniquePrefix('session');
let store: RedisSessionStore;
let server: TestServer;
const openSessions: TestSession[] = [];
const extraClients: TestClient[] = [];

beforeAll(async () => {
  store = await openRedisStore(prefix);
  // A generous socket budget: these tests fire bursts on purpose; rate limiting has its own test.
  server = await startTestServer({ store, config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } } });
});

afterAll(async () => {
  for (const session of openSessions) session.close();
  for (const client of extraClients) client.close();
  await server?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

async function session(options: Parameters<typeof startSession>[1], url = server.url): Promise<TestSession> {
  const started = await startSession(url, options);
  openSessions.push(started);
  return started;
}

async function extraClient(...args: Parameters<typeof TestClient.connect>): Promise<TestClient> {
  const client = await TestClient.connect(...args);
  extraClients.push(client);
  return client;
}

/** Every client holds exactly the server's state as that client may see it. */
async function expectIdenticalToServer(sessionId: string, clients: readonly TestClient[]) {
  const stored = await convergedSession(store, sessionId, clients);
  for (const client of clients) {
    expect(client.mirror.state).toEqual(viewFor(stored.state, { participantId: client.seat.participantId }));
  }
  return stored;
}

describe('a live session over real sockets and Redis', () => {
  it('shows three clients identical state after interleaved commands from all of them', async () => {
    const s = await session({ participants: 2, settings: { votesPerPerson: 3, allowStacking: true } });
    const [f, a, b] = s.all as [TestClient, TestClient, TestClient];

    const proposals = await Promise.all([
      a.send('topic:add', { title: 'Onboarding' }),
      b.send('topic:add', { title: 'Retro format' }),
      f.send('topic:add', { title: 'Budget 2026' }),
      a.send('topic:add', { title: 'Remote days' }),
      b.send('topic:add', { title: 'Tooling' }),
    ]);
    proposals.forEach(okVersion);
    await expectIdenticalToServer(s.sessionId, s.all);
    const id = (title: string) => topicId(f.mirror.state, title);

    const edits = await Promise.all([
      a.send('topic:edit', { topicId: id('Onboarding'), title: 'Onboarding new colleagues' }),
      b.send('topic:remove', { topicId: id('Tooling') }),
      f.send('participant:rename', { name: 'Fatma (Moderation)' }),
      a.send('topic:add', { title: 'Lunch together', description: 'Once a month?' }),
    ]);
    edits.forEach(okVersion);
    okVersion(await f.send('phase:change', { to: 'vote' }));
    await expectIdenticalToServer(s.sessionId, s.all);

    const votes = await Promise.all([
      a.send('vote:cast', { topicId: id('Remote days') }),
      b.send('vote:cast', { topicId: id('Remote days') }),
      f.send('vote:cast', { topicId: id('Budget 2026') }),
      a.send('vote:cast', { topicId: id('Remote days') }),
      b.send('vote:cast', { topicId: id('Onboarding new colleagues') }),
      f.send('vote:cast', { topicId: id('Remote days') }),
      a.send('vote:cast', { topicId: id('Lunch together') }),
    ]);
    votes.forEach(okVersion);
    okVersion(await a.send('vote:retract', { topicId: id('Lunch together') }));
    okVersion(await b.send('vote:cast', { topicId: id('Budget 2026') }));

    const stored = await expectIdenticalToServer(s.sessionId, s.all);
    // Every screen ranks the same topics the same way, with the same tallies.
    const ranking = (state: SessionState | null) =>
      state ? rankTopics(state).map((r) => [r.topic.title, r.votes, r.rank]) : null;
    expect(ranking(stored.state)).toEqual([
      ['Remote days', 4, 1],
      ['Budget 2026', 2, 2],
      ['Onboarding new colleagues', 1, 3],
      ['Retro format', 0, 4],
      ['Lunch together', 0, 4],
    ]);
    for (const client of s.all) expect(ranking(client.mirror.state)).toEqual(ranking(stored.state));
    expect(stored.state.participants.find((p) => p.role === 'facilitator')?.name).toBe('Fatma (Moderation)');
  });

  it('spends exactly the vote budget when one participant fires twenty votes over two sockets at once', async () => {
    const s = await session({ participants: 1, settings: { votesPerPerson: 3, allowStacking: true } });
    const [f, a] = s.all as [TestClient, TestClient];
    const phone = await extraClient(server.url, a.seat);
    okVersion(await f.send('topic:add', { title: 'Stacked' }));
    okVersion(await f.send('phase:change', { to: 'vote' }));
    await expectIdenticalToServer(s.sessionId, [...s.all, phone]);
    const target = topicId(f.mirror.state, 'Stacked');

    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : phone).send('vote:cast', { topicId: target })),
    );

    const accepted = acks.filter((ack) => ack.ok);
    expect(accepted).toHaveLength(3);
    expect(new Set(accepted.map(okVersion)).size).toBe(3);
    expect(acks.filter((ack) => !ack.ok).map((ack) => !ack.ok && ack.error.code)).toEqual(
      Array(17).fill('vote_budget_exhausted'),
    );
    const stored = await expectIdenticalToServer(s.sessionId, [...s.all, phone]);
    expect(votesBy(stored.state, a.seat.participantId)).toBe(3);
    expect(stored.state.votes).toHaveLength(3);
  });

  it('spends exactly the vote budget when the two sockets sit on two server nodes', async () => {
    // A second node on the same Redis: nothing but the store's version check keeps them apart.
    const secondStore = await openRedisStore(prefix);
    const secondNode = await startTestServer({
      store: secondStore,
      config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
    });
    try {
      const s = await session({ participants: 1, settings: { votesPerPerson: 3, allowStacking: true } });
      const [f, a] = s.all as [TestClient, TestClient];
      const elsewhere = await extraClient(secondNode.url, a.seat);
      okVersion(await f.send('topic:add', { title: 'Contested' }));
      okVersion(await f.send('phase:change', { to: 'vote' }));
      await expectIdenticalToServer(s.sessionId, s.all);
      const target = topicId(f.mirror.state, 'Contested');

      const acks = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : elsewhere).send('vote:cast', { topicId: target })),
      );

      expect(acks.filter((ack) => ack.ok)).toHaveLength(3);
      expect(new Set(acks.filter((ack) => ack.ok).map(okVersion)).size).toBe(3);
      const refusals = acks.flatMap((ack) => (ack.ok ? [] : [ack.error.code]));
      expect(refusals).toEqual(Array(17).fill('vote_budget_exhausted'));
      const stored = await store.load(s.sessionId);
      expect(stored && votesBy(leanCoffee(stored.state), a.seat.participantId)).toBe(3);
      // The stored log and the stored snapshot agree: no lost or doubled write.
      const log = await store.eventsSince(s.sessionId, 0);
      expect(log?.at(-1)?.version).toBe(stored?.version);
      expect(log?.filter((e) => e.event.type === 'vote:cast')).toHaveLength(3);
      elsewhere.close();
    } finally {
      await secondNode.close();
      await secondStore.close();
    }
  });

  it('refuses a facilitator command from a participant with forbidden, and tells nobody anything', async () => {
    const s = await session({ participants: 2 });
    const [f, a, b] = s.all as [TestClient, TestClient, TestClient];
    const before = await expectIdenticalToServer(s.sessionId, s.all);
    const seen = s.all.map((c) => c.batches.length);

    const ack = await a.send('phase:change', { to: 'vote' });

    expect(ack).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    await sleep(300);
    expect(s.all.map((c) => c.batches.length)).toEqual(seen);
    expect(await store.load(s.sessionId)).toEqual(before);
    expect([f, b].every((c) => c.socket.connected)).toBe(true);
  });

  describe('malformed input from the facilitator (the most privileged sender)', () => {
    let s: TestSession;
    let versionBefore: number;
    let seenBefore: number[];
    const proto = JSON.parse('{"title":"Sneaky","__proto__":{"polluted":true}}') as unknown;

    beforeAll(async () => {
      s = await session({ participants: 2 });
      versionBefore = (await expectIdenticalToServer(s.sessionId, s.all)).version;
      seenBefore = s.all.map((c) => c.batches.length);
    });

    it.each<[string, string, unknown[], string, { path: string; code: string }[] | undefined]>([
      ['a wrong type', 'topic:add', [{ title: 42 }], 'invalid_payload', [{ path: 'title', code: 'invalid_type' }]],
      ['a missing field', 'topic:add', [{}], 'invalid_payload', [{ path: 'title', code: 'invalid_type' }]],
      [
        'a 100 KB string',
        'topic:add',
        [{ title: 'x'.repeat(100_000) }],
        'invalid_payload',
        [{ path: 'title', code: 'too_big' }],
      ],
      ['a __proto__ key', 'topic:add', [proto], 'invalid_payload', [{ path: '', code: 'unrecognized_keys' }]],
      [
        'an extra key on a facilitator command',
        'phase:change',
        [{ to: 'vote', force: true }],
        'invalid_payload',
        [{ path: '', code: 'unrecognized_keys' }],
      ],
      [
        'a value outside an enum',
        'phase:change',
        [{ to: 'finished' }],
        'invalid_payload',
        [{ path: 'to', code: 'invalid_value' }],
      ],
      [
        'an object where an id belongs',
        'vote:cast',
        [{ topicId: { $gt: '' } }],
        'invalid_payload',
        [{ path: 'topicId', code: 'invalid_type' }],
      ],
      ['a string payload', 'vote:cast', ['t_1'], 'invalid_payload', undefined],
      ['a null payload', 'topic:add', [null], 'invalid_payload', undefined],
      ['an array payload', 'topic:add', [['Onboarding']], 'invalid_payload', undefined],
      ['no payload at all', 'topic:add', [], 'invalid_payload', undefined],
      ['two payloads', 'topic:add', [{ title: 'One' }, { title: 'Two' }], 'invalid_payload', undefined],
      [
        'a negative sync version',
        'session:sync',
        [{ sinceVersion: -1 }],
        'invalid_payload',
        [{ path: 'sinceVersion', code: 'too_small' }],
      ],
      ['an unknown event', 'topic:delete-all', [{}], 'unknown_event', undefined],
      ['__proto__ as the event name', '__proto__', [{}], 'unknown_event', undefined],
      ['constructor as the event name', 'constructor', [{ title: 'x' }], 'unknown_event', undefined],
      [
        'a server-only command',
        'participant:join',
        [{ name: 'Mallory', role: 'facilitator' }],
        'unknown_event',
        undefined,
      ],
    ])('answers %s with a typed error ack', async (_label, event, args, code, issues) => {
      const ack = await s.facilitator.sendRaw(event, ...args);
      expect(ack).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
      if (issues) expect((ack as { error: { issues?: unknown } }).error.issues).toEqual(issues);
      // Nothing about the offending value comes back, only where and what kind.
      expect(JSON.stringify(ack)).not.toContain('xxxxxxxx');
    });

    it('ignores commands without an ack (or with a non-function in its place)', async () => {
      s.facilitator.emitRaw('topic:add', { title: 'No ack' });
      s.facilitator.emitRaw('phase:change', { to: 'vote' }, 'not a function');
      // A later round trip on the same socket shows the earlier messages were read and dropped.
      const sync = await s.facilitator.sendRaw('session:sync', { sinceVersion: versionBefore });
      expect(sync).toEqual({ ok: true, data: { kind: 'events', events: [] } });
    });

    it('drops only the connection of a client that sends a message beyond the size limit', async () => {
      const flooder = await extraClient(server.url, s.participants[0]!.seat);
      const gone = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
      flooder.emitRaw('topic:add', { title: 'x'.repeat(1_000_000) }, () => undefined);
      expect(await gone).toBe('transport close');
      expect(s.all.every((c) => c.socket.connected)).toBe(true);
    });

    it('changed nothing, told nobody, and everyone is still connected and served', async () => {
      await sleep(200);
      const stored = await store.load(s.sessionId);
      // The flooding client's connect and disconnect changed nothing either: its seat stayed online
      // through the participant's first socket.
      expect(stored?.version).toBe(versionBefore);
      expect(leanCoffee(stored?.state)?.topics).toEqual([]);
      expect(leanCoffee(stored?.state)?.phase).toBe('collect');
      expect(s.all.map((c) => c.batches.length)).toEqual(seenBefore);
      expect(s.all.every((c) => c.socket.connected)).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      for (const client of s.all)
        okVersion(await client.send('topic:add', { title: `Still here ${client.seat.participantId}` }));
      await expectIdenticalToServer(s.sessionId, s.all);
    });
  });

  it('brings a client that missed 10 events back to the identical state by events', async () => {
    const s = await session({ participants: 2 });
    const [f, a, b] = s.all as [TestClient, TestClient, TestClient];
    await expectIdenticalToServer(s.sessionId, s.all);
    b.close();
    const left = b.mirror.version;

    const writes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? f : a).send('topic:add', { title: `While away ${i}` })),
    );
    writes.forEach(okVersion);
    await expectIdenticalToServer(s.sessionId, [f, a]);
    expect(b.mirror.version).toBe(left);

    await b.reconnect();
    expect(b.syncKinds.at(-1)).toBe('events');
    const stored = await expectIdenticalToServer(s.sessionId, s.all);
    expect(stored.state.topics).toHaveLength(10);
    // Ten topics, plus b's presence going offline and online again.
    expect(stored.version - left).toBe(12);
  });

  it('sends a snapshot to a client further behind than the kept log', async () => {
    const shortPrefix = uniquePrefix('session-short-log');
    const shortStore = await openRedisStore(shortPrefix, { maxEvents: 5 });
    const shortServer = await startTestServer({ store: shortStore });
    try {
      const s = await session({ participants: 2 }, shortServer.url);
      const [f, a, b] = s.all as [TestClient, TestClient, TestClient];
      await convergedSession(shortStore, s.sessionId, s.all);
      b.close();
      for (let i = 0; i < 10; i += 1) okVersion(await (i % 2 === 0 ? f : a).send('topic:add', { title: `Topic ${i}` }));
      await b.reconnect();
      expect(b.syncKinds.at(-1)).toBe('snapshot');
      const stored = await convergedSession(shortStore, s.sessionId, s.all);
      for (const client of s.all) {
        expect(client.mirror.state).toEqual(viewFor(stored.state, { participantId: client.seat.participantId }));
      }
      s.close();
    } finally {
      await shortServer.close();
      await shortStore.close();
      await deleteTestKeys(shortPrefix);
    }
  });

  it('serves every session as it was after a server restart against the same Redis', async () => {
    const restartPrefix = uniquePrefix('session-restart');
    const firstStore = await openRedisStore(restartPrefix);
    const first = await startTestServer({ store: firstStore });
    const secondStore = await openRedisStore(restartPrefix);
    let second: TestServer | undefined;
    const clients: TestClient[] = [];
    try {
      const lean = await startSession(first.url, { participants: 2, title: 'Before restart' });
      const anon = await startSession(first.url, { participants: 1, settings: { anonymousTopics: true } });
      const [f, a, b] = lean.all as [TestClient, TestClient, TestClient];
      okVersion(await a.send('topic:add', { title: 'Survives' }));
      okVersion(await anon.participants[0]!.send('topic:add', { title: 'Quietly' }));
      okVersion(await f.send('phase:change', { to: 'vote' }));
      await convergedSession(firstStore, lean.sessionId, lean.all);
      okVersion(await b.send('vote:cast', { topicId: topicId(f.mirror.state, 'Survives') }));
      await convergedSession(firstStore, lean.sessionId, lean.all);
      lean.close();
      anon.close();
      await first.close();
      await firstStore.close();

      const before = new Map([
        [lean.sessionId, await secondStore.load(lean.sessionId)],
        [anon.sessionId, await secondStore.load(anon.sessionId)],
      ]);
      second = await startTestServer({ store: secondStore });

      for (const [id, stored] of before) {
        expect(stored).not.toBeNull();
        const summary = await fetch(`${second.url}/api/sessions/${id}`);
        expect(summary.status).toBe(200);
        expect(await summary.json()).toEqual({
          sessionId: id,
          title: stored!.state.title,
          kind: 'lean-coffee',
          ended: false,
        });
        expect(await secondStore.load(id)).toEqual(stored);
      }

      // The same devices come back with their old tokens and what they held before.
      for (const old of lean.all) clients.push(await TestClient.connect(second.url, old.seat, old.mirror));
      expect(clients.every((c) => c.syncKinds[0] === 'events')).toBe(true);
      const [f2, a2, b2] = clients as [TestClient, TestClient, TestClient];
      expect(votesBy(b2.mirror.state!, b.seat.participantId)).toBe(1);
      okVersion(await b2.send('vote:cast', { topicId: topicId(f2.mirror.state, 'Survives') }));
      okVersion(await a2.send('participant:rename', { name: 'Still me' }));
      const stored = await convergedSession(secondStore, lean.sessionId, clients);
      for (const client of clients) {
        expect(client.mirror.state).toEqual(viewFor(stored.state, { participantId: client.seat.participantId }));
      }
      expect(votesBy(stored.state, b.seat.participantId)).toBe(2);
    } finally {
      for (const client of clients) client.close();
      await second?.close();
      await first.close();
      await firstStore.close();
      await secondStore.close();
      await deleteTestKeys(restartPrefix);
    }
  });
});

describe('anonymous topics', () => {
  it('never put the author on the wire to anyone else, in pushes or in syncs', async () => {
    const s = await session({ participants: 2, settings: { anonymousTopics: true, allowStacking: true } });
    const [f, author, b] = s.all as [TestClient, TestClient, TestClient];
    const authorId = author.seat.participantId;

    okVersion(await author.send('topic:add', { title: 'Workload is too high', description: 'Anonymous, please' }));
    okVersion(await b.send('topic:add', { title: 'Something else' }));
    await expectIdenticalToServer(s.sessionId, s.all);
    okVersion(
      await author.send('topic:edit', {
        topicId: topicId(author.mirror.state, 'Workload is too high'),
        title: 'Workload',
      }),
    );
    okVersion(await f.send('phase:change', { to: 'vote' }));
    okVersion(await author.send('vote:cast', { topicId: topicId(author.mirror.state, 'Workload') }));
    okVersion(await b.send('vote:cast', { topicId: topicId(b.mirror.state, 'Workload') }));
    await expectIdenticalToServer(s.sessionId, s.all);

    // Late arrivals and second devices get snapshots; a sync from version 1 gets the whole log as events.
    const late = await extraClient(server.url, await joinOverHttp(server.url, s.sessionId, 'Late'));
    const secondDevice = await extraClient(server.url, b.seat);
    expect(late.syncKinds[0]).toBe('snapshot');
    const replay = await f.sendRaw('session:sync', { sinceVersion: 1 });
    expect(replay).toMatchObject({ ok: true, data: { kind: 'events' } });
    await expectIdenticalToServer(s.sessionId, [...s.all, late, secondDevice]);

    // Positive control: the author's own frames do carry the authorship, so the search below can find it.
    expect(author.frames.some((frame) => frame.includes(`"authorId":"${authorId}"`))).toBe(true);

    for (const observer of [f, b, late, secondDevice]) {
      expect(observer.frames.length).toBeGreaterThan(0);
      for (const frame of observer.frames) {
        expect(frame).not.toContain(`"authorId":"${authorId}"`);
        expect(frame).not.toContain(`"voterId":"${authorId}"`);
        // The author's id is public as a participant (the list of who is here), and nowhere else.
        for (const path of pathsOf(parseFrame(frame), authorId)) {
          expect(path).toMatch(/(\.participants\[\d+\]\.id|\.participant\.id|\.participantId)$/);
        }
      }
    }
    for (const observer of [f, b, late]) {
      expect(observer.mirror.state?.topics.find((t) => t.title === 'Workload')?.authorId).toBeNull();
    }
  });
});

describe('handshake', () => {
  it('refuses another protocol version with protocol_mismatch', async () => {
    const s = await session({ participants: 0 });
    const refusal = await handshakeRefusal(server.url, {
      protocolVersion: 999,
      sessionId: s.sessionId,
      token: s.created.token,
    });
    expect(refusal?.data).toEqual({ code: 'protocol_mismatch' });
    expect(await handshakeRefusal(server.url, {})).toMatchObject({ data: { code: 'protocol_mismatch' } });
  });

  it('refuses an unknown token, another session’s token and an unknown session alike with unauthorized', async () => {
    const s = await session({ participants: 1 });
    const stranger = 'A'.repeat(43);
    expect(
      await handshakeRefusal(server.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: s.sessionId,
        token: stranger,
      }),
    ).toMatchObject({
      data: { code: 'unauthorized' },
    });
    // A real token of one session opens no other session.
    const other = await session({ participants: 0 });
    expect(
      await handshakeRefusal(server.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: other.sessionId,
        token: s.created.token,
      }),
    ).toMatchObject({ data: { code: 'unauthorized' } });
    expect(
      await handshakeRefusal(server.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: 'ZZZZZZ',
        token: s.created.token,
      }),
    ).toMatchObject({
      data: { code: 'unauthorized' },
    });
    expect(
      await handshakeRefusal(server.url, { protocolVersion: PROTOCOL_VERSION, sessionId: s.sessionId, token: 'short' }),
    ).toMatchObject({
      data: { code: 'invalid_payload' },
    });
    expect(
      await handshakeRefusal(server.url, {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: s.sessionId,
        token: s.created.token,
        admin: true,
      }),
    ).toMatchObject({ data: { code: 'invalid_payload' } });
  });
});
