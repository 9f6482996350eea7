import { limits, type Ack, type ArchivePage, type Decision, type TeamSpaceState } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp, joinOverHttp, type TestClient } from '../support/serverClients.ts';
import { openRawRedis } from '../support/serverHarness.ts';

// A decision log of 300 adopted through commands would take minutes; the space is given it directly
// in Redis (as years of meetings would have left it), and the 301st goes through real commands.
const suite = integrationSuite('decision-archive', {
  config: { rateLimits: { seat: { points: 5000, durationSec: 10 } } },
});
const { connect, run } = suite;

/** The old cap: a space with this many decisions could adopt nothing more before decisions were archived. */
const OLD_CAP = 300;

const decision = (number: number): Decision => ({
  id: `d_gen_${number}`,
  number,
  tensionId: `t_gen_${number}`,
  title: `Rule ${number}`,
  text: `Text of rule ${number}`,
  adoptedAt: 1_700_000_000_000 + number,
  meetingId: 'mt_gen',
  present: ['Fee', 'Ana'],
});

/** Replaces the stored snapshot with `state` one version later, so every node's cached copy is stale. */
async function rewriteStored(sessionId: string, state: TeamSpaceState): Promise<void> {
  const raw = await openRawRedis();
  try {
    const key = `${suite.prefix}{${sessionId}}:session`;
    const version = Number(await raw.hGet(key, 'version')) + 1;
    await raw.hSet(key, { state: JSON.stringify(state), version: String(version), snapshot: String(version) });
  } finally {
    await raw.quit();
  }
}

async function page(client: TestClient, request: unknown): Promise<Ack<ArchivePage>> {
  return (await client.sendRaw('archive:page', request)) as Ack<ArchivePage>;
}

describe('the decision log past decisionsKept and past the old cap', () => {
  it('adopts a 301st decision and returns the oldest live one from the archive with its number once the meeting ends', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Beschlüsse', facilitatorName: 'Fee' });
    const anaSeat = await joinOverHttp(suite.url, created.sessionId, 'Ana');
    const stored = await suite.store.load(created.sessionId);
    if (stored?.state.kind !== 'team-space') throw new Error('team space missing');
    const kept = Array.from({ length: limits.decisionsKept }, (_, i) =>
      decision(OLD_CAP - limits.decisionsKept + 1 + i),
    );
    await rewriteStored(created.sessionId, { ...stored.state, decisions: kept, decisionsAdopted: OLD_CAP });

    const fee = await connect(created);
    const ana = await connect(anaSeat);
    const clients = new Map([
      [fee.seat.participantId, fee],
      [ana.seat.participantId, ana],
    ]);
    expect(fee.mirror.space?.decisions.map((d) => d.number)).toEqual(kept.map((d) => d.number));

    // One governance tension through integrative decision-making to adoption.
    await run(ana, 'tension:add', { title: 'Who signs grants', description: '', room: 'governance', anonymous: false });
    const tensionId = ana.mirror.space?.tensions.find((t) => t.title === 'Who signs grants')?.id;
    if (!tensionId) throw new Error('tension missing');
    await run(fee, 'meeting:start', { room: 'governance' });
    while (fee.mirror.space?.meeting?.stage !== 'tensions') await run(fee, 'meeting:advance', {});
    await run(fee, 'tension:start', { tensionId });
    await run(ana, 'proposal:set', { proposal: 'The lead signs.' });
    for (let i = 0; i < 4; i += 1) await run(fee, 'process:advance', {});
    for (;;) {
      const round = fee.mirror.space?.meeting?.round;
      const speaker = round?.order[round.index];
      if (!speaker) break;
      const client = clients.get(speaker);
      if (!client) throw new Error(`no client for ${speaker}`);
      await run(client, 'objection:none', {});
    }
    await run(fee, 'process:advance', {});

    const adopted = fee.mirror.space?.decisions.at(-1);
    expect(adopted).toMatchObject({ number: OLD_CAP + 1, text: 'The lead signs.' });
    expect(fee.mirror.space?.decisionsAdopted).toBe(OLD_CAP + 1);
    // While the meeting runs, its decision and every kept one stay live.
    expect(fee.mirror.space?.decisions).toHaveLength(limits.decisionsKept + 1);

    await run(fee, 'tension:close', { gotWhatNeeded: null });
    await run(fee, 'meeting:end', {});
    const live = ana.mirror.space;
    expect(live?.decisions).toHaveLength(limits.decisionsKept);
    expect(live?.decisions.map((d) => d.number)).not.toContain(kept[0]!.number);
    expect(live?.decisions.at(-1)?.number).toBe(OLD_CAP + 1);
    // The minutes of the meeting still point at its decision.
    expect(live?.meetings.at(-1)?.processed[0]?.decisionId).toBe(adopted?.id);

    const archived = await page(ana, { kind: 'decision', limit: 20 });
    expect(archived).toMatchObject({ ok: true, data: { next: null } });
    expect(archived.ok && archived.data.entries).toEqual([
      { kind: 'decision', seq: 1, archivedAt: expect.any(Number), item: kept[0] },
    ]);
  });
});
