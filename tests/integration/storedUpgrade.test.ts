import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createTeamSpaceOverHttp, joinOverHttp } from '../support/serverClients.ts';
import { openRawRedis } from '../support/serverHarness.ts';

// A team space lasts years and outlives releases. One stored before personal-room privacy has no
// `readers` on its tensions and records and none in its logged events; it must still open, and its
// personal content must still be masked, not sent to everyone nor crash every snapshot.
const suite = integrationSuite('stored-upgrade');
const { connect, run } = suite;

/** Removes every `readers` and `shownTo` key, wherever it sits, as an earlier release wrote them. */
function asWrittenBefore(json: string): string {
  return JSON.stringify(JSON.parse(json), (key, value: unknown) =>
    key === 'readers' || key === 'shownTo' ? undefined : value,
  );
}

describe('a team space stored by an earlier release', () => {
  it('opens for its members, masks its personal tensions, and catches up by snapshot', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Team', facilitatorName: 'Ana' });
    const ben = await joinOverHttp(suite.url, created.sessionId, 'Ben');
    const ana = await connect(created);
    const since = ana.mirror.version;
    await run(ana, 'tension:add', {
      title: 'Old-private-conflict',
      description: '',
      room: 'relationship',
      anonymous: false,
    });
    await run(ana, 'tension:add', { title: 'Old-open-topic', description: '', room: 'operational', anonymous: false });
    ana.close();

    // Rewrite the stored snapshot and every logged event into the old shape.
    const raw = await openRawRedis();
    try {
      const sessionKey = `${suite.prefix}{${created.sessionId}}:session`;
      const eventsKey = `${suite.prefix}{${created.sessionId}}:events`;
      const state = await raw.hGet(sessionKey, 'state');
      await raw.hSet(sessionKey, 'state', asWrittenBefore(state ?? ''));
      const events = await raw.lRange(eventsKey, 0, -1);
      expect(events.some((e) => e.includes('"readers"'))).toBe(true);
      await raw.del(eventsKey);
      await raw.rPush(eventsKey, events.map(asWrittenBefore));
    } finally {
      await raw.quit();
    }

    const stored = await suite.store.load(created.sessionId);
    expect(stored?.state.kind).toBe('team-space');

    const member = await connect(ben);
    const titles = member.mirror.space?.tensions.map((t) => t.title);
    expect(titles).toContain('Old-open-topic');
    expect(member.frames.join('\n')).not.toContain('Old-private-conflict');

    // Catching up from before the old events gives a snapshot, never old events to mask.
    expect(await suite.store.eventsSince(created.sessionId, since)).toBeNull();
    // The holder still reads her own, and the space takes new commands.
    const holder = await connect(created);
    expect(holder.mirror.space?.tensions.map((t) => t.title)).toContain('Old-private-conflict');
    const version = await run(holder, 'tension:add', {
      title: 'New',
      description: '',
      room: 'operational',
      anonymous: false,
    });
    expect(version).toBeGreaterThan(since);
  });
});
