import type { KindEvent } from '@runde/shared';
import { expect, it } from 'vitest';
import { hallOutageSuite, hallPhase } from '../support/hallOutage.ts';
import { waitUntil } from '../support/serverClients.ts';
import { leanCoffee } from '../support/serverMirror.ts';

/**
 * Issue 16 (hall bench): after a hall commit the server relays the hall's rhythm to each table
 * (`hall:relay`), and nobody waits on that write. When the store refused it, the table kept the
 * old phase until the hall's next change, which may never come. Here the private redis-server is
 * frozen (SIGSTOP) as the relay's write to the table goes out, then crashed (dropping the write it
 * never read) and restarted, as a failover would leave it.
 */
const outage = hallOutageSuite('hall-relay-outage');

const relays = (args: unknown[]) => (args[2] as KindEvent[]).some((event) => event.type === 'hall:relayed');

it('moves a table with its hall once the store is back, though the relay was refused', async () => {
  const { redis, freezing, created, seat, connect } = await outage.start();
  const organiser = await connect(created);
  const ana = await connect(seat.table);
  const table = () => leanCoffee(ana.mirror.current);
  await hallPhase(organiser, 'collect');
  await waitUntil('the table is told of the collect phase', () => table()?.hall?.phase === 'collect');

  const refused = freezing.freezeAt('commit', relays);
  await hallPhase(organiser, 'vote');
  expect(await refused).toBe(true);
  await redis.kill9();
  await redis.restart();

  await waitUntil('the table votes with its hall', () => table()?.phase === 'vote', 20_000);
  expect(table()?.hall?.phase).toBe('vote');
}, 40_000);
