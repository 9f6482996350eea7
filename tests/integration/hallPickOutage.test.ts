import type { KindEvent } from '@runde/shared';
import { expect, it } from 'vitest';
import { hallOutageSuite, hallPhase } from '../support/hallOutage.ts';
import { okVersion, waitUntil } from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 16 (hall bench): a table host's highlighted takeaway is copied to the hall by the server
 * (`hall:record-pick`), and nobody waits on that write. When the store refused it, the hall never
 * had the pick, so the harvest missed the table. Here the private redis-server is frozen (SIGSTOP)
 * as the hall's write goes out, then crashed (dropping the write it never read) and restarted, as
 * a failover would leave it.
 */
const outage = hallOutageSuite('hall-pick-outage');

const recordsPick = (args: unknown[]) => (args[2] as KindEvent[]).some((event) => event.type === 'hall:pick-recorded');

it("copies a host's pick to the hall once the store is back, though the copy was refused", async () => {
  const { redis, freezing, created, seat, connect } = await outage.start();
  const organiser = await connect(created);
  const host = await connect(seat.table);
  const table = () => leanCoffee(host.mirror.current);
  okVersion(await host.send('topic:add', { title: 'Onboarding', description: '' }));
  const topicId = table()?.topics[0]?.id ?? '';
  await hallPhase(organiser, 'discuss');
  await waitUntil('the table discusses', () => table()?.phase === 'discuss');
  okVersion(await host.send('discussion:start', { topicId }));
  okVersion(await host.send('outcome:add', { topicId, kind: 'takeaway', text: 'Pair new people up' }));
  const outcomeId = table()?.outcomes[0]?.id ?? '';

  const refused = freezing.freezeAt('commit', recordsPick);
  okVersion(await host.send('takeaway:highlight', { outcomeId }));
  expect(await refused).toBe(true);
  await redis.kill9();
  await redis.restart();

  const picks = () => (organiser.mirror.current?.kind === 'hall' ? organiser.mirror.current.picks : []);
  await waitUntil('the organiser sees the pick', () => picks().some((p) => p.table === 1), 20_000);
  expect(picks().map((p) => p.text)).toEqual(['Pair new people up']);
}, 40_000);
