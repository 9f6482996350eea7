import { limits, type Ack, type SyncResult } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp, joinOverHttp, waitUntil } from '../support/serverClients.ts';

// A generous command budget: these tests are about the caps, not the rate.
const suite = integrationSuite('limits', { config: { rateLimits: { seat: { points: 5000, durationSec: 10 } } } });
const { connect, send } = suite;

const codeOf = (ack: Ack<unknown>) => (ack.ok ? 'ok' : ack.error.code);

describe('caps over real sockets', () => {
  it('a member cannot hold more than their share of open tensions, nor fill the backlog with many seats', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Caps', facilitatorName: 'Fee' });
    const ana = await connect(await joinOverHttp(suite.url, created.sessionId, 'Ana'));
    const tension = (title: string) =>
      ({ title, description: 'x'.repeat(limits.topicDescription), room: 'operational', anonymous: false }) as const;

    for (let i = 0; i < limits.openTensionsPerMember; i += 1) {
      expect(codeOf(await send(ana, 'tension:add', tension(`T${i}`)))).toBe('ok');
    }
    const refused = await send(ana, 'tension:add', tension('One too many'));
    expect(codeOf(refused)).toBe('limit_reached');

    // More seats only help until the space's backlog is full.
    const seatsNeeded = limits.openTensionsPerSpace / limits.openTensionsPerMember;
    const others = await Promise.all(
      Array.from({ length: seatsNeeded }, (_, i) => joinOverHttp(suite.url, created.sessionId, `Seat ${i}`)),
    );
    const sockets = await Promise.all(others.map((seat) => connect(seat)));
    const answers = await Promise.all(
      sockets.flatMap((socket, s) =>
        Array.from({ length: limits.openTensionsPerMember }, (_, i) =>
          send(socket, 'tension:add', tension(`S${s}-${i}`)),
        ),
      ),
    );
    const accepted = answers.filter((a) => a.ok).length;
    expect(accepted).toBe(limits.openTensionsPerSpace - limits.openTensionsPerMember);
    expect(answers.filter((a) => codeOf(a) === 'limit_reached')).toHaveLength(answers.length - accepted);

    const stored = await suite.store.load(created.sessionId);
    if (stored?.state.kind !== 'team-space') throw new Error('expected a team space');
    expect(stored.state.tensions.filter((t) => t.status === 'open')).toHaveLength(limits.openTensionsPerSpace);
  });

  it('a team space refuses members beyond its cap', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Full', facilitatorName: 'Fee' });
    for (let i = 1; i < limits.membersPerSpace; i += 1) await joinOverHttp(suite.url, created.sessionId, `M${i}`);
    const response = await fetch(`${suite.url}/api/sessions/${created.sessionId}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'One too many' }),
    });
    expect(response.ok).toBe(false);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('session_full');
  });

  it('one Lean Coffee participant cannot take the whole board when the session sets no limit', async () => {
    const created = await createSessionOverHttp(suite.url, { title: 'LC', facilitatorName: 'Fatma' });
    const ben = await connect(await joinOverHttp(suite.url, created.sessionId, 'Ben'));
    const answers: string[] = [];
    for (let i = 0; i <= limits.topicsPerPersonUnset; i += 1) {
      answers.push(codeOf(await send(ben, 'topic:add', { title: `Topic ${i}` })));
    }
    expect(answers.slice(0, -1).every((c) => c === 'ok')).toBe(true);
    expect(answers.at(-1)).toBe('topic_limit_reached');
  });
});

describe('session:sync', () => {
  it('sends whole snapshots to one seat only within its budget, and events whenever asked', async () => {
    const created = await createTeamSpaceOverHttp(suite.url, { title: 'Sync', facilitatorName: 'Fee' });
    const fee = await connect(created);
    // A second socket of the same seat shares the budget.
    const other = await connect(created);
    await waitUntil('both sockets synced', () => fee.mirror.version > 0 && other.mirror.version > 0);
    const kinds: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const socket = i % 2 === 0 ? fee : other;
      const ack = (await socket.sendRaw('session:sync', { sinceVersion: 0 })) as Ack<SyncResult>;
      kinds.push(ack.ok ? ack.data.kind : ack.error.code);
    }
    expect(kinds).toContain('rate_limited');
    // Two snapshots went to the connects; the rest of the budget here.
    expect(kinds.filter((k) => k === 'snapshot').length).toBeLessThanOrEqual(10);
    // Catching up from a known version is never refused.
    const events = (await fee.sendRaw('session:sync', { sinceVersion: fee.mirror.version })) as Ack<SyncResult>;
    expect(events.ok && events.data.kind).toBe('events');
  });
});
