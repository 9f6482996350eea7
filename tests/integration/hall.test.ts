import type { HallState, HallTableSummary, KindState, SessionState } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import {
  createHallOverHttp,
  joinHallOverHttp,
  overviewHeld,
  overviewsIn,
  postToHall,
  tableSeatOverHttp,
} from '../support/hallClients.ts';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createSessionOverHttp, TestClient, waitUntil } from '../support/serverClients.ts';
import { startTestServer } from '../support/serverHarness.ts';

const suite = integrationSuite('hall', {
  config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
});

async function storedHall(hallId: string): Promise<{ state: HallState; version: number }> {
  const stored = await suite.store.load(hallId);
  if (stored?.state.kind !== 'hall') throw new Error('expected a hall');
  return { state: stored.state, version: stored.version };
}

async function storedTable(sessionId: string): Promise<{ state: SessionState; version: number }> {
  const stored = await suite.store.load(sessionId);
  if (stored?.state.kind !== 'lean-coffee') throw new Error('expected a Lean Coffee');
  return { state: stored.state, version: stored.version };
}

const tableOf = (state: KindState | null | undefined): SessionState => {
  if (state?.kind !== 'lean-coffee') throw new Error('expected a table');
  return state;
};

/** A hall of `tables` tables with `perTable` phones at each (asked for by number), organiser connected. */
async function seatedHall(tables: number, perTable: number, title = 'Barcamp') {
  const created = await createHallOverHttp(suite.url, {
    title,
    organiserName: 'Olga',
    seating: { mode: 'count', tables },
  });
  const seats = [];
  for (let table = 1; table <= tables; table += 1) {
    for (let i = 0; i < perTable; i += 1) {
      seats.push(await joinHallOverHttp(suite.url, created.sessionId, { name: `T${table} P${i + 1}`, table }));
    }
  }
  const organiser = await suite.connect(created);
  return { created, hallId: created.sessionId, seats, organiser };
}

