import { applyEvents, ErrorCode, type KindEvent, type ClaimFacilitatorRequest, type Seat } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp, joinOverHttp, waitUntil } from '../support/serverClients.ts';

const suite = integrationSuite('facilitator-seat');
const { connect } = suite;

const kinds = [
  { kind: 'lean-coffee', open: createSessionOverHttp },
  { kind: 'team-space', open: createTeamSpaceOverHttp },
] as const;

/** The creator Fee and Ana, promoted to co-facilitator, both connected. */
async function withCoFacilitator(open: (typeof kinds)[number]['open']) {
  const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
  const anaSeat = await joinOverHttp(suite.url, created.sessionId, 'Ana');
  const fee = await connect(created);
  const ana = await connect(anaSeat);
  const promoted = await fee.sendRaw('participant:set-role', {
    participantId: anaSeat.participantId,
    role: 'facilitator',
  });
  expect(promoted).toMatchObject({ ok: true });
  await waitUntil(
    'Ana facilitates on her device',
    () =>
      ana.mirror.current?.participants.some((p) => p.id === anaSeat.participantId && p.role === 'facilitator') === true,
  );
  return { created, fee, ana };
}

function claim(sessionId: string, facilitatorUrl: string, more: Omit<ClaimFacilitatorRequest, 'key'> = {}) {
  return fetch(`${suite.url}/api/sessions/${sessionId}/facilitator`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: facilitatorUrl.split('#key=')[1], ...more }),
  });
}

const roleOf = async (sessionId: string, participantId: string) =>
  (await suite.store.load(sessionId))?.state.participants.find((p) => p.id === participantId)?.role;

describe.each(kinds)('the facilitator seat of a $kind', ({ open }) => {
  it('cannot be demoted by a promoted co-facilitator', async () => {
    const { created, ana } = await withCoFacilitator(open);
    const ack = await ana.sendRaw('participant:set-role', {
      participantId: created.participantId,
      role: 'participant',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
    const stored = await suite.store.load(created.sessionId);
    expect(stored?.state.participants.find((p) => p.id === created.participantId)?.role).toBe('facilitator');
  });

  it('gets full facilitation back through the facilitator link, announced to every device', async () => {
    const { created, ana } = await withCoFacilitator(open);
    // A session demoted before this rule existed: the creator's seat is a participant in the stored state.
    const current = await suite.store.load(created.sessionId);
    if (!current) throw new Error('session missing');
    const demoted: KindEvent = {
      type: 'participant:role-changed',
      participantId: created.participantId,
      role: 'participant',
    };
    const next = applyEvents(current.state, [demoted]);
    expect(await suite.store.commit(created.sessionId, current.version, [demoted], next)).toMatchObject({ ok: true });

    const before = ana.batches.length;
    const response = await claim(created.sessionId, created.facilitatorUrl);
    expect(response.status).toBe(200);
    const seat = (await response.json()) as Seat;
    expect(seat.participantId).toBe(created.participantId);
    const stored = await suite.store.load(created.sessionId);
    expect(stored?.state.participants.find((p) => p.id === created.participantId)?.role).toBe('facilitator');
    // Ana's device did not see the out-of-band demotion; it must see the seat facilitate by an event.
    await waitUntil('Ana hears that the seat facilitates again', () =>
      ana.batches
        .slice(before)
        .some((b) =>
          b.events.some(
            (v) =>
              v.event.type === 'participant:role-changed' &&
              v.event.participantId === created.participantId &&
              v.event.role === 'facilitator',
          ),
        ),
    );
    const reclaimed = await connect(seat);
    expect(reclaimed.mirror.current?.participants.find((p) => p.id === created.participantId)?.role).toBe(
      'facilitator',
    );
  });

  it('asks a device that holds another seat, and changes nothing until it chooses', async () => {
    const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    const ben = await joinOverHttp(suite.url, created.sessionId, 'Ben');
    const own = { participantId: ben.participantId, token: ben.token };
    const asked = await claim(created.sessionId, created.facilitatorUrl, { seat: own });
    expect(await asked.json()).toEqual({ choose: { yourName: 'Ben', linkName: 'Fee' } });
    expect(await roleOf(created.sessionId, ben.participantId)).toBe('participant');
  });

  it('makes the own seat facilitate and keeps its token when the device chooses so', async () => {
    const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    const ben = await joinOverHttp(suite.url, created.sessionId, 'Ben');
    const own = { participantId: ben.participantId, token: ben.token };
    const response = await claim(created.sessionId, created.facilitatorUrl, { seat: own, choice: 'own-seat' });
    expect(await response.json()).toEqual({ sessionId: created.sessionId, ...own });
    expect(await roleOf(created.sessionId, ben.participantId)).toBe('facilitator');
    expect(await roleOf(created.sessionId, created.participantId)).toBe('facilitator');
    const reconnected = await connect(ben);
    expect(reconnected.mirror.current?.participants.find((p) => p.id === ben.participantId)?.role).toBe('facilitator');
  });

  it('moves the device to the link seat when it chooses so, and never asks the link seat itself', async () => {
    const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    const ben = await joinOverHttp(suite.url, created.sessionId, 'Ben');
    const moved = (await (
      await claim(created.sessionId, created.facilitatorUrl, {
        seat: { participantId: ben.participantId, token: ben.token },
        choice: 'link-seat',
      })
    ).json()) as Seat;
    expect(moved.participantId).toBe(created.participantId);
    expect(await roleOf(created.sessionId, ben.participantId)).toBe('participant');
    // The creator's own device: no question, the seat and its token stay.
    const same = await claim(created.sessionId, created.facilitatorUrl, {
      seat: { participantId: created.participantId, token: created.token },
    });
    expect(await same.json()).toEqual({
      sessionId: created.sessionId,
      participantId: created.participantId,
      token: created.token,
    });
  });

  it('treats a seat it cannot prove as none, and a wrong key as invalid whatever the seat', async () => {
    const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    const ben = await joinOverHttp(suite.url, created.sessionId, 'Ben');
    const forged = { participantId: ben.participantId, token: 'x'.repeat(32) };
    const seat = (await (
      await claim(created.sessionId, created.facilitatorUrl, { seat: forged, choice: 'own-seat' })
    ).json()) as Seat;
    expect(seat.participantId).toBe(created.participantId);
    expect(await roleOf(created.sessionId, ben.participantId)).toBe('participant');
    const wrong = await claim(created.sessionId, `x#key=${'y'.repeat(32)}`, {
      seat: { participantId: ben.participantId, token: ben.token },
      choice: 'own-seat',
    });
    expect(wrong.status).toBe(401);
    expect(await roleOf(created.sessionId, ben.participantId)).toBe('participant');
  });
});
