import type { RedisSessionStore } from '@runde/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { okVersion, startSession, topicId, waitUntil, type TestSession } from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/** Issue 6: after joining, devices get deltas, not states; a vote's delta is small. */
const prefix = uniquePrefix('broadcast');
let store: RedisSessionStore;
let server: TestServer;
const sessions: TestSession[] = [];

beforeAll(async () => {
  store = await openRedisStore(prefix);
  server = await startTestServer({ store });
});

afterAll(async () => {
  for (const s of sessions) s.close();
  await server?.close();
  await store?.close();
  await deleteTestKeys(prefix);
});

describe('what a vote costs on the wire', () => {
  it('reaches the others as one small delta frame, well under 1 KB, without any state', async () => {
    const s = await startSession(server.url, { participants: 20, settings: { votesPerPerson: 3 } });
    sessions.push(s);
    const [facilitator, voter, observer] = s.all;
    if (!facilitator || !voter || !observer) throw new Error('session too small');
    okVersion(await facilitator.send('topic:add', { title: 'A topic with a realistic title of some length' }));
    const voting = okVersion(await facilitator.send('phase:change', { to: 'vote' }));
    // The sender's ack can come before the others' push: count frames only once the observer has
    // the phase change, or its late push would count as a second frame for the vote.
    await waitUntil('the observer is in the vote phase', () => observer.mirror.version >= voting);
    const target = topicId(leanCoffee(facilitator.mirror.current), 'A topic with a realistic title of some length');
    const framesBefore = observer.frames.length;

    const version = okVersion(await voter.send('vote:cast', { topicId: target }));
    await waitUntil('the observer applied the vote', () => observer.mirror.version >= version);

    const pushes = observer.frames.slice(framesBefore).filter((frame) => frame.includes('session:events'));
    expect(pushes).toHaveLength(1);
    const bytes = Buffer.byteLength(pushes[0] ?? '', 'utf8');
    expect(bytes).toBeLessThan(1024);
    // A delta: the vote event only, no participants list, no topics.
    expect(pushes[0]).toContain('vote:cast');
    expect(pushes[0]).not.toContain('participants');
  });

  it('answers the sender with its own events, masked for it as its push is, so it needs no push', async () => {
    const s = await startSession(server.url, { participants: 2, settings: { hiddenVoting: true, votesPerPerson: 3 } });
    sessions.push(s);
    const [facilitator, voter, observer] = s.all;
    if (!facilitator || !voter || !observer) throw new Error('session too small');
    okVersion(await facilitator.send('topic:add', { title: 'Hidden dots' }));
    const voting = okVersion(await facilitator.send('phase:change', { to: 'vote' }));
    await waitUntil('everyone is in the vote phase', () => s.all.every((c) => c.mirror.version >= voting));
    const target = topicId(leanCoffee(facilitator.mirror.current), 'Hidden dots');

    const ack = await voter.send('vote:cast', { topicId: target });
    if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}`);
    const { version, events } = ack.data;
    expect(events.map((e) => e.version)).toEqual([version]);
    // The voter sees where its own dot went; the same event pushed to anyone else does not say.
    expect(events[0]?.event).toMatchObject({ type: 'vote:cast', vote: { topicId: target } });
    await waitUntil('the others have the vote', () => [voter, observer].every((c) => c.mirror.version >= version));
    const ownPush = voter.batches.flatMap((b) => b.events).find((e) => e.version === version);
    const otherPush = observer.batches.flatMap((b) => b.events).find((e) => e.version === version);
    expect(events[0]).toEqual(ownPush);
    expect(otherPush?.event).toMatchObject({ type: 'vote:cast', vote: { topicId: null } });
  });
});
