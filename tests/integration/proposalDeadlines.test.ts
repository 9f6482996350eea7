import { randomUUID } from 'node:crypto';
import { openClusterAdapter, type ClusterAdapter, type RedisSessionStore } from '@runde/server';
import type { KindCommandInput, KindCommandType, LoopEvent, Seat, TeamSpaceState } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import { createTeamSpaceOverHttp, joinOverHttp, TestClient, waitUntil } from '../support/serverClients.ts';
import {
  deleteTestKeys,
  openRedisStore,
  startTestServer,
  testLogger,
  TestClock,
  type TestServer,
} from '../support/serverHarness.ts';

/**
 * Issue 17: an objection window closes when it is due although nobody is connected, exactly once
 * across two nodes that both poll the store's deadline index, and a device that comes back later
 * catches up with what came of it.
 */
const prefix = uniquePrefix('proposal-deadlines');
const clock = new TestClock();
const stores: RedisSessionStore[] = [];
const adapters: ClusterAdapter[] = [];
const nodes: TestServer[] = [];
const clients: TestClient[] = [];
/** Far beyond any deadline of these tests: every recorded entry is due by then. */
const END_OF_TIME = Number.MAX_SAFE_INTEGER;

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) {
    const store = await openRedisStore(prefix);
    const cluster = await openClusterAdapter({ url: testRedisUrl(), keyPrefix: prefix, logger: testLogger() });
    stores.push(store);
    adapters.push(cluster);
    // Both nodes poll often, on one clock: when a window is due they race for it.
    nodes.push(
      await startTestServer({ store, adapter: cluster.adapter, clock: clock.now, config: { proposalPollMs: 20 } }),
    );
  }
});

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(nodes.map((n) => n.close()));
  await Promise.all(adapters.map((a) => a.close()));
  await Promise.all(stores.map((s) => s.close()));
  await deleteTestKeys(prefix);
});

const store = () => stores[0] as RedisSessionStore;
const node = (i: 0 | 1) => nodes[i] as TestServer;

async function connect(server: TestServer, seat: Seat, mirror?: TestClient['mirror']): Promise<TestClient> {
  const client = await TestClient.connect(server.url, seat, mirror);
  clients.push(client);
  return client;
}

async function run<T extends KindCommandType>(client: TestClient, type: T, payload: KindCommandInput<T>) {
  const ack = await client.channel.command(type, payload, { commandId: randomUUID() });
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
  await waitUntil(`the sender sees ${type}`, () => client.mirror.version >= ack.data.version);
}

async function stored(sessionId: string): Promise<TeamSpaceState> {
  const current = await store().load(sessionId);
  if (current?.state.kind !== 'team-space') throw new Error('team space missing');
  return current.state;
}

const indexed = async (sessionId: string) =>
  (await store().dueProposalDeadlines(END_OF_TIME, 1000)).includes(sessionId);

/**
 * A space with a one-day objection window: facilitator Fee on node 0, Mia on node 1. Mia proposes
 * a new role; Fee answers with `objection` (null: no objection).
 */
async function spaceWithProposal(objection: string | null) {
  const created = await createTeamSpaceOverHttp(node(0).url, { title: 'Kita Sonnenschein', facilitatorName: 'Fee' });
  const sessionId = created.sessionId;
  const miaSeat = await joinOverHttp(node(1).url, sessionId, 'Mia');
  const fee = await connect(node(0), created);
  const mia = await connect(node(1), miaSeat);
  await run(fee, 'space:set-rhythm', { timeZone: 'Europe/Berlin', meetings: [], objectionWindowDays: 1 });
  await run(mia, 'proposal:publish', {
    title: 'Elternkontakt als Rolle',
    text: 'Eine Rolle hält den Kontakt zu den Eltern.',
    changes: [
      {
        op: 'role:add',
        role: { name: 'Elternkontakt', purpose: 'Eltern wissen, was läuft', accountabilities: [] },
        fillers: [miaSeat.participantId],
      },
    ],
  });
  const proposal = (await stored(sessionId)).proposals[0];
  if (!proposal) throw new Error('proposal missing');
  await run(fee, 'proposal:respond', { proposalId: proposal.id, objection });
  return { sessionId, fee, mia, miaSeat, proposal };
}

/** Closes these devices (and any an earlier test left) and waits until neither node holds a socket. */
async function everyoneGone(...devices: TestClient[]) {
  for (const device of [...devices, ...clients]) device.close();
  await waitUntil('no socket is left on either node', () => nodes.every((n) => n.runde.io.of('/').sockets.size === 0));
}

async function loggedEvents(sessionId: string): Promise<LoopEvent['type'][]> {
  const events = await store().eventsSince(sessionId, 0);
  if (!events) throw new Error('log missing');
  return events.map(({ event }) => event.type as LoopEvent['type']);
}

const count = (types: readonly string[], type: string) => types.filter((t) => t === type).length;

/** Runs of `proposal:close-due` by both nodes' schedulers that closed something. */
async function closingRuns(): Promise<number> {
  let total = 0;
  for (const n of nodes) {
    const metric = await n.runde.metrics.registry.getSingleMetric('runde_proposal_deadline_runs_total')?.get();
    total += metric?.values.find((v) => v.labels.outcome === 'closed')?.value ?? 0;
  }
  return total;
}

