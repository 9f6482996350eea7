import { defaultRateLimits, type RedisSessionStore } from '@runde/server';
import {
  estimateClockOffset,
  rankTopics,
  tally,
  thumbsTally,
  timerRemainingMs,
  viewFor,
  type Ack,
  type ClockSample,
  type KindEvent,
  type SessionState,
  type Timer,
} from '@runde/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteTestKeys,
  openRedisStore,
  startTestServer,
  TestClock,
  type TestServer,
} from '../support/serverHarness.ts';
import {
  convergedSession,
  createSessionOverHttp,
  joinOverHttp,
  sleep,
  startSession,
  TestClient,
  waitUntil,
  type TestSession,
  okVersion,
  topicId,
} from '../support/serverClients.ts';
import { objectsWith, parseFrame } from '../support/serverFrames.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { leanCoffee } from '../support/serverMirror.ts';

const prefix = uniquePrefix('lean-coffee');
/** These tests send bursts on purpose; the command budget has its own test elsewhere. */
const generous = { rateLimits: { seat: { points: 1000, durationSec: 10 } } };
const clock = new TestClock();
let store: RedisSessionStore;
let server: TestServer;
/** Closed after each test, so no socket keeps a finished test's session (and its timer) alive. */
let clients: TestClient[] = [];

beforeAll(async () => {
  store = await openRedisStore(prefix);
  server = await startTestServer({ store, clock: clock.now, config: generous });
});

