import {
  currentSpeaker,
  limits,
  loopViewFor,
  type Ack,
  type ArchivePage,
  type SeatEndedNotice,
  type TeamSpaceState,
} from '@runde/shared';
import { itemCounts } from '@runde/shared/testing';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import type { TestClient } from '../support/serverClients.ts';
import { anaTwiceAndBen } from '../support/seatMergeSeats.ts';
import { parseFrame, pathsOf } from '../support/serverFrames.ts';

const suite = integrationSuite('seat-merge', {
  config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
});
const { run, send, convergedTeamSpace: converged } = suite;

/** Everything that ever named a seat, as ids: how many items name `ids` in each place. */
const namedBy = (s: TeamSpaceState, ids: readonly string[]) => ({
  authored: s.tensions.filter((t) => t.authorId !== null && ids.includes(t.authorId)).length,
  owns: s.actions.filter((a) => a.ownerId !== null && ids.includes(a.ownerId)).length,
  attended: s.meetings.filter((m) => m.attendees.some((id) => ids.includes(id))).length,
  responded: s.proposals.filter((p) => p.responses.some((r) => ids.includes(r.by))).length,
});

/** Runs a governance meeting on `tensionId` with `proposer`'s proposal until it is adopted, and ends it. */
async function adoptInMeeting(fee: TestClient, proposer: TestClient, tensionId: string, all: TestClient[]) {
  await run(fee, 'meeting:start', { room: 'governance' });
  while (fee.mirror.space?.meeting?.stage !== 'tensions') await run(fee, 'meeting:advance', {});
  await run(fee, 'tension:start', { tensionId, proposerId: proposer.seat.participantId });
  await run(proposer, 'proposal:set', { proposal: 'Budget-rule: ask above 500 EUR.' });
  while (fee.mirror.space?.meeting?.process?.step !== 'adopted') {
    const meeting = fee.mirror.space?.meeting;
    const speaker = currentSpeaker(meeting?.round ?? null);
    const device = meeting?.process?.step === 'objection' && all.find((c) => c.seat.participantId === speaker);
    if (device) await run(device, 'objection:none', {});
    else await run(fee, 'process:advance', {});
  }
  await run(fee, 'tension:close', { gotWhatNeeded: true });
  await run(fee, 'meeting:end', {});
}