describe('objection windows closing without a socket', () => {
  it('adopts a proposal nobody objected to exactly once across two nodes, and a device catching up later sees the decision and the register change', async () => {
    const closedBefore = await closingRuns();
    const { sessionId, fee, mia, miaSeat, proposal } = await spaceWithProposal(null);
    expect(proposal.closesAt - proposal.publishedAt).toBe(24 * 60 * 60 * 1000);
    await waitUntil('the deadline is in the index', () => indexed(sessionId));
    expect(await store().dueProposalDeadlines(proposal.closesAt - 1, 1000)).not.toContain(sessionId);
    const versionBefore = mia.mirror.version;
    await everyoneGone(fee, mia);

    // A second before the window closes both nodes poll and find nothing due (polled here, not waited for).
    clock.advance(proposal.closesAt - 1000 - clock.now());
    await Promise.all(nodes.map((n) => n.runde.proposalDeadlines.poll()));
    expect((await stored(sessionId)).proposals[0]?.status).toBe('open');

    clock.advance(Math.max(0, proposal.closesAt - clock.now()));
    await waitUntil('the proposal is closed', async () => (await stored(sessionId)).proposals[0]?.status !== 'open');
    await waitUntil('the index holds no deadline for the space', async () => !(await indexed(sessionId)));
    // Both nodes keep polling; more runs must change nothing.
    await Promise.all(nodes.flatMap((n) => [n.runde.proposalDeadlines.poll(), n.runde.proposalDeadlines.poll()]));

    const state = await stored(sessionId);
    expect(state.proposals[0]).toMatchObject({ id: proposal.id, status: 'adopted' });
    const types = await loggedEvents(sessionId);
    expect(count(types, 'proposal:closed')).toBe(1);
    expect(count(types, 'decision:adopted')).toBe(1);
    expect(count(types, 'register:changed')).toBe(1);
    expect((await closingRuns()) - closedBefore).toBe(1);

    // Mia's phone comes back with the copy it had and catches up by events.
    const back = await connect(node(1), miaSeat, mia.mirror);
    await waitUntil(
      'the phone caught up',
      async () => back.mirror.version === (await store().load(sessionId))?.version,
    );
    expect(back.mirror.version).toBeGreaterThan(versionBefore);
    expect(back.syncKinds.at(-1)).toBe('events');
    const space = back.mirror.space;
    expect(space?.proposals[0]?.status).toBe('adopted');
    expect(space?.decisions.at(-1)).toMatchObject({
      meetingId: null,
      betweenMeetings: { proposalId: proposal.id },
      present: ['Fee'],
    });
    expect(space?.register.roles.map((r) => [r.name, r.fillers, r.status])).toEqual([
      ['Elternkontakt', [miaSeat.participantId], 'active'],
    ]);
  });

  it('sends a proposal with an objection to the next governance meeting, once, and adopts nothing', async () => {
    const { sessionId, fee, mia, proposal } = await spaceWithProposal('Erst mit dem Elternbeirat klären');
    await waitUntil('the deadline is in the index', () => indexed(sessionId));
    await everyoneGone(fee, mia);

    clock.advance(Math.max(0, proposal.closesAt - clock.now()));
    await waitUntil('the proposal is closed', async () => (await stored(sessionId)).proposals[0]?.status !== 'open');
    await waitUntil('the index holds no deadline for the space', async () => !(await indexed(sessionId)));
    await Promise.all(nodes.map((n) => n.runde.proposalDeadlines.poll()));

    const state = await stored(sessionId);
    expect(state.proposals[0]).toMatchObject({ status: 'to-meeting', toMeeting: 'objection' });
    expect(state.register.roles).toEqual([]);
    const types = await loggedEvents(sessionId);
    expect(count(types, 'proposal:closed')).toBe(1);
    expect(count(types, 'decision:adopted')).toBe(0);
    expect(count(types, 'register:changed')).toBe(0);
  });

  it('forgets the deadline of a space that is deleted', async () => {
    const { sessionId, fee } = await spaceWithProposal(null);
    await waitUntil('the deadline is in the index', () => indexed(sessionId));
    expect(await fee.sendRaw('session:delete', {})).toEqual({ ok: true, data: { deleted: true } });
    expect(await indexed(sessionId)).toBe(false);
  });

  it('drops an entry whose space is gone when it comes due', async () => {
    const { sessionId, fee, mia, proposal } = await spaceWithProposal(null);
    await waitUntil('the deadline is in the index', () => indexed(sessionId));
    await everyoneGone(fee, mia);
    // The space expired, or its deletion could not reach the index: only the entry is left.
    expect(await store().delete(sessionId)).toBe(true);
    await store().setProposalDeadline(sessionId, 1, proposal.closesAt);
    expect(await indexed(sessionId)).toBe(true);
    clock.advance(Math.max(0, proposal.closesAt - clock.now()));
    await waitUntil('the stale entry is dropped', async () => !(await indexed(sessionId)));
  });
});