afterEach(() => {
  for (const client of clients) client.close();
  clients = [];
  clock.shiftMs = 0;
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

async function session(options: Parameters<typeof startSession>[1], url = server.url): Promise<TestSession> {
  const started = await startSession(url, options);
  clients.push(...started.all);
  return started;
}

async function device(...args: Parameters<typeof TestClient.connect>): Promise<TestClient> {
  const client = await TestClient.connect(...args);
  clients.push(client);
  return client;
}

/** Masked dots are indistinguishable, so their order in a copy carries no meaning. */
function canonical(state: SessionState | null): SessionState | null {
  if (!state) return null;
  const key = (v: SessionState['votes'][number]) => `${v.voterId ?? ''}|${v.topicId ?? ''}`;
  return { ...state, votes: state.votes.slice().sort((a, b) => key(a).localeCompare(key(b))) };
}

/** Every client holds exactly the server's state as that client may see it. */
async function expectIdenticalToServer(
  sessionId: string,
  devices: readonly TestClient[],
  from: Pick<RedisSessionStore, 'load'> = store,
) {
  const stored = await convergedSession(from, sessionId, devices);
  for (const client of devices) {
    expect(canonical(client.mirror.state)).toEqual(
      canonical(viewFor(stored.state, { participantId: client.seat.participantId })),
    );
  }
  return stored;
}

/** Brings every device up to the stored version by asking (a push from another node never reaches them). */
async function syncAll(devices: readonly TestClient[], from: Pick<RedisSessionStore, 'load'>, sessionId: string) {
  await Promise.all(devices.map((d) => d.sync()));
  return expectIdenticalToServer(sessionId, devices, from);
}

/** Everything ballot-shaped in some frames, found by shape: dots are `{ voterId, topicId }`, thumbs `{ voterId, value }`. */
function shapesIn(frames: readonly string[], keys: readonly string[]) {
  return frames.flatMap((frame) => objectsWith(parseFrame(frame), keys));
}

/** Runs the proposal and voting phases: topics from the facilitator, then the vote phase. */
async function toVoting(s: TestSession, titles: readonly string[]) {
  for (const title of titles) okVersion(await s.facilitator.send('topic:add', { title }));
  okVersion(await s.facilitator.send('phase:change', { to: 'vote' }));
  await expectIdenticalToServer(s.sessionId, s.all);
}

/** How many stored events match, over the whole log. */
async function countInLog(from: RedisSessionStore, sessionId: string, match: (e: KindEvent) => boolean) {
  const log = await from.eventsSince(sessionId, 0);
  if (!log) throw new Error('log is gone');
  return log.filter(({ event }) => match(event)).length;
}

const isExpiry = (e: KindEvent) => e.type === 'timer:set' && e.change === 'expire';

/** `ok`, or the error code of a failed ack. */
function codeOf(ack: unknown): string {
  const answer = ack as Ack<unknown>;
  return answer.ok ? 'ok' : answer.error.code;
}

function runningTimer(state: SessionState | null | undefined): Extract<Timer, { status: 'running' }> {
  const timer = state?.timer;
  if (timer?.status !== 'running') throw new Error(`timer is ${timer?.status ?? 'unknown'}, not running`);
  return timer;
}

describe('hidden voting', () => {
  it('never puts the topic of someone else’s dot on the wire before the reveal: pushes, syncs, snapshots', async () => {
    const s = await session({
      participants: 3,
      settings: { hiddenVoting: true, votesPerPerson: 3, allowStacking: true },
    });
    const [f, a, b, c] = s.all as [TestClient, TestClient, TestClient, TestClient];
    await toVoting(s, ['Alpha', 'Beta', 'Gamma', 'Delta']);
    const id = (title: string) => topicId(f.mirror.state, title);

    const acks = await Promise.all([
      a.send('vote:cast', { topicId: id('Alpha') }),
      b.send('vote:cast', { topicId: id('Beta') }),
      c.send('vote:cast', { topicId: id('Alpha') }),
      a.send('vote:cast', { topicId: id('Alpha') }),
      b.send('vote:cast', { topicId: id('Gamma') }),
      c.send('vote:cast', { topicId: id('Delta') }),
      c.send('vote:cast', { topicId: id('Delta') }),
    ]);
    acks.forEach(okVersion);
    okVersion(await c.send('vote:retract', { topicId: id('Delta') }));
    // A dropped connection catches up by events; a second device and a reload get snapshots.
    b.close();
    okVersion(await a.send('vote:cast', { topicId: id('Beta') }));
    await b.reconnect();
    expect(b.syncKinds.at(-1)).toBe('events');
    expect(await b.sendRaw('session:sync', { sinceVersion: 0 })).toMatchObject({
      ok: true,
      data: { kind: 'snapshot' },
    });
    const aPhone = await device(server.url, a.seat);
    expect(aPhone.syncKinds).toEqual(['snapshot']);
    // Removing a topic would hand its dots back and so tell its tally: it waits for the reveal.
    expect(codeOf(await f.send('topic:remove', { topicId: id('Gamma') }))).toBe('invalid_state');
    okVersion(await b.send('vote:retract', { topicId: id('Gamma') }));
    okVersion(await b.send('vote:cast', { topicId: id('Alpha') }));
    const everyone = [...s.all, aPhone];
    const hidden = await expectIdenticalToServer(s.sessionId, everyone);
    // The server's own copy knows every dot: Alpha 4, Beta 2, Delta 1, Gamma none.
    expect([
      tally(hidden.state, id('Alpha')),
      tally(hidden.state, id('Beta')),
      tally(hidden.state, id('Delta')),
      tally(hidden.state, id('Gamma')),
    ]).toEqual([4, 2, 1, 0]);

    // Everything each device received so far (all pushes, acks and sync answers are in by now).
    const beforeReveal = new Map(everyone.map((d) => [d, d.frames.slice()]));
    for (const [client, frames] of beforeReveal) {
      const me = client.seat.participantId;
      expect(frames.some((frame) => frame.includes('votes:revealed'))).toBe(false);
      const dots = shapesIn(frames, ['voterId', 'topicId']);
      expect(dots.filter((dot) => dot.voterId !== me && dot.topicId !== null)).toEqual([]);
      // Positive control: the search does find dots, and a voter's own ones do name their topic.
      expect(dots.filter((dot) => dot.voterId === null).length).toBeGreaterThan(0);
      if (client !== f) expect(dots.some((dot) => dot.voterId === me && dot.topicId !== null)).toBe(true);
      // What the device holds shows only its own dots on topics.
      expect(client.mirror.state?.votes.every((v) => v.topicId === null || v.voterId === me)).toBe(true);
    }

    expect(await a.send('votes:reveal', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    okVersion(await f.send('votes:reveal', {}));
    const revealed = await expectIdenticalToServer(s.sessionId, everyone);
    const ranking = (state: SessionState | null) =>
      state ? rankTopics(state).map((r) => [r.topic.title, r.votes, r.rank]) : null;
    expect(ranking(revealed.state)).toEqual([
      ['Alpha', 4, 1],
      ['Beta', 2, 2],
      ['Delta', 1, 3],
      ['Gamma', 0, 4],
    ]);
    for (const client of everyone) {
      expect(ranking(client.mirror.state)).toEqual(ranking(revealed.state));
      // Tallies are public now; who placed which dot still is not.
      const others = client.mirror.state?.votes.filter((v) => v.voterId !== client.seat.participantId) ?? [];
      expect(others.every((v) => v.voterId === null && v.topicId !== null)).toBe(true);
    }
  });

  it('keeps other people’s thumbs masked until the thumbs vote is revealed', async () => {
    const s = await session({ participants: 3 });
    const [f, a, b, c] = s.all as [TestClient, TestClient, TestClient, TestClient];
    await toVoting(s, ['Onboarding', 'Tooling']);
    okVersion(await f.send('phase:change', { to: 'discuss' }));
    okVersion(await f.send('discussion:start', {}));
    okVersion(await f.send('thumbs:open', {}));
    await expectIdenticalToServer(s.sessionId, s.all);

    okVersion(await a.send('thumbs:cast', { value: 'up' }));
    okVersion(await b.send('thumbs:cast', { value: 'down' }));
    okVersion(await a.send('thumbs:cast', { value: 'side' }));
    const cLaptop = await device(server.url, c.seat);
    okVersion(await cLaptop.send('thumbs:cast', { value: 'up' }));
    b.close();
    await b.reconnect();
    expect(await a.sendRaw('session:sync', { sinceVersion: 0 })).toMatchObject({
      ok: true,
      data: { kind: 'snapshot' },
    });
    const everyone = [...s.all, cLaptop];
    const open = await expectIdenticalToServer(s.sessionId, everyone);
    expect(open.state.thumbs?.revealed).toBe(false);
    expect(thumbsTally(open.state.thumbs?.ballots ?? [])).toEqual({ up: 1, side: 1, down: 1, cast: 3 });

    for (const client of everyone) {
      const me = client.seat.participantId;
      const ballots = shapesIn(client.frames, ['voterId', 'value']);
      expect(client.frames.some((frame) => frame.includes('thumbs:revealed'))).toBe(false);
      expect(ballots.filter((ballot) => ballot.voterId !== me && ballot.value !== null)).toEqual([]);
      expect(ballots.filter((ballot) => ballot.voterId === null).length).toBeGreaterThan(0);
      // Everyone sees how many have voted, not how.
      expect(thumbsTally(client.mirror.state?.thumbs?.ballots ?? []).cast).toBe(3);
    }

    // The last person present votes: all ballots are revealed together.
    okVersion(await f.send('thumbs:cast', { value: 'side' }));
    const revealed = await expectIdenticalToServer(s.sessionId, everyone);
    expect(revealed.state.thumbs?.revealed).toBe(true);
    for (const client of everyone) {
      expect(client.mirror.state?.thumbs?.revealed).toBe(true);
      expect(thumbsTally(client.mirror.state?.thumbs?.ballots ?? [])).toEqual({ up: 1, side: 2, down: 1, cast: 4 });
    }
  });
});

describe('time:ping and the shared countdown', () => {
  it('shows every device the same remaining time within 250 ms, however far its own clock is off', async () => {
    const s = await session({ participants: 3 });
    const [f, a, b, c] = s.all as [TestClient, TestClient, TestClient, TestClient];
    okVersion(await f.send('timer:start', { minutes: 8 }));
    await expectIdenticalToServer(s.sessionId, s.all);
    // One device reloads the page: it learns the timer from a snapshot, not from the push.
    const reloaded = await device(server.url, c.seat);
    expect(reloaded.syncKinds).toEqual(['snapshot']);

    const devices = [
      { client: f, skewMs: -90_000, slowFirstAnswerMs: 0 },
      { client: a, skewMs: 3_000, slowFirstAnswerMs: 0 },
      // A busy phone that handles its first answer 1.2 s late: that sample must not count.
      { client: b, skewMs: 45_000, slowFirstAnswerMs: 1_200 },
      { client: reloaded, skewMs: -7_654, slowFirstAnswerMs: 0 },
    ].map((d) => ({ ...d, localNow: () => Date.now() + d.skewMs }));

    const estimates = await Promise.all(
      devices.map(async (d) => {
        const samples: ClockSample[] = [];
        for (let i = 0; i < 5; i += 1) samples.push(await d.client.ping(d.localNow, i === 0 ? d.slowFirstAnswerMs : 0));
        const estimate = estimateClockOffset(samples);
        if (!estimate) throw new Error('no usable clock sample');
        return estimate;
      }),
    );
    // Let the countdown run a little, so the comparison is not at the instant of the last ping.
    await sleep(300);

    // The same real instant on every device: each reads its own (skewed) clock.
    const remaining = devices.map((d, i) =>
      timerRemainingMs(runningTimer(d.client.mirror.state), d.localNow() + estimates[i]!.offsetMs),
    );
    const naive = devices.map((d) => timerRemainingMs(runningTimer(d.client.mirror.state), d.localNow()));
    const truth = runningTimer(leanCoffee((await store.load(s.sessionId))?.state)).endsAt - clock.now();

    expect(Math.max(...remaining) - Math.min(...remaining)).toBeLessThanOrEqual(250);
    for (const value of remaining) expect(Math.abs(value - truth)).toBeLessThanOrEqual(250);
    expect(estimates[2]!.roundTripMs).toBeLessThan(1_200);
    // Positive control: without the offset the same devices would be minutes apart.
    expect(Math.max(...naive) - Math.min(...naive)).toBeGreaterThan(60_000);
  });

  it('answers ten pings in a burst at connect, then rate-limits pings without touching the command budget', async () => {
    const s = await session({ participants: 1 });
    const phone = await device(server.url, s.participants[0]!.seat);
    const burst = await Promise.all(Array.from({ length: 10 }, () => phone.sendRaw('time:ping', {})));
    for (const ack of burst) expect(ack).toEqual({ ok: true, data: { serverNow: expect.any(Number) } });

    const rest = await Promise.all(
      Array.from({ length: defaultRateLimits.ping.points }, () => phone.sendRaw('time:ping', {})),
    );
    const codes = rest.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(defaultRateLimits.ping.points - 10);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(10);
    okVersion(await phone.send('topic:add', { title: 'Commands still go through' }));
  });

  it.each<[string, unknown[]]>([
    ['a payload with a key', [{ now: 1 }]],
    ['a string payload', ['now']],
    ['no payload', []],
  ])('answers a ping with %s with invalid_payload', async (_label, args) => {
    const s = await session({ participants: 0 });
    expect(await s.facilitator.sendRaw('time:ping', ...args)).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });
});

describe('timer expiry', () => {
  it('acks a retried expire after the expiry with the same version and writes nothing', async () => {
    const s = await session({ participants: 2 });
    const [f, a, b] = s.all as [TestClient, TestClient, TestClient];
    okVersion(await f.send('timer:start', { minutes: 1 }));
    const running = await expectIdenticalToServer(s.sessionId, s.all);
    const seen = s.all.map((cl) => cl.batches.length);

    // Early: the server's clock decides, and says no; nobody hears anything.
    expect(await a.send('timer:expire', {})).toMatchObject({ ok: false, error: { code: 'timer_not_due' } });
    await sleep(100);
    expect(s.all.map((cl) => cl.batches.length)).toEqual(seen);
    expect((await store.load(s.sessionId))?.version).toBe(running.version);

    clock.advance(60_000);
    const expiredAt = okVersion(await a.send('timer:expire', {}));
    expect(expiredAt).toBe(running.version + 1);
    const stored = await expectIdenticalToServer(s.sessionId, s.all);
    const after = s.all.map((cl) => cl.batches.length);

    expect(await a.send('timer:expire', {})).toEqual({ ok: true, data: { version: expiredAt, events: [] } });
    expect(await b.send('timer:expire', {})).toEqual({ ok: true, data: { version: expiredAt, events: [] } });
    expect(await f.send('timer:expire', {})).toEqual({ ok: true, data: { version: expiredAt, events: [] } });
    await sleep(100);
    expect(await store.load(s.sessionId)).toEqual(stored);
    expect(s.all.map((cl) => cl.batches.length)).toEqual(after);
    expect(await countInLog(store, s.sessionId, isExpiry)).toBe(1);
    for (const client of s.all) expect(client.mirror.state?.timer.status).toBe('expired');
  });

  it('expires a due timer from the server alone (no device sends expire) and opens the thumbs vote', async () => {
    const s = await session({ participants: 2, settings: { timeboxMinutes: 1 } });
    const f = s.facilitator;
    await toVoting(s, ['Pairing']);
    okVersion(await f.send('phase:change', { to: 'discuss' }));
    okVersion(await f.send('discussion:start', {}));
    const started = await expectIdenticalToServer(s.sessionId, s.all);
    const { endsAt } = runningTimer(started.state);
    // The node armed its timeout from its own commit.
    expect(server.runde.timers.dueAt(s.sessionId)).toBe(endsAt);

    // The injected clock jumps to 400 ms before the deadline. A timeout armed before the jump still
    // waits the real minute; a page reload (a snapshot sync) makes the node look again and re-arm.
    clock.advance(endsAt - clock.now() - 400);
    expect(await f.sendRaw('session:sync', { sinceVersion: 0 })).toMatchObject({ ok: true });
    await waitUntil(
      'every device shows the timer expired and the thumbs vote open',
      () => s.all.every((cl) => cl.mirror.state?.timer.status === 'expired' && cl.mirror.state.thumbs !== null),
      3_000,
    );
    const stored = await expectIdenticalToServer(s.sessionId, s.all);
    expect(stored.state.timer).toEqual({ status: 'expired', durationMs: 60_000, endedAt: endsAt });
    expect(stored.state.thumbs).toEqual({ topicId: topicId(stored.state, 'Pairing'), ballots: [], revealed: false });
    expect(await countInLog(store, s.sessionId, isExpiry)).toBe(1);
    expect(await countInLog(store, s.sessionId, (e) => e.type === 'thumbs:opened')).toBe(1);
    expect(server.runde.timers.dueAt(s.sessionId)).toBeUndefined();
  });

  it('stops the timeout when the timer is paused and when the last device of the session leaves this node', async () => {
    const s = await session({ participants: 1 });
    const [f, a] = s.all as [TestClient, TestClient];
    okVersion(await f.send('timer:start', { minutes: 5 }));
    const { endsAt } = runningTimer((await expectIdenticalToServer(s.sessionId, s.all)).state);
    expect(server.runde.timers.dueAt(s.sessionId)).toBe(endsAt);
    okVersion(await f.send('timer:pause', {}));
    expect(server.runde.timers.dueAt(s.sessionId)).toBeUndefined();
    okVersion(await f.send('timer:resume', {}));
    expect(server.runde.timers.dueAt(s.sessionId)).toBeGreaterThanOrEqual(endsAt);

    f.close();
    await sleep(100);
    expect(server.runde.timers.dueAt(s.sessionId)).toBeDefined();
    a.close();
    await waitUntil('the node drops the timeout', () => server.runde.timers.dueAt(s.sessionId) === undefined);
    // A device coming back re-arms it from the state it loads on connect.
    const back = await device(server.url, a.seat);
    await waitUntil('the node arms it again', () => server.runde.timers.dueAt(s.sessionId) !== undefined);
    expect(back.mirror.state?.timer.status).toBe('running');
  });
});

describe('timer expiry with two server nodes on one Redis', () => {
  it('turns expires racing from both nodes’ schedulers and from devices on both nodes into one transition', async () => {
    const raceClock = new TestClock();
    const racePrefix = uniquePrefix('expiry-race');
    const storeA = await openRedisStore(racePrefix);
    const storeB = await openRedisStore(racePrefix);
    const nodeA = await startTestServer({ store: storeA, clock: raceClock.now, config: generous });
    const nodeB = await startTestServer({ store: storeB, clock: raceClock.now, config: generous });
    const devices: TestClient[] = [];
    try {
      const created = await createSessionOverHttp(nodeA.url, {
        title: 'Two nodes',
        facilitatorName: 'Fatma',
        settings: { timeboxMinutes: 1 },
      });
      const { sessionId } = created;
      const seats = await Promise.all([
        joinOverHttp(nodeA.url, sessionId, 'Ana'),
        joinOverHttp(nodeB.url, sessionId, 'Ben'),
        joinOverHttp(nodeB.url, sessionId, 'Cem'),
      ]);
      const f = await TestClient.connect(nodeA.url, created);
      const a = await TestClient.connect(nodeA.url, seats[0]);
      devices.push(f, a);
      okVersion(await f.send('topic:add', { title: 'Scaling' }));
      okVersion(await f.send('phase:change', { to: 'vote' }));
      okVersion(await f.send('phase:change', { to: 'discuss' }));
      okVersion(await f.send('discussion:start', {}));
      const { endsAt } = runningTimer((await syncAll(devices, storeA, sessionId)).state);
      expect(nodeA.runde.timers.dueAt(sessionId)).toBe(endsAt);
      expect(nodeB.runde.timers.dueAt(sessionId)).toBeUndefined();

      // Node B never saw that commit; it learns the deadline when sockets of the session connect to it.
      const b = await TestClient.connect(nodeB.url, seats[1]);
      const c = await TestClient.connect(nodeB.url, seats[2]);
      devices.push(b, c);
      await waitUntil('node B arms the timer', () => nodeB.runde.timers.dueAt(sessionId) === endsAt);
      await syncAll(devices, storeA, sessionId);

      // Jump both nodes' clock to 1.5 s before the deadline; a snapshot sync on each node makes it
      // re-arm for what is left (timeouts armed before the jump still wait the real minute).
      raceClock.advance(endsAt - raceClock.now() - 1_500);
      expect(await f.sendRaw('session:sync', { sinceVersion: 0 })).toMatchObject({ ok: true });
      expect(await b.sendRaw('session:sync', { sinceVersion: 0 })).toMatchObject({ ok: true });

      // One device per node sends expire the moment the shared clock says it is due, while both
      // schedulers fire on their own at the same moment.
      await sleep(Math.max(0, endsAt - raceClock.now()));
      while (raceClock.now() < endsAt) await new Promise((resolve) => setImmediate(resolve));
      const [fromA, fromB] = await Promise.all([a.send('timer:expire', {}), c.send('timer:expire', {})]);

      await waitUntil(
        'both schedulers are done',
        () => nodeA.runde.timers.dueAt(sessionId) === undefined && nodeB.runde.timers.dueAt(sessionId) === undefined,
      );
      // A scheduler's timeout clears its entry when it fires; its command may take a moment more.
      await sleep(200);
      expect(await countInLog(storeA, sessionId, isExpiry)).toBe(1);
      expect(await countInLog(storeA, sessionId, (e) => e.type === 'thumbs:opened')).toBe(1);
      const stored = await syncAll(devices, storeA, sessionId);
      // Whichever expire won, both devices hear the same outcome: the version after the one transition.
      expect([okVersion(fromA), okVersion(fromB)]).toEqual([stored.version, stored.version]);
      expect(stored.state.timer).toEqual({ status: 'expired', durationMs: 60_000, endedAt: endsAt });
      for (const client of devices) {
        expect(client.mirror.state?.timer.status).toBe('expired');
        expect(client.mirror.state?.thumbs?.topicId).toBe(topicId(stored.state, 'Scaling'));
      }
      // The log and the stored state agree: no lost or doubled write, also after everyone looked again.
      const log = await storeA.eventsSince(sessionId, 0);
      expect(log?.map((e) => e.version)).toEqual(Array.from({ length: stored.version }, (_, i) => i + 1));
      expect(await countInLog(storeA, sessionId, isExpiry)).toBe(1);
    } finally {
      for (const client of devices) client.close();
      await nodeA.close();
      await nodeB.close();
      await storeA.close();
      await storeB.close();
      await deleteTestKeys(racePrefix);
    }
  });
});
