import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { anaTwiceAndBen } from '../support/seatMergeSeats.ts';

const suite = integrationSuite('seat-merge-privacy', {
  config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
});
const { run, send, convergedTeamSpace } = suite;

/**
 * A facilitator may not merge another person's seat into their own (nor their own into another's):
 * the seat that stays would hold the other's personal-room content, and the acting device proves
 * that seat. Fee tries both ways; the server refuses, nothing is broadcast, and no frame to Fee
 * ever carries Ana's private title. Ben, who holds neither seat, may merge Ana's two seats.
 */
describe('merging seats and personal-room content', () => {
  it('refuses a merge that would show the facilitator personal content, over real sockets', async () => {
    const { created, fee, ana, phone, ben, all } = await anaTwiceAndBen(suite, 'Jugendhilfeplanung');
    const [anaId, phoneId, benId] = [ana.seat.participantId, phone.seat.participantId, ben.seat.participantId];
    const feeId = created.participantId;
    await run(fee, 'participant:set-role', { participantId: benId, role: 'facilitator' });
    await run(ana, 'tension:add', { title: 'Ana-secret-worry', description: '', room: 'individual', anonymous: false });
    await run(phone, 'tension:add', { title: 'Handy-secret', description: '', room: 'relationship', anonymous: false });
    await convergedTeamSpace(created.sessionId, all);

    const versionBefore = fee.mirror.version;
    const framesBefore = ben.frames.length;
    for (const [from, into] of [
      [anaId, feeId],
      [phoneId, feeId],
    ] as const) {
      const refused = await send(fee, 'space:merge-members', { from, into });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/personal-room content/);
    }
    // Ben facilitates too: his own seat into Ana's is refused as well (his device would then read her room).
    const own = await send(ben, 'space:merge-members', { from: benId, into: anaId });
    expect(own).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await convergedTeamSpace(created.sessionId, all);
    expect(fee.mirror.version).toBe(versionBefore);
    expect(ben.frames.slice(framesBefore).filter((f) => f.includes('space:events'))).toEqual([]);

    // Ben holds neither of Ana's seats: he may merge them, and Fee's copy stays masked.
    await run(ben, 'space:merge-members', { from: phoneId, into: anaId });
    // The phone's device is told and reconnects as Ana: the others are compared.
    const after = await convergedTeamSpace(created.sessionId, [fee, ana, ben]);
    expect(fee.mirror.space?.participants.map((p) => p.id)).not.toContain(phoneId);
    expect(after.tensions.map((t) => t.authorId)).toEqual([anaId, anaId]);
    for (const secret of ['Ana-secret-worry', 'Handy-secret']) {
      expect(fee.frames.filter((f) => f.includes(secret))).toEqual([]);
      expect(ben.frames.filter((f) => f.includes(secret))).toEqual([]);
    }
  });
});
