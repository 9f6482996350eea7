import { randomUUID } from 'node:crypto';
import { MemorySessionStore, sessionKeys } from '@runde/server';
import { PROTOCOL_VERSION, type Ack, type CommandResult, type SessionRetention, type SyncResult } from '@runde/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import {
  createSessionOverHttp,
  createTeamSpaceOverHttp,
  handshakeRefusal,
  joinOverHttp,
  TestClient,
} from '../support/serverClients.ts';
import { openRawRedis, startTestServer, TestClock } from '../support/serverHarness.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention a fresh snapshot carries, exactly as the frame arrives. */
async function snapshotRetention(client: TestClient): Promise<SessionRetention> {
  const ack = (await client.sendRaw('session:sync', { sinceVersion: 0 })) as Ack<SyncResult>;
  if (!ack.ok || ack.data.kind !== 'snapshot') throw new Error('expected a snapshot');
  return ack.data.retention;
}

describe('retention per kind, on one node with an injected clock (memory store)', () => {
  const clock = new TestClock();
  const store = new MemorySessionStore({
    retentionMs: 30 * DAY_MS,
    teamSpaceRetentionMs: 730 * DAY_MS,
    clock: clock.now,
  });
  const clients: TestClient[] = [];
  const serverStarted = startTestServer({ store, clock: clock.now });
  afterAll(async () => {
    for (const client of clients) client.close();
    await (await serverStarted).close();
    await store.close();
  });
  const connect = async (url: string, seat: Parameters<typeof TestClient.connect>[1]) => {
    const client = await TestClient.connect(url, seat);
    clients.push(client);
    return client;
  };

  it('keeps a team space idle for 90 days whole, and tells its facilitator until when', async () => {
    const { url } = await serverStarted;
    const created = await createTeamSpaceOverHttp(url, { title: 'Jugendhilfeplanung', facilitatorName: 'Fee' });
    const memberSeat = await joinOverHttp(url, created.sessionId, 'Ana');
    const facilitator = await connect(url, created);
    const member = await connect(url, memberSeat);
    const tension = { title: 'Drucker', description: '', room: 'operational', anonymous: false };
    const ack = (await member.sendRaw('tension:add', tension, { commandId: randomUUID() })) as Ack<CommandResult>;
    if (!ack.ok) throw new Error(`tension:add refused: ${ack.error.code}`);
    await member.caughtUp(ack.data.version);
    const first = await snapshotRetention(facilitator);
    expect(first.retentionMs).toBe(730 * DAY_MS);
    // The last change was a moment ago: the facilitator's date is two years from then.
    expect(first.expiresAt).toBeGreaterThan(clock.now() + 730 * DAY_MS - 60_000);
    expect(first.expiresAt).toBeLessThanOrEqual(clock.now() + 730 * DAY_MS);
    facilitator.close();
    member.close();
    const stored = await store.load(created.sessionId);

    clock.advance(90 * DAY_MS);
    // Back after the summer: the member resumes with the seat's token, everything is there.
    const back = await connect(url, memberSeat);
    expect(back.mirror.space?.tensions.map((t) => t.title)).toEqual(['Drucker']);
    expect(back.mirror.space?.participants.map((p) => p.name)).toEqual(stored?.state.participants.map((p) => p.name));
    // A new member can still join with the code.
    expect((await joinOverHttp(url, created.sessionId, 'Ben')).participantId).toBeTruthy();
    // The joining (a change) kept it two more years from now.
    const later = await snapshotRetention(await connect(url, created));
    expect(later.expiresAt).toBeGreaterThan(clock.now() + 730 * DAY_MS - 60_000);
  });

  it('lets a Lean Coffee go after its 30 days, and tells its facilitator so', async () => {
    const { url } = await serverStarted;
    const created = await createSessionOverHttp(url, { title: 'Retro', facilitatorName: 'Fee' });
    const facilitator = await connect(url, created);
    const retention = await snapshotRetention(facilitator);
    expect(retention.retentionMs).toBe(30 * DAY_MS);
    expect(retention.expiresAt).toBeLessThanOrEqual(clock.now() + 30 * DAY_MS);
    expect(retention.expiresAt).toBeGreaterThan(clock.now() + 30 * DAY_MS - 60_000);
    facilitator.close();

    clock.advance(30 * DAY_MS + 60_000);
    expect(await store.load(created.sessionId)).toBeNull();
    const refusal = await handshakeRefusal(url, {
      protocolVersion: PROTOCOL_VERSION,
      sessionId: created.sessionId,
      token: created.token,
    });
    expect(refusal?.data.code).toBe('unauthorized');
    expect((await fetch(`${url}/api/sessions/${created.sessionId}`)).status).toBe(404);
  });
});

describe('retention per kind in Redis', () => {
  const suite = integrationSuite('retention');

  it('gives every key of a team space about 730 days after a commit, and a Lean Coffee 30 days less', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    await joinOverHttp(suite.url, created.sessionId, 'Ana');
    const facilitator = await suite.connect(created);
    await suite.run(facilitator, 'tension:add', {
      title: 'Drucker',
      description: '',
      room: 'operational',
      anonymous: false,
    });
    const raw = await openRawRedis();
    try {
      let seen = 0;
      for (const key of sessionKeys(suite.prefix, created.sessionId)) {
        const ttl = await raw.pTTL(key);
        if (ttl === -2) continue; // a list this space has not filled yet (its archive)
        seen += 1;
        expect(ttl, key).toBeGreaterThan(730 * DAY_MS - 60_000);
        expect(ttl, key).toBeLessThanOrEqual(730 * DAY_MS);
      }
      // Session, events, tokens, secrets, command ids at least.
      expect(seen).toBeGreaterThanOrEqual(5);
      const retention = await snapshotRetention(facilitator);
      expect(retention.retentionMs).toBe(730 * DAY_MS);
      expect(retention.expiresAt).toBeGreaterThan(Date.now() + 730 * DAY_MS - 60_000);

      const leanCoffee = await createSessionOverHttp(suite.url, { title: 'Retro', facilitatorName: 'Fee' });
      const [sessionKey] = sessionKeys(suite.prefix, leanCoffee.sessionId);
      // The suite's store keeps Lean Coffees for an hour.
      expect(await raw.pTTL(sessionKey)).toBeLessThanOrEqual(60 * 60 * 1000);
    } finally {
      await raw.close();
    }
  });
});
