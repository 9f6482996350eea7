import { limits, type Ack, type ArchivePage } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp, joinOverHttp, type TestClient } from '../support/serverClients.ts';
import { parseFrame, pathsOf } from '../support/serverFrames.ts';

// A generous command budget: these tests run a year of meetings, not a flood.
const suite = integrationSuite('archive', { config: { rateLimits: { seat: { points: 5000, durationSec: 10 } } } });
const { connect, run } = suite;

async function page(client: TestClient, request: unknown): Promise<Ack<ArchivePage>> {
  return (await client.sendRaw('archive:page', request)) as Ack<ArchivePage>;
}

/** Adds a tension and withdraws it at once: a closed tension, as many as it takes to trim the oldest. */
async function closedTension(client: TestClient, title: string, anonymous: boolean): Promise<string> {
  await run(client, 'tension:add', { title, description: '', room: 'operational', anonymous });
  const id = client.mirror.space?.tensions.find((t) => t.title === title)?.id;
  if (!id) throw new Error('tension missing');
  await run(client, 'tension:withdraw', { tensionId: id });
  return id;
}

describe('the team-space archive over real sockets and Redis', () => {
  it('returns the oldest meeting and tension after the live state let them go, never revealing an anonymous author', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Archiv', facilitatorName: 'Fee' });
    const fee = await connect(created);
    const ana = await connect(await joinOverHttp(suite.url, created.sessionId, 'Ana'));
    const ben = await connect(await joinOverHttp(suite.url, created.sessionId, 'Ben'));
    const anaId = ana.seat.participantId;

    // Ana's anonymous tension is the first to close, so the first to leave the live state.
    const anonymous = await closedTension(ana, 'Who broke the build', true);
    for (let i = 0; i < limits.closedTensionsKept; i += 1) await closedTension(fee, `Filler ${i}`, false);
    const meetingIds: string[] = [];
    for (let i = 0; i <= limits.meetingsKept; i += 1) {
      await run(fee, 'meeting:start', { room: 'operational' });
      const id = fee.mirror.space?.meeting?.id;
      if (!id) throw new Error('meeting missing');
      meetingIds.push(id);
      await run(fee, 'meeting:end', {});
    }
    const live = fee.mirror.space;
    expect(live?.meetings.map((m) => m.id)).not.toContain(meetingIds[0]);
    expect(live?.tensions.map((t) => t.id)).not.toContain(anonymous);

    const meetings = await page(ben, { kind: 'meeting', limit: 20 });
    expect(meetings).toMatchObject({ ok: true, data: { next: null } });
    expect(meetings.ok && meetings.data.entries.map((e) => e.item.id)).toEqual([meetingIds[0]]);

    const frameCount = ben.frames.length;
    const tensions = await page(ben, { kind: 'tension', limit: 20 });
    expect(tensions.ok && tensions.data.entries.map((e) => [e.item.id, e.kind])).toEqual([[anonymous, 'tension']]);
    expect(tensions.ok && tensions.data.entries[0]?.item).toMatchObject({ anonymous: true, authorId: null });
    // The raw frames of the archive answers: Ana's id appears nowhere in them, wherever the protocol might put it.
    const answers = ben.frames.slice(frameCount).filter((frame) => frame.includes('"entries"'));
    expect(answers.length).toBeGreaterThan(0);
    for (const frame of answers) expect(pathsOf(parseFrame(frame), anaId)).toEqual([]);
    // Ana herself still sees that the tension was hers, as in the live view.
    const own = await page(ana, { kind: 'tension', limit: 20 });
    expect(own.ok && own.data.entries[0]?.item).toMatchObject({ authorId: anaId });
  });

  it('refuses a malformed or oversized page request with a typed error', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Archiv', facilitatorName: 'Fee' });
    const fee = await connect(created);
    for (const request of [
      { kind: 'meeting', limit: 21 },
      { kind: 'vote', limit: 5 },
      { kind: 'meeting', limit: 5, before: 0 },
      { kind: 'meeting', limit: 5, extra: true },
    ]) {
      expect(await page(fee, request)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await page(fee, { kind: 'meeting', limit: 5 })).toEqual({ ok: true, data: { entries: [], next: null } });
  });
});
