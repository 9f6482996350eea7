import { expect, it } from 'vitest';
import { hallOutageSuite } from '../support/hallOutage.ts';
import { okVersion, waitUntil } from '../support/serverClients.ts';

/**
 * Issue 16 (hall bench): a table's summary is written by the server after the table's commit, and
 * nobody waits on it; when the store refused it, the organiser's overview stayed stale for a table
 * that never committed again. Here the private redis-server is frozen (SIGSTOP) just as the summary
 * write is sent, so the store gives up on it (no answer within its call limit); then it is crashed,
 * dropping the write it never read, and restarted, as a failover would leave it.
 */
const outage = hallOutageSuite('hall-summary-outage');

it('writes a table summary the store refused once the store is back', async () => {
  const { redis, store: hallStore, freezing, created, seat, connect } = await outage.start();
  const hallId = created.sessionId;
  const ana = await connect(seat.table);
  const summaryOfTable = async () => (await hallStore.hallTableSummaries(hallId)).tables.find((t) => t.table === 1);
  await waitUntil('the overview holds Ana online', async () => (await summaryOfTable())?.online === 1);

  const refused = freezing.freezeAt('putHallTableSummary');
  const version = okVersion(await ana.send('topic:add', { title: 'Asked during the outage' }));
  expect(await refused).toBe(true);
  await redis.kill9();
  await redis.restart();

  await waitUntil(
    'the overview holds the table as committed',
    async () => {
      const summary = await summaryOfTable().catch(() => undefined);
      return summary?.version === version;
    },
    20_000,
  );
  expect((await summaryOfTable())?.topics).toBe(1);
}, 40_000);
