import { ErrorCode } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp, TestClient, waitUntil } from '../support/serverClients.ts';

const suite = integrationSuite('names');

function join(sessionId: string, name: string) {
  return fetch(`${suite.url}/api/sessions/${sessionId}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
}

async function names(sessionId: string): Promise<string[]> {
  const stored = await suite.store.load(sessionId);
  return stored?.state.participants.map((p) => p.name) ?? [];
}

describe.each([
  { kind: 'lean-coffee', open: createSessionOverHttp },
  { kind: 'team-space', open: createTeamSpaceOverHttp },
] as const)('names in a $kind', ({ open }) => {
  it('are stored in NFC without control or bidi characters, whatever was sent', async () => {
    const created = await open(suite.url, { title: 'Team\u0000\u202e', facilitatorName: 'Fee\u001b[31m' });
    const response = await join(created.sessionId, '\u202eZoe\u0308\u0000\r\n');
    expect(response.status).toBe(201);
    expect(await names(created.sessionId)).toEqual(['Fee[31m', 'Zoë']);
    expect((await suite.store.load(created.sessionId))?.state.title).toBe('Team');
  });

  it.each(['\u200b', '\u200b\u200d', ' \u0301 ', '\u2800', '\u0000\u202e'])(
    'refuses a name that shows nothing (%j) and seats nobody',
    async (name) => {
      const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
      const response = await join(created.sessionId, name);
      expect(response.status).toBe(400);
      expect(await names(created.sessionId)).toEqual(['Fee']);
    },
  );

  it('keeps names unique: the facilitator’s name, in any case or with invisible characters, is taken', async () => {
    const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    for (const name of ['Fee', 'fee', ' FEE ', 'Fe\u200be', 'Ｆｅｅ']) {
      const response = await join(created.sessionId, name);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: ErrorCode.nameTaken } });
    }
    expect(await names(created.sessionId)).toEqual(['Fee']);
  });

  it('refuses a rename to a name someone else goes by, and tells nobody anything', async () => {
    const created = await open(suite.url, { title: 'Team', facilitatorName: 'Fee' });
    const seat = (await (await join(created.sessionId, 'Ana')).json()) as Parameters<typeof TestClient.connect>[1];
    const fee = await suite.connect(created);
    const ana = await suite.connect(seat);
    await waitUntil('both online', () => fee.mirror.current?.participants.every((p) => p.online) === true);
    const before = fee.batches.length;
    const refused = await ana.sendRaw('participant:rename', { name: 'FEE' }, { commandId: 'rename-taken-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.nameTaken } });
    // Her own name in another case is still hers.
    const renamed = await ana.sendRaw('participant:rename', { name: 'ANA' }, { commandId: 'rename-own-01' });
    expect(renamed).toMatchObject({ ok: true });
    await waitUntil(
      'Fee sees the rename',
      () => fee.mirror.current?.participants.some((p) => p.name === 'ANA') === true,
    );
    expect(fee.batches.slice(before).flatMap((b) => b.events.map((v) => v.event.type))).toEqual([
      'participant:renamed',
    ]);
  });
});
