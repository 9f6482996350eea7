import { loopViewFor, openActions, type SessionSummary } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp, joinOverHttp, sleep, TestClient, waitUntil } from '../support/serverClients.ts';
import { parseFrame, pathsOf } from '../support/serverFrames.ts';

const suite = integrationSuite('team-space', {
  config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
});
const { connect, send, run, convergedTeamSpace: converged } = suite;

/** A team space with facilitator Fee and the members `names`, everyone connected and online. */
async function openSpace(names: string[]) {
  const created = await createTeamSpaceOverHttp(suite.url, { title: 'Jugendhilfeplanung', facilitatorName: 'Fee' });
  const seats = await Promise.all(names.map((name) => joinOverHttp(suite.url, created.sessionId, name)));
  const facilitator = await connect(created);
  const members = await Promise.all(seats.map((seat) => connect(seat)));
  const all = [facilitator, ...members];
  await waitUntil('everyone shows as online everywhere', () =>
    all.every((c) => c.mirror.current?.participants.every((p) => p.online) === true),
  );
  return { created, sessionId: created.sessionId, facilitator, members, all };
}

/** Starts a meeting of `room` and walks it to the tensions stage; `run` waits for each step to arrive. */
async function meetingAtTensions(facilitator: TestClient, room: 'operational' | 'governance') {
  await run(facilitator, 'meeting:start', { room });
  while (facilitator.mirror.space?.meeting?.stage !== 'tensions') await run(facilitator, 'meeting:advance', {});
}

async function addTension(client: TestClient, title: string, anonymous = false): Promise<string> {
  await run(client, 'tension:add', { title, description: '', room: 'operational', anonymous });
  const tension = client.mirror.space?.tensions.find((t) => t.title === title);
  if (!tension) throw new Error('tension missing');
  return tension.id;
}

describe('team spaces over HTTP', () => {
  it('opens under a join code with team-space links, reports its kind, and lets the facilitator claim the seat', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    expect(created.joinUrl).toBe(`${suite.url}/t/${created.joinCode}`);
    expect(created.facilitatorUrl).toMatch(new RegExp(`^${suite.url}/t/${created.joinCode}/facilitate#key=`));
    const summary = (await (await fetch(`${suite.url}/api/sessions/${created.sessionId}`)).json()) as SessionSummary;
    expect(summary).toEqual({ sessionId: created.sessionId, title: 'Team', kind: 'team-space', ended: false });

    const key = created.facilitatorUrl.split('#key=')[1];
    const claim = await fetch(`${suite.url}/api/sessions/${created.sessionId}/facilitator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    });
    expect(claim.status).toBe(200);
    expect(((await claim.json()) as { participantId: string }).participantId).toBe(created.participantId);
  });

  it('refuses a malformed request', async () => {
    const response = await fetch(`${suite.url}/api/spaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Team', facilitatorName: 'Fee', settings: {} }),
    });
    expect(response.status).toBe(400);
  });
});

describe('team spaces over sockets', () => {
  it('starts the second meeting with the first one’s open tensions and open actions', async () => {
    const s = await openSpace(['Ana', 'Ben']);
    const [ana, ben] = s.members as [TestClient, TestClient];
    const done = await addTension(ana, 'Printer out of toner');
    const later = await addTension(ben, 'Left for next time');
    await meetingAtTensions(s.facilitator, 'operational');

    await run(s.facilitator, 'tension:start', { tensionId: done });
    await run(s.facilitator, 'tension:outcome', {
      outcome: { type: 'next-action', text: 'Order toner', ownerId: ana.seat.participantId },
    });
    await run(s.facilitator, 'tension:close', { gotWhatNeeded: true });
    await run(s.facilitator, 'meeting:end', {});
    const afterFirst = await converged(s.sessionId, s.all);
    expect(afterFirst.meeting).toBeNull();
    expect(afterFirst.meetings).toHaveLength(1);

    await meetingAtTensions(s.facilitator, 'operational');
    const second = await converged(s.sessionId, s.all);
    expect(second.meeting?.agenda).toEqual([later]);
    expect(openActions(second).map((a) => [a.text, a.ownerId])).toEqual([['Order toner', ana.seat.participantId]]);
    // Every device holds the same team space as the server, masked for itself.
    for (const client of s.all) {
      expect(client.mirror.space).toEqual(loopViewFor(second, { participantId: client.seat.participantId }));
    }
  });

  it('never reveals who brought an anonymous tension in any frame another member receives', async () => {
    const s = await openSpace(['Ana', 'Ben']);
    const [ana, ben] = s.members as [TestClient, TestClient];
    const anaId = ana.seat.participantId;
    const secret = await addTension(ana, 'Conflict in the team', true);
    await run(s.facilitator, 'tension:assign-room', { tensionId: secret, room: 'relationship' });
    await run(ana, 'tension:edit', { tensionId: secret, title: 'Conflict about holidays' });
    // A member joining later, and one catching up from scratch, get snapshots.
    const cem = await connect(await joinOverHttp(suite.url, s.sessionId, 'Cem'));
    ben.mirror.forget();
    await ben.sync();
    await converged(s.sessionId, [...s.all, cem]);
    expect(ben.syncKinds.at(-1)).toBe('snapshot');

    for (const other of [s.facilitator, ben, cem]) {
      expect(other.frames.length).toBeGreaterThan(0);
      const leaks = other.frames.flatMap((frame) =>
        pathsOf(parseFrame(frame), anaId).filter((path) => path.endsWith('.authorId')),
      );
      expect(leaks).toEqual([]);
      expect(other.mirror.space?.tensions.find((t) => t.id === secret)?.authorId).toBeNull();
    }
    // The author still sees her own tension as hers.
    expect(ana.frames.some((frame) => pathsOf(parseFrame(frame), anaId).some((p) => p.endsWith('.authorId')))).toBe(
      true,
    );
  });

  it('refuses a Lean Coffee command with invalid_state and changes nothing', async () => {
    const s = await openSpace(['Ana']);
    const [ana] = s.members as [TestClient];
    const before = await suite.store.load(s.sessionId);
    const batchesBefore = s.facilitator.batches.length;
    const ack = await send(ana, 'topic:add', { title: 'A Lean Coffee topic' });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'Not available in this kind of session.' },
    });
    await sleep(100);
    expect(await suite.store.load(s.sessionId)).toEqual(before);
    expect(s.facilitator.batches.length).toBe(batchesBefore);
  });
});
