import { loopViewFor } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp, joinOverHttp, waitUntil } from '../support/serverClients.ts';
import { parseFrame, pathsOf } from '../support/serverFrames.ts';

const suite = integrationSuite('personal-rooms', {
  config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
});
const { connect, run, convergedTeamSpace: converged } = suite;

/** Where a word occurs in the frames a device received, as paths into the parsed frames. */
function whereIn(frames: readonly string[], word: string): string[] {
  return frames.flatMap((frame, i) =>
    frame.includes(word) ? [`frame ${i}: ${pathsOf(parseFrame(frame), word).join(', ') || 'inside a string'}`] : [],
  );
}

describe('personal-room content', () => {
  it('never reaches a member who was not present: connected before, catching up after, or joining later', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Jugendhilfeplanung', facilitatorName: 'Fee' });
    const [anaSeat, benSeat, cemSeat] = await Promise.all(
      ['Ana', 'Ben', 'Cem'].map((name) => joinOverHttp(suite.url, created.sessionId, name)),
    );
    const fee = await connect(created);
    const ana = await connect(anaSeat!);
    const ben = await connect(benSeat!);
    const cem = await connect(cemSeat!);
    const all = [fee, ana, ben, cem];
    await waitUntil('everyone online', () => all.every((c) => c.mirror.space?.participants.every((p) => p.online)));

    // Ana brings a relationship tension while Cem is connected: he is in no meeting of that room.
    const secrets = ['Conflict-with-Ben', 'I-feel-unheard', 'Weekly-walk-agreed', 'Individual-growth'];
    await run(ana, 'tension:add', { title: 'Draft', description: '', room: 'relationship', anonymous: false });
    const tensionId = ana.mirror.space?.tensions.find((t) => t.title === 'Draft')?.id ?? '';
    await run(ana, 'tension:edit', { tensionId, title: secrets[0]!, description: secrets[1]! });
    await run(ben, 'tension:add', { title: secrets[3]!, description: '', room: 'individual', anonymous: true });
    const shared = await run(ben, 'tension:add', {
      title: 'Shared-with-the-team',
      description: '',
      room: 'relationship',
      anonymous: false,
    });
    await converged(created.sessionId, all);
    const sharedId = ben.mirror.space?.tensions.find((t) => t.title === 'Shared-with-the-team')?.id ?? '';
    expect(shared).toBeGreaterThan(0);

    // Cem goes; the relationship meeting runs without him.
    cem.close();
    await waitUntil(
      'Cem shows offline',
      () => fee.mirror.space?.participants.some((p) => p.id === cemSeat!.participantId && !p.online) === true,
    );
    await run(fee, 'meeting:start', { room: 'relationship' });
    while (fee.mirror.space?.meeting?.stage !== 'tensions') await run(fee, 'meeting:advance', {});
    await run(fee, 'tension:start', { tensionId });
    await run(fee, 'tension:agreement', { agreement: secrets[2]! });
    await run(fee, 'tension:close', { gotWhatNeeded: null });
    await run(fee, 'tension:start', { tensionId: sharedId });
    await run(fee, 'tension:agreement', { agreement: 'Shared-agreement' });
    await run(fee, 'tension:set-shareable', { tensionId: sharedId, shareable: true });
    await run(fee, 'tension:close', { gotWhatNeeded: null });
    await run(fee, 'meeting:end', {});
    const present = [fee, ana, ben];
    await converged(created.sessionId, present);

    // Cem comes back (catching up by events), asks again from the start of the log and from
    // scratch; Dora joins the team after the meeting.
    await cem.reconnect();
    expect(cem.syncKinds.at(-1)).toBe('events');
    expect(await cem.sendRaw('session:sync', { sinceVersion: 1 })).toMatchObject({
      ok: true,
      data: { kind: 'events' },
    });
    expect(await cem.sendRaw('session:sync', { sinceVersion: 0 })).toMatchObject({
      ok: true,
      data: { kind: 'snapshot' },
    });
    const dora = await connect(await joinOverHttp(suite.url, created.sessionId, 'Dora'));
    // And pushes after the meeting reach them too.
    await run(ana, 'tension:add', { title: 'Later-private', description: '', room: 'relationship', anonymous: false });
    const everyone = [...present, cem, dora];
    const state = await converged(created.sessionId, everyone);

    for (const absent of [cem, dora]) {
      expect(absent.frames.length).toBeGreaterThan(0);
      for (const word of [...secrets, 'Later-private']) expect(whereIn(absent.frames, word), word).toEqual([]);
      // What was marked shareable reaches them.
      expect(whereIn(absent.frames, 'Shared-agreement')).not.toEqual([]);
      expect(absent.mirror.space).toEqual(loopViewFor(state, { participantId: absent.seat.participantId }));
    }
    // Positive control: those present got it, each in their own copy.
    for (const client of present) {
      expect(whereIn(client.frames, secrets[2]!)).not.toEqual([]);
      expect(client.mirror.space).toEqual(loopViewFor(state, { participantId: client.seat.participantId }));
    }
  });
});