describe('merging two seats of one person', () => {
  it('moves everything to the kept seat; the merged seat’s device is told, reconnects and acts as it', async () => {
    const { created, fee, ana, phone, ben, all } = await anaTwiceAndBen(suite, 'Jugendhilfeplanung');
    const [keptId, goneId] = [ana.seat.participantId, phone.seat.participantId];

    // Both of Ana's seats hold tensions; the phone's seat is given an action in a sync meeting with a check-in.
    await run(ana, 'tension:add', { title: 'Printer', description: '', room: 'operational', anonymous: false });
    await run(phone, 'tension:add', { title: 'Keys', description: '', room: 'operational', anonymous: true });
    await run(phone, 'tension:add', { title: 'Budget', description: '', room: 'governance', anonymous: false });
    await run(phone, 'tension:add', { title: 'Private-worry', description: '', room: 'individual', anonymous: false });
    const idOf = (title: string) => phone.mirror.space?.tensions.find((t) => t.title === title)?.id ?? '';
    const keys = idOf('Keys');
    await run(fee, 'meeting:start', { room: 'operational' });
    await run(fee, 'round:start', { kind: 'checkin' });
    while (fee.mirror.space?.meeting?.round?.index !== fee.mirror.space?.meeting?.round?.order.length) {
      await run(fee, 'round:next', {});
    }
    while (fee.mirror.space?.meeting?.stage !== 'tensions') await run(fee, 'meeting:advance', {});
    await run(fee, 'tension:start', { tensionId: keys });
    await run(fee, 'tension:outcome', {
      outcome: { type: 'next-action', text: 'Copy keys', ownerId: goneId, ownerName: null, due: null },
    });
    await run(fee, 'tension:close', { gotWhatNeeded: true });
    await run(fee, 'meeting:end', {});
    // A decision on the phone seat's proposal, and a proposal between meetings both seats answered.
    await adoptInMeeting(fee, phone, idOf('Budget'), all);
    await run(ben, 'proposal:publish', { title: 'Role', text: 'A new role.', changes: [] });
    const proposalId = ben.mirror.space?.proposals[0]?.id ?? '';
    await run(ana, 'proposal:respond', { proposalId, objection: null });
    await run(phone, 'proposal:respond', { proposalId, objection: null });
    const before = await converged(created.sessionId, all);
    expect(namedBy(before, [goneId])).toMatchObject({ owns: 1, attended: 2, responded: 1 });
    expect(before.decisions).toHaveLength(1);

    // The phone hears that its seat ended because of the merge, then the server closes its socket.
    const notices: SeatEndedNotice[] = [];
    phone.socket.on('seat:ended', (notice) => notices.push(notice));
    const closed = new Promise<string>((resolve) => phone.socket.once('disconnect', resolve));
    await run(fee, 'space:merge-members', { from: goneId, into: keptId });
    expect(await closed).toBe('io server disconnect');
    expect(notices).toEqual([{ reason: 'merged', into: keptId }]);

    const after = await converged(created.sessionId, [fee, ana, ben]);
    expect(itemCounts(after)).toEqual(itemCounts(before));
    expect(namedBy(after, [keptId])).toEqual(namedBy(before, [keptId, goneId]));
    expect(after.decisions).toEqual(before.decisions);
    // Nothing but the record of the merge (the archive's reading list) names the seat that went.
    expect(JSON.stringify({ ...after, mergedSeats: [] })).not.toContain(goneId);
    expect(after.mergedSeats).toEqual([{ from: goneId, into: keptId }]);

    // The same token now proves the kept seat: the phone reconnects, refreshes (it reads more now) and acts as Ana.
    await phone.reconnect();
    await phone.mirror.refresh();
    expect(phone.mirror.you).toBe(keptId);
    await run(phone, 'tension:add', {
      title: 'From-the-phone',
      description: '',
      room: 'operational',
      anonymous: false,
    });
    // Ana's laptop got the merge as an event, which cannot carry what her other seat could read: it refreshes too.
    const privateId = before.tensions.find((t) => t.title === 'Private-worry')?.id;
    expect(ana.mirror.space?.tensions.find((t) => t.id === privateId)?.title).toBe('');
    await ana.mirror.refresh();
    const last = await converged(created.sessionId, all);
    expect(last.tensions.find((t) => t.title === 'From-the-phone')?.authorId).toBe(keptId);
    for (const device of [ana, phone]) {
      expect(device.mirror.space).toEqual(loopViewFor(last, { participantId: keptId }));
      expect(device.mirror.space?.tensions.find((t) => t.id === privateId)?.title).toBe('Private-worry');
    }
    expect(last.participants.find((p) => p.id === keptId)?.online).toBe(true);
    // One seat on two devices now: the phone's device moved into Ana's list.
    const devices = await ana.sendRaw('seat:devices', {});
    expect(devices).toMatchObject({ ok: true, data: { devices: [expect.anything(), expect.anything()] } });
    // The seat that went is gone for good.
    const again = await send(fee, 'space:merge-members', { from: goneId, into: keptId });
    expect(again.ok ? 'ok' : again.error.code).toBe('not_found');
  });

  it('reads the archive as the seats are today: the kept seat owns what the merged one archived', async () => {
    const { fee, ana, phone, ben } = await anaTwiceAndBen(suite, 'Archiv');
    const [keptId, goneId] = [ana.seat.participantId, phone.seat.participantId];
    // The phone seat's anonymous tension closes first, so it is the first to leave the live state.
    await run(phone, 'tension:add', {
      title: 'Who broke the build',
      description: '',
      room: 'operational',
      anonymous: true,
    });
    const tensionId = phone.mirror.space?.tensions.find((t) => t.title === 'Who broke the build')?.id ?? '';
    await run(phone, 'tension:withdraw', { tensionId });
    for (let i = 0; i < limits.closedTensionsKept; i += 1) {
      await run(fee, 'tension:add', { title: `Filler ${i}`, description: '', room: 'operational', anonymous: false });
      const id = fee.mirror.space?.tensions.find((t) => t.title === `Filler ${i}`)?.id ?? '';
      await run(fee, 'tension:withdraw', { tensionId: id });
    }
    expect(fee.mirror.space?.tensions.map((t) => t.id)).not.toContain(tensionId);
    await run(fee, 'space:merge-members', { from: goneId, into: keptId });

    const page = async (client: TestClient) =>
      (await client.sendRaw('archive:page', { kind: 'tension', limit: 20 })) as Ack<ArchivePage>;
    // Ana's own anonymous tension, archived under the seat that went, is hers in her copy.
    expect(await page(ana)).toMatchObject({
      ok: true,
      data: { entries: [{ item: { id: tensionId, authorId: keptId } }] },
    });
    // Ben's copy names nobody, and no frame he got names the seat that went.
    const before = ben.frames.length;
    expect(await page(ben)).toMatchObject({
      ok: true,
      data: { entries: [{ item: { id: tensionId, authorId: null } }] },
    });
    for (const frame of ben.frames.slice(before)) expect(pathsOf(parseFrame(frame), goneId)).toEqual([]);
  });
});
