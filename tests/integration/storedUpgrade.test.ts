import { randomUUID } from 'node:crypto';
import type { RedisSessionStore } from '@runde/server';
import type { Ack, AnyCommandInput, AnyCommandType, CommandResult } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { createTeamSpaceOverHttp, joinOverHttp, TestClient } from '../support/serverClients.ts';
import {
  deleteTestKeys,
  openRawRedis,
  openRedisStore,
  startTestServer,
  type TestServer,
} from '../support/serverHarness.ts';

// A team space lasts years and outlives releases. One stored before personal-room privacy has no
// `readers` on its tensions and records and none in its logged events; it must still open, and its
// personal content must still be masked, not sent to everyone nor crash every snapshot.
const prefix = uniquePrefix('stored-upgrade');
let store: RedisSessionStore;
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  store = await openRedisStore(prefix);
  server = await startTestServer({ store });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

async function run<T extends AnyCommandType>(client: TestClient, type: T, payload: AnyCommandInput<T>) {
  const ack = (await client.sendRaw(type, payload, { commandId: randomUUID() })) as Ack<CommandResult>;
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data.version;
}

/** Removes every `readers` and `shownTo` key, wherever it sits, as an earlier release wrote them. */
function asWrittenBefore(json: string): string {
  return JSON.stringify(JSON.parse(json), (key, value: unknown) =>
    key === 'readers' || key === 'shownTo' ? undefined : value,
  );
}

describe('a team space stored by an earlier release', () => {
  it('opens for its members, masks its personal tensions, and catches up by snapshot', async () => {
    const created = await createTeamSpaceOverHttp(server.url, { title: 'Team', facilitatorName: 'Ana' });
    const ben = await joinOverHttp(server.url, created.sessionId, 'Ben');
    const ana = await TestClient.connect(server.url, created);
    clients.push(ana);
    const since = ana.mirror.version;
    await run(ana, 'tension:add', {
      title: 'Old-private-conflict',
      description: '',
      room: 'relationship',
      anonymous: false,
    });
    await run(ana, 'tension:add', { title: 'Old-open-topic', description: '', room: 'operational', anonymous: false });
    ana.close();

    // Rewrite the stored snapshot and every logged event into the old shape.
    const raw = await openRawRedis();
    try {
      const sessionKey = `${prefix}{${created.sessionId}}:session`;
      const eventsKey = `${prefix}{${created.sessionId}}:events`;
      const state = await raw.hGet(sessionKey, 'state');
      await raw.hSet(sessionKey, 'state', asWrittenBefore(state ?? ''));
      const events = await raw.lRange(eventsKey, 0, -1);
      expect(events.some((e) => e.includes('"readers"'))).toBe(true);
      await raw.del(eventsKey);
      await raw.rPush(eventsKey, events.map(asWrittenBefore));
    } finally {
      await raw.quit();
    }

    const stored = await store.load(created.sessionId);
    expect(stored?.state.kind).toBe('team-space');

    const member = await TestClient.connect(server.url, ben);
    clients.push(member);
    const titles = member.mirror.space?.tensions.map((t) => t.title);
    expect(titles).toContain('Old-open-topic');
    expect(member.frames.join('\n')).not.toContain('Old-private-conflict');

    // Catching up from before the old events gives a snapshot, never old events to mask.
    expect(await store.eventsSince(created.sessionId, since)).toBeNull();
    // The holder still reads her own, and the space takes new commands.
    const holder = await TestClient.connect(server.url, created);
    clients.push(holder);
    expect(holder.mirror.space?.tensions.map((t) => t.title)).toContain('Old-private-conflict');
    const version = await run(holder, 'tension:add', {
      title: 'New',
      description: '',
      room: 'operational',
      anonymous: false,
    });
    expect(version).toBeGreaterThan(since);
  });
});
