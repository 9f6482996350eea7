import type { HallSeatResponse, Seat } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { createHallOverHttp, joinHallOverHttp, postToHall, tableSeatOverHttp } from '../support/hallClients.ts';
import { integrationSuite } from '../support/integrationSuite.ts';

/**
 * A phone's seats in a hall survive what happens at its tables: a join whose table seat fails
 * still hands over the hall seat (the phone asks for its table again), and a phone that comes back
 * to a table it sat at gets its old seat there, not a second one ("Ana 2").
 */
const suite = integrationSuite('hall-reseat');

async function hallOf(tables: number): Promise<string> {
  const created = await createHallOverHttp(suite.url, {
    title: 'Barcamp',
    organiserName: 'Olga',
    seating: { mode: 'count', tables },
  });
  return created.sessionId;
}

async function tableParticipants(sessionId: string): Promise<string[]> {
  const stored = await suite.store.load(sessionId);
  if (stored?.state.kind !== 'lean-coffee') throw new Error('expected a table');
  return stored.state.participants.map((p) => p.id);
}

const proofOf = (seat: Seat) => ({ participantId: seat.participantId, token: seat.token });

describe('a join whose table seat fails', () => {
  it('answers with the hall seat, which then gets a table seat', async () => {
    const hallId = await hallOf(2);
    const ana = await joinHallOverHttp(suite.url, hallId, { name: 'Ana', table: 1 });
    // Table 1's Lean Coffee is gone (as if it expired, unused, before its hall): the hall still
    // names it, so the next seat there fails after the hall seat was taken.
    expect(await suite.store.delete(ana.table.sessionId)).toBe(true);

    const failed = await postToHall(suite.url, hallId, 'join', { name: 'Ben', table: 1 });
    expect(failed.status).toBe(404);
    expect(failed.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const { hall } = failed.body as unknown as { hall: Seat };
    expect(hall).toMatchObject({ sessionId: hallId });
    // The hall seat is real: it is in the hall, and its token gets a table seat elsewhere.
    const stored = await suite.store.load(hallId);
    expect(stored?.state.participants.some((p) => p.id === hall.participantId)).toBe(true);
    const moved = await tableSeatOverHttp(suite.url, hallId, { ...proofOf(hall), table: 2 });
    expect(moved.hall).toEqual(hall);
    expect(moved.table.number).toBe(2);
    expect(await tableParticipants(moved.table.sessionId)).toContain(moved.table.participantId);
  });
});

describe('coming back to a table', () => {
  it('gets the seat held there before: the same participant, no second seat', async () => {
    const hallId = await hallOf(5);
    const ana = await joinHallOverHttp(suite.url, hallId, { name: 'Ana', table: 3 });
    await joinHallOverHttp(suite.url, hallId, { name: 'Ben', table: 3 });
    const atThree = ana.table;
    const before = await tableParticipants(atThree.sessionId);

    const atFive = await tableSeatOverHttp(suite.url, hallId, { ...proofOf(ana.hall), table: 5 });
    expect(atFive.table.number).toBe(5);
    const back: HallSeatResponse = await tableSeatOverHttp(suite.url, hallId, {
      ...proofOf(ana.hall),
      table: 3,
      tableSeat: proofOf(atThree),
    });
    expect(back.table).toEqual(atThree);
    expect(await tableParticipants(atThree.sessionId)).toEqual(before);
    // Asked again without moving (a reload that lost the board's seat): the same seat once more.
    const again = await tableSeatOverHttp(suite.url, hallId, { ...proofOf(ana.hall), tableSeat: proofOf(atThree) });
    expect(again.table).toEqual(atThree);
    expect(await tableParticipants(atThree.sessionId)).toEqual(before);
  });

  it("never hands over a seat the phone cannot prove: another's, a forged one, or one at another table", async () => {
    const hallId = await hallOf(5);
    const ana = await joinHallOverHttp(suite.url, hallId, { name: 'Ana', table: 3 });
    const ben = await joinHallOverHttp(suite.url, hallId, { name: 'Ben', table: 3 });
    const anaAtFive = await tableSeatOverHttp(suite.url, hallId, { ...proofOf(ana.hall), table: 5 });
    const attempts = [
      { participantId: ben.table.participantId, token: ana.table.token },
      { participantId: ana.table.participantId, token: 'A'.repeat(43) },
      proofOf(anaAtFive.table),
    ];
    for (const tableSeat of attempts) {
      const count = (await tableParticipants(ana.table.sessionId)).length;
      const moved = await tableSeatOverHttp(suite.url, hallId, { ...proofOf(ana.hall), table: 3, tableSeat });
      expect(moved.table.number).toBe(3);
      // A new seat of Ana's own, never Ben's nor her old one.
      expect([ben.table.participantId, ana.table.participantId]).not.toContain(moved.table.participantId);
      expect(moved.table.token).not.toBe(tableSeat.token);
      expect(await tableParticipants(ana.table.sessionId)).toHaveLength(count + 1);
      await tableSeatOverHttp(suite.url, hallId, { ...proofOf(ana.hall), table: 5 });
    }
    // A malformed proof is refused as a whole.
    const malformed = await postToHall(suite.url, hallId, 'table-seat', {
      ...proofOf(ana.hall),
      tableSeat: { participantId: ana.table.participantId },
    });
    expect(malformed.status).toBe(400);
  });
});
