import { applyAnyAll, ErrorCode, type AnyEvent, type ClaimFacilitatorResponse } from '@runde/shared';
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

function claim(sessionId: string, facilitatorUrl: string) {
  return fetch(`${suite.url}/api/sessions/${sessionId}/facilitator`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: facilitatorUrl.split('#key=')[1] }),
  });
}

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
    const demoted: AnyEvent = {
      type: 'participant:role-changed',
      participantId: created.participantId,
      role: 'participant',
    };
    const next = applyAnyAll(current.state, [demoted]);
    expect(await suite.store.commit(created.sessionId, current.version, [demoted], next)).toMatchObject({ ok: true });

    const before = ana.batches.length;
    const response = await claim(created.sessionId, created.facilitatorUrl);
    expect(response.status).toBe(200);
    const seat = (await response.json()) as ClaimFacilitatorResponse;
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
});