describe('a hall of Lean Coffee tables', () => {
  it('seats phones at their table, the first one hosting it, and a reload keeps seat and table', async () => {
    const { hallId, seats } = await seatedHall(2, 2);
    const [first, second] = seats;
    if (!first || !second) throw new Error('seats');
    expect(first.table.number).toBe(1);
    expect(second.table.sessionId).toBe(first.table.sessionId);
    const table = await storedTable(first.table.sessionId);
    // The organiser's placeholder first, then the phones; the first phone hosts.
    expect(table.state.participants.map((p) => [p.name, p.role])).toEqual([
      ['Olga', 'facilitator'],
      ['T1 P1', 'facilitator'],
      ['T1 P2', 'participant'],
    ]);
    expect(table.state.title).toBe('Barcamp · Tisch 1');
    expect(table.state.hall).toMatchObject({ hallId, table: 1, closed: false });
    const hall = await storedHall(hallId);
    expect(hall.state.tables.find((t) => t.number === 1)?.sessionId).toBe(first.table.sessionId);

    const phone = await suite.connect(second.table);
    await suite.run(phone, 'topic:add', { title: 'Reload-topic', description: '' });
    phone.close();
    // The phone reloads: a new socket with the table seat it stored.
    const reloaded = await suite.connect(second.table);
    const mine = tableOf(reloaded.mirror.current);
    expect(mine.id).toBe(first.table.sessionId);
    expect(mine.topics.map((t) => t.title)).toEqual(['Reload-topic']);
    expect(reloaded.mirror.you).toBe(second.table.participantId);
    expect((await storedHall(hallId)).state.seats).toContainEqual({
      participantId: second.hall.participantId,
      table: 1,
    });
  });

  it('opens a table once when its first phones arrive together, and exactly one of them hosts', async () => {
    const created = await createHallOverHttp(suite.url, {
      title: 'Rush',
      organiserName: 'Olga',
      seating: { mode: 'count', tables: 2 },
    });
    const seats = await Promise.all(
      ['Ana', 'Ben', 'Cem', 'Dana', 'Eli', 'Fay'].map((name) =>
        joinHallOverHttp(suite.url, created.sessionId, { name, table: 1 }),
      ),
    );
    const sessions = new Set(seats.map((s) => s.table.sessionId));
    expect(sessions.size).toBe(1);
    const table = await storedTable([...sessions][0]!);
    expect(table.state.participants.slice(1).filter((p) => p.role === 'facilitator')).toHaveLength(1);
    expect(table.state.participants).toHaveLength(7);
  });

  it('opens a new table when every table of a sized hall is full', async () => {
    const created = await createHallOverHttp(suite.url, {
      title: 'Sized',
      organiserName: 'Olga',
      seating: { mode: 'size', size: 2 },
      harvestDots: 5,
    });
    const seats = [];
    for (const name of ['Ana', 'Ben', 'Cem', 'Dana', 'Eli']) {
      seats.push(await joinHallOverHttp(suite.url, created.sessionId, { name }));
    }
    expect(seats.map((s) => s.table.number)).toEqual([1, 1, 2, 2, 3]);
    expect(new Set(seats.map((s) => s.table.sessionId)).size).toBe(3);
    const hall = await storedHall(created.sessionId);
    expect(hall.state.harvestDots).toBe(5);
    expect(hall.state.tables.every((t) => t.sessionId !== null)).toBe(true);
  });

  it('moves every table with the organiser, and a table host cannot change the phase', async () => {
    const { hallId, seats, organiser } = await seatedHall(3, 1);
    const host = await suite.connect(seats[0]!.table);
    expect(tableOf(host.mirror.current).participants.find((p) => p.id === host.seat.participantId)?.role).toBe(
      'facilitator',
    );
    await suite.run(organiser, 'hall:phase', { to: 'collect' });
    await suite.run(organiser, 'hall:phase', { to: 'vote', minutes: 3 });
    const tables = seats.map((s) => s.table.sessionId);
    await waitUntil('every table votes', async () => {
      const states = await Promise.all(tables.map(async (id) => (await storedTable(id)).state));
      return states.every((s) => s.phase === 'vote' && s.hall?.phase === 'vote' && s.hall.timer.status === 'running');
    });
    await waitUntil('the host sees the vote', () => tableOf(host.mirror.current).phase === 'vote');

    const before = await storedTable(tables[0]!);
    const refused = await suite.send(host, 'phase:change', { to: 'discuss' });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    expect((await storedTable(tables[0]!)).version).toBe(before.version);
    // Nor can a phone lead the hall.
    const phoneInHall = await suite.connect(seats[1]!.hall);
    const notOrganiser = await suite.send(phoneInHall, 'hall:phase', { to: 'discuss' });
    expect(notOrganiser.ok ? null : notOrganiser.error.code).toBe('forbidden');
    expect((await storedHall(hallId)).state.phase).toBe('vote');

    await suite.run(organiser, 'hall:announce', { text: 'Coffee is ready' });
    await waitUntil(
      'the host hears the announcement',
      () => tableOf(host.mirror.current).hall?.announcement?.text === 'Coffee is ready',
    );
  });

  it('gives organisers an overview that converges to every table, and phones none', async () => {
    const { hallId, seats, organiser } = await seatedHall(6, 2);
    const phones = await Promise.all(seats.map((s) => suite.connect(s.table)));
    const phoneInHall = await suite.connect(seats[0]!.hall);
    await suite.run(organiser, 'hall:phase', { to: 'collect' });
    for (const [i, phone] of phones.entries()) {
      for (let n = 0; n <= i % 3; n += 1)
        await suite.run(phone, 'topic:add', { title: `Topic ${i}-${n}`, description: '' });
    }
    await suite.run(organiser, 'hall:phase', { to: 'vote' });
    await waitUntil('every phone votes', () => phones.every((p) => tableOf(p.mirror.current).phase === 'vote'));
    for (const phone of phones.slice(0, 8)) {
      const topic = tableOf(phone.mirror.current).topics[0];
      if (topic) await suite.run(phone, 'vote:cast', { topicId: topic.id });
    }
    await suite.send(phones[2]!, 'hall:help', { on: true });

    const truth = async () =>
      new Map(
        await Promise.all(
          [...new Set(seats.map((s) => s.table.sessionId))].map(async (id) => {
            const { state } = await storedTable(id);
            const counts = (
              s: Pick<HallTableSummary, 'people' | 'online' | 'topics' | 'votes' | 'phase' | 'helpSince'>,
            ) => s;
            return [
              state.hall?.table ?? 0,
              counts({
                people: state.participants.length - 1,
                online: state.participants.slice(1).filter((p) => p.online).length,
                topics: state.topics.length,
                votes: state.votes.length,
                phase: state.phase,
                helpSince: state.hall?.helpSince ?? null,
              }),
            ] as const;
          }),
        ),
      );
    await waitUntil(
      'the overview shows every table as it is',
      async () => {
        const held = overviewHeld(organiser.frames);
        const expected = await truth();
        return (
          held.size === expected.size &&
          [...expected].every(([table, counts]) => {
            const seen = held.get(table);
            return seen !== undefined && Object.entries(counts).every(([k, v]) => seen[k as keyof typeof counts] === v);
          })
        );
      },
      10_000,
    );
    expect(overviewHeld(organiser.frames).get(2)?.helpSince).not.toBeNull();
    expect(overviewsIn(organiser.frames)[0]?.full).toBe(true);
    expect(
      overviewsIn(organiser.frames)
        .slice(1)
        .every((o) => !o.full),
    ).toBe(true);
    // A phone in the hall and every phone at a table never get it.
    for (const phone of [phoneInHall, ...phones]) expect(overviewsIn(phone.frames)).toEqual([]);
    // A new organiser device starts with the whole picture at once.
    const later = await suite.connect(organiser.seat);
    await waitUntil('the second organiser device has the full overview', () => overviewHeld(later.frames).size === 6);
    expect(overviewsIn(later.frames)[0]?.full).toBe(true);
    expect((await suite.store.hallTableSummaries(hallId)).tables).toHaveLength(6);
    // The hall's feed runs while someone watches, and stops with the last organiser device.
    expect(suite.server.runde.hallOverview.feeds(hallId)).toBe(true);
    organiser.close();
    later.close();
    await waitUntil('the feed stops', () => !suite.server.runde.hallOverview.feeds(hallId), 5_000);
  });

  it('merges a table: its people are seated elsewhere and their new table seats work', async () => {
    const { hallId, seats, organiser } = await seatedHall(3, 2);
    const leaving = seats.filter((s) => s.table.number === 2);
    const phones = await Promise.all(leaving.map((s) => suite.connect(s.table)));
    await suite.run(organiser, 'hall:close-table', { table: 2 });
    await waitUntil('the table hears it closed', () =>
      phones.every((p) => tableOf(p.mirror.current).hall?.closed === true),
    );
    const hall = (await storedHall(hallId)).state;
    expect(hall.tables.find((t) => t.number === 2)?.closed).toBe(true);
    for (const seat of leaving) {
      const moved = await tableSeatOverHttp(suite.url, hallId, {
        participantId: seat.hall.participantId,
        token: seat.hall.token,
      });
      expect(moved.hall).toEqual(seat.hall);
      expect(moved.table.number).not.toBe(2);
      expect(hall.seats).toContainEqual({ participantId: seat.hall.participantId, table: moved.table.number });
      const phone = await suite.connect(moved.table);
      expect(tableOf(phone.mirror.current).hall?.table).toBe(moved.table.number);
      expect(tableOf(phone.mirror.current).participants.some((p) => p.id === moved.table.participantId)).toBe(true);
    }
    // Moving by choice: the phone names a table, and gets a seat there.
    const mover = seats.find((s) => s.table.number === 1)!;
    const { participantId, token } = mover.hall;
    const moved = await tableSeatOverHttp(suite.url, hallId, { participantId, token, table: 3 });
    expect(moved.table.number).toBe(3);
    expect((await storedHall(hallId)).state.seats).toContainEqual({
      participantId: mover.hall.participantId,
      table: 3,
    });
  });

  it('refuses hostile requests with typed errors, changes nothing, and stays up', async () => {
    const { hallId, seats, organiser } = await seatedHall(3, 1);
    await suite.run(organiser, 'hall:close-table', { table: 3 });
    const before = await storedHall(hallId);
    for (const table of [0, 251, '7', 2 ** 53, 1e308, -1, 1.5, null]) {
      const answer = await postToHall(suite.url, hallId, 'join', { name: 'Mallory', table });
      expect(answer.status, String(table)).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    for (const body of [{}, { name: 'x'.repeat(500) }, { name: 'Mallory', extra: true }, []]) {
      expect((await postToHall(suite.url, hallId, 'join', body)).status).toBe(400);
    }
    const seat = seats[0]!;
    const own = { participantId: seat.hall.participantId, token: seat.hall.token };
    const forged = await postToHall(suite.url, hallId, 'table-seat', {
      participantId: seat.hall.participantId,
      token: 'A'.repeat(43),
    });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // Someone else's seat with one's own token.
    const swapped = await postToHall(suite.url, hallId, 'table-seat', {
      participantId: seats[1]!.hall.participantId,
      token: seat.hall.token,
    });
    expect(swapped.status).toBe(401);
    const intoClosed = await postToHall(suite.url, hallId, 'table-seat', { ...own, table: 3 });
    expect(intoClosed.status).toBe(409);
    expect(intoClosed.body).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const noTable = await postToHall(suite.url, hallId, 'table-seat', { ...own, table: 9 });
    expect(noTable.status).toBe(404);
    expect((await storedHall(hallId)).version).toBe(before.version);

    // Not a hall, and no such code: typed, not a crash.
    const leanCoffee = await createSessionOverHttp(suite.url, { title: 'Retro', facilitatorName: 'Fee' });
    expect((await postToHall(suite.url, leanCoffee.sessionId, 'join', { name: 'Ana' })).status).toBe(409);
    expect((await postToHall(suite.url, 'ZZZZZZ', 'join', { name: 'Ana' })).status).toBe(404);

    // A join that asks for the closed table is seated at an open one.
    const late = await joinHallOverHttp(suite.url, hallId, { name: 'Late', table: 3 });
    expect(late.table.number).not.toBe(3);
    expect((await fetch(`${suite.url}/healthz`)).status).toBe(200);
  });

  it("sends a table's own join link to its hall: no seat at a table that the hall does not count", async () => {
    const { seats } = await seatedHall(2, 1);
    const table = seats[0]!.table;
    const summary = await fetch(`${suite.url}/api/sessions/${table.sessionId}`);
    expect(await summary.json()).toMatchObject({
      kind: 'lean-coffee',
      table: { hallId: seats[0]!.hall.sessionId, number: 1 },
    });
    const before = await storedTable(table.sessionId);
    const join = await fetch(`${suite.url}/api/sessions/${table.sessionId}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Side door' }),
    });
    expect(join.status).toBe(409);
    expect(await join.json()).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect((await storedTable(table.sessionId)).version).toBe(before.version);
    // An ordinary Lean Coffee's summary names no table and its join link still seats people.
    const leanCoffee = await createSessionOverHttp(suite.url, { title: 'Retro', facilitatorName: 'Fee' });
    expect(await (await fetch(`${suite.url}/api/sessions/${leanCoffee.sessionId}`)).json()).not.toHaveProperty('table');
  });

  it("shows the overview on the hall's projector", async () => {
    const { hallId, organiser } = await seatedHall(2, 1);
    const grant = await organiser.sendRaw('projector:grant', {});
    if (typeof grant !== 'object' || grant === null || !('ok' in grant) || grant.ok !== true) throw new Error('grant');
    const { key } = (grant as unknown as { data: { key: string } }).data;
    const projector = await TestClient.projector(suite.url, hallId, key);
    suite.track(projector);
    await waitUntil('the projector has both tables', () => overviewHeld(projector.frames).size === 2);
    expect(overviewsIn(projector.frames)[0]?.full).toBe(true);
  });

  it("copies a host's highlighted takeaway to the hall and exports the whole event for organisers only", async () => {
    const { hallId, seats, organiser } = await seatedHall(2, 1);
    const host = await suite.connect(seats[0]!.table);
    await suite.run(host, 'topic:add', { title: 'Onboarding', description: '' });
    const topicId = tableOf(host.mirror.current).topics[0]!.id;
    await suite.run(organiser, 'hall:phase', { to: 'discuss' });
    await waitUntil('the table discusses', () => tableOf(host.mirror.current).phase === 'discuss');
    await suite.run(host, 'discussion:start', { topicId });
    await suite.run(host, 'outcome:add', { topicId, kind: 'takeaway', text: 'Pair new people up' });
    const outcomeId = tableOf(host.mirror.current).outcomes[0]!.id;
    await suite.run(host, 'takeaway:highlight', { outcomeId });
    await waitUntil('the hall holds the pick', async () =>
      (await storedHall(hallId)).state.picks.some((p) => p.table === 1 && p.text === 'Pair new people up'),
    );
    await suite.run(host, 'takeaway:highlight', { outcomeId: null });
    await waitUntil('the hall drops the pick', async () => (await storedHall(hallId)).state.picks.length === 0);
    await suite.run(host, 'takeaway:highlight', { outcomeId });

    const exported = await organiser.sendRaw('hall:export', {});
    expect(exported).toMatchObject({
      ok: true,
      data: {
        hall: { title: 'Barcamp', tables: 2 },
        tables: [{ number: 1, topics: [{ title: 'Onboarding', takeaways: ['Pair new people up'] }] }, { number: 2 }],
      },
    });
    const phoneInHall = await suite.connect(seats[1]!.hall);
    expect(await phoneInHall.sendRaw('hall:export', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.sendRaw('hall:export', {})).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await organiser.sendRaw('hall:export', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });

  it('relays the hall timer running out to every table', async () => {
    // A server of its own on the same store, whose clock the test moves on.
    let offset = 0;
    const server = await startTestServer({ store: suite.store, clock: () => Date.now() + offset });
    try {
      const created = await createHallOverHttp(server.url, {
        title: 'Timed',
        organiserName: 'Olga',
        seating: { mode: 'count', tables: 2 },
      });
      const seats = [
        await joinHallOverHttp(server.url, created.sessionId, { name: 'Ana', table: 1 }),
        await joinHallOverHttp(server.url, created.sessionId, { name: 'Ben', table: 2 }),
      ];
      const organiser = await TestClient.connect(server.url, created);
      const phones = await Promise.all(seats.map((s) => TestClient.connect(server.url, s.table)));
      suite.track(organiser, ...phones);
      await suite.run(organiser, 'hall:phase', { to: 'collect', minutes: 1 });
      await waitUntil('the tables run the hall timer', () =>
        phones.every((p) => tableOf(p.mirror.current).hall?.timer.status === 'running'),
      );
      offset = 61_000;
      // What a device sends when its display reaches zero; the scheduler sends the same.
      await suite.run(organiser, 'timer:expire', {});
      await waitUntil('every table shows the hall timer expired', () =>
        phones.every((p) => tableOf(p.mirror.current).hall?.timer.status === 'expired'),
      );
    } finally {
      await server.close();
    }
  });
});
