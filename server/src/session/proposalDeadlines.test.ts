import { createSession, createTeamSpace, type TeamSpaceState } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { randomIds } from '../ids.ts';
import { createLogger } from '../logger.ts';
import type { ProposalDeadlineOutcome } from '../metrics/appMetrics.ts';
import { MemorySessionStore } from '../store/memorySessionStore.ts';
import { CommandRunner } from './commandRunner.ts';
import { ProposalDeadlines } from './proposalDeadlines.ts';
import { stateFromEvents } from './stateFromEvents.ts';

const DAY_MS = 86_400_000;

/** The embedded store, a runner and a scheduler wired as `createApp` wires them, on a clock the test moves. */
function setUp() {
  let now = Date.UTC(2027, 2, 1, 8);
  const clock = () => now;
  const store = new MemorySessionStore({ retentionMs: 60_000, clock });
  const outcomes: ProposalDeadlineOutcome[] = [];
  const runner: CommandRunner = new CommandRunner({
    store,
    clock,
    ids: randomIds,
    logger: createLogger('silent'),
    publish: () => undefined,
    committed: (commit) => deadlines.committed(commit),
  });
  const deadlines = new ProposalDeadlines({
    store,
    runner,
    clock,
    logger: createLogger('silent'),
    onRun: (outcome) => outcomes.push(outcome),
  });
  const ctx = () => ({ now, newId: randomIds.newId });
  return {
    store,
    runner,
    deadlines,
    outcomes,
    setNow: (ms: number) => (now = ms),
    async teamSpace(id: string) {
      const events = createTeamSpace({ id, title: 'Kita', facilitatorName: 'Fee' }, ctx());
      const state = stateFromEvents(events) as TeamSpaceState;
      await store.create(id, { events, state, tokens: [], facilitatorKeys: [] });
      return { id: state.participants[0]?.id ?? '' };
    },
    async leanCoffee(id: string) {
      const events = createSession({ id, title: 'LC', facilitatorName: 'Fee', settings: {} }, ctx());
      await store.create(id, { events, state: stateFromEvents(events), tokens: [], facilitatorKeys: [] });
    },
  };
}

describe('ProposalDeadlines on the embedded store', () => {
  it('records a published window, closes it once when due, and forgets it then', async () => {
    const { store, runner, deadlines, outcomes, setNow, teamSpace } = setUp();
    const fee = await teamSpace('SPACE1');
    const published = await runner.run(
      'SPACE1',
      { kind: 'participant', id: fee.id },
      {
        type: 'proposal:publish',
        title: 'Regel',
        text: 'Wir starten pünktlich.',
        changes: [],
      },
    );
    expect(published.ok).toBe(true);
    await deadlines.idle();
    const loaded = await store.load('SPACE1');
    const closesAt = loaded?.state.kind === 'team-space' ? (loaded.state.proposals[0]?.closesAt ?? 0) : 0;
    expect(await store.dueProposalDeadlines(closesAt - 1, 20)).toEqual([]);
    expect(await store.dueProposalDeadlines(closesAt, 20)).toEqual(['SPACE1']);

    setNow(closesAt - 1);
    await deadlines.poll();
    expect(outcomes).toEqual([]);
    setNow(closesAt);
    await deadlines.poll();
    await deadlines.idle();
    expect(outcomes).toEqual(['closed']);
    expect(await store.dueProposalDeadlines(closesAt + DAY_MS, 20)).toEqual([]);
    await deadlines.poll();
    expect(outcomes).toEqual(['closed']);
    const after = await store.load('SPACE1');
    expect(after?.state.kind === 'team-space' && after.state.proposals[0]?.status).toBe('adopted');
  });

  it('corrects a stale entry from the state and drops entries of sessions that are gone or hold no proposals', async () => {
    const { store, deadlines, outcomes, setNow, teamSpace, leanCoffee } = setUp();
    await teamSpace('STALE1');
    await leanCoffee('LEAN01');
    const now = Date.UTC(2027, 5, 1);
    setNow(now);
    // An entry a late write left behind for a space with no open proposal; one for a space that
    // is gone; one for a Lean Coffee (which has no proposals).
    await store.setProposalDeadline('STALE1', 0, now - 1);
    await store.setProposalDeadline('GONE01', 0, now - 1);
    await store.setProposalDeadline('LEAN01', 0, now - 1);
    await deadlines.poll();
    expect(outcomes).toEqual(['nothing-due', 'nothing-due', 'nothing-due']);
    expect(await store.dueProposalDeadlines(Number.MAX_SAFE_INTEGER, 20)).toEqual([]);
  });

  it('takes at most a batch per poll, earliest first', async () => {
    const { store, runner, setNow, teamSpace } = setUp();
    const due: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const id = `BATCH${i}`;
      await teamSpace(id);
      await store.setProposalDeadline(id, 0, 1_000 + i);
      due.push(id);
    }
    setNow(10_000);
    const small = new ProposalDeadlines({
      store,
      runner,
      clock: () => 10_000,
      logger: createLogger('silent'),
      batch: 2,
    });
    await small.poll();
    // The two earliest were seen (and found nothing open); the other three wait for the next poll.
    expect(await store.dueProposalDeadlines(10_000, 20)).toEqual(due.slice(2));
  });
});
