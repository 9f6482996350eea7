import { describe, expect, it } from 'vitest';
import { clusterSuite } from '../support/clusterSuite.ts';
import { createSessionOverHttp, joinOverHttp, okVersion, topicId, waitUntil } from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 6: two server processes on different ports share one Redis through the Socket.IO Redis
 * Streams adapter. Clients on either node see every commit pushed, without asking.
 */
describe('two server processes on one Redis', () => {
  const cluster = clusterSuite('cluster');
  const { connect } = cluster;

  it('pushes a commit made on one node to the clients of the other', async () => {
    const [a, b] = cluster.nodes;
    const created = await createSessionOverHttp(a.url, { title: 'Across nodes', facilitatorName: 'Fatma' });
    const seat = await joinOverHttp(b.url, created.sessionId, 'Jonas');
    const onA = await connect(a, created);
    const onB = await connect(b, seat);

    const pushesBefore = onA.batches.length;
    const version = okVersion(await onB.send('topic:add', { title: 'Raised on node B' }));

    await waitUntil('node A’s client got the push', () => onA.mirror.version >= version);
    expect(onA.batches.length).toBeGreaterThan(pushesBefore);
    expect(onA.batches.flatMap((b) => b.events).some((e) => e.event.type === 'topic:added')).toBe(true);
    const stored = await cluster.store.load(created.sessionId);
    expect(onA.mirror.current).toEqual(onB.mirror.current);
    expect(leanCoffee(stored?.state)?.topics.map((t) => t.title)).toEqual(['Raised on node B']);
  });

  it('keeps every vote budget exact in a storm across both nodes', async () => {
    const [a, b] = cluster.nodes;
    const created = await createSessionOverHttp(a.url, {
      title: 'Storm',
      facilitatorName: 'Fatma',
      settings: { votesPerPerson: 3, allowStacking: true },
    });
    const facilitator = await connect(a, created);
    okVersion(await facilitator.send('topic:add', { title: 'Contested' }));
    okVersion(await facilitator.send('phase:change', { to: 'vote' }));
    const target = topicId(leanCoffee(facilitator.mirror.current), 'Contested');

    // Four people, each with one device on each node, all pressing at once.
    const people = await Promise.all(
      ['Ana', 'Ben', 'Cem', 'Dana'].map((name) => joinOverHttp(b.url, created.sessionId, name)),
    );
    const devices = (
      await Promise.all(people.map(async (seat) => [await connect(a, seat), await connect(b, seat)]))
    ).flat();
    const acks = await Promise.all(
      devices.flatMap((device) => Array.from({ length: 5 }, () => device.send('vote:cast', { topicId: target }))),
    );

    expect(acks.filter((ack) => ack.ok)).toHaveLength(4 * 3);
    const refusals = acks.flatMap((ack) => (ack.ok ? [] : [ack.error.code]));
    expect(new Set(refusals)).toEqual(new Set(['vote_budget_exhausted']));
    const stored = await cluster.store.load(created.sessionId);
    if (!stored) throw new Error('session vanished');
    const state = leanCoffee(stored.state);
    for (const seat of people) {
      expect(state.votes.filter((v) => v.voterId === seat.participantId)).toHaveLength(3);
    }
    // Every device on either node ends at the stored version by pushes and catch-up alone.
    await waitUntil('all devices converge', () => devices.every((d) => d.mirror.version === stored.version));
  });
});
