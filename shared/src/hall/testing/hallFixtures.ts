import { kindHarness, testContext } from '../../core/testing/kindHarness.ts';
import type { ParticipantId } from '../../core/participants.ts';
import { defaultLeanCoffeeSettings } from '../../protocol/defaults.ts';
import { createHall } from '../createHall.ts';
import { hallKind } from '../hallKind.ts';
import type { HallSeating } from '../hallState.ts';

/**
 * A hall to test against: organiser `p1` ("Olga"), no phones yet. Commands go through
 * `decideHall`; `run` fails loudly on a refusal. `seat` seats a phone and answers its id.
 */
export function hall(seating: HallSeating = { mode: 'count', tables: 3 }, harvestDots?: number) {
  const ctx = testContext();
  const created = createHall(
    {
      id: 'HALL42',
      title: 'Fachtag Jugendhilfe',
      organiserName: 'Olga',
      settings: defaultLeanCoffeeSettings,
      seating,
      ...(harvestDots === undefined ? {} : { harvestDots }),
    },
    ctx,
  );
  const harness = Object.assign(kindHarness(hallKind, created, ctx), {
    organiser: 'p1',
    seat(name: string, table: number | null = null): ParticipantId {
      const events = harness.run('system', { type: 'hall:seat', name, table });
      const seated = events.find((e) => e.type === 'hall:seated');
      if (seated?.type !== 'hall:seated') throw new Error('expected hall:seated');
      return seated.participantId;
    },
    /** How many phones sit at each table, in table order. */
    counts(): number[] {
      return harness.state.tables.map((t) => harness.state.seats.filter((s) => s.table === t.number).length);
    },
  });
  return harness;
}

export type HallHarness = ReturnType<typeof hall>;

/** A hall in its harvest with `phones` seated (ids in order) and picks at tables 1 and 2. */
export function hallInHarvest(phones = 3, harvestDots = 3) {
  const h = hall({ mode: 'count', tables: 3 }, harvestDots);
  const ids = Array.from({ length: phones }, (_, i) => h.seat(`Gast ${i + 1}`));
  h.run('system', { type: 'hall:record-pick', table: 1, outcomeId: 'o1', text: 'Mehr Zeit für Fallberatung' });
  h.run('system', { type: 'hall:record-pick', table: 2, outcomeId: 'o2', text: 'Gemeinsame Fortbildung' });
  h.run(h.organiser, { type: 'hall:phase', to: 'harvest' });
  return { h, ids };
}
