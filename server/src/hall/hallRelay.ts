import type { HallState, KindEvent } from '@runde/shared';
import type { Logger } from 'pino';
import { toAppError } from '../failures.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import { StoreUnavailableError, type SessionStore } from '../store/sessionStore.ts';
import { boundedAll } from './boundedAll.ts';
import { hallLinkOf } from './hallLinkOf.ts';
import { LatestOnly } from './latestOnly.ts';
import { storeRefusalRetry } from '../store/storeRefusalRetry.ts';

/** Tables relayed at once: a hall of 250 is told in 16 waves, leaving room for everyone else's commands. */
const RELAY_CONCURRENCY = 16;

/** The hall events every table must hear of: its rhythm (phase, timer, announcements) and merges. */
const relayedEventTypes = new Set<KindEvent['type']>([
  'hall:phase-changed',
  'timer:set',
  'hall:announced',
  'hall:table-closed',
]);

/** Whether a hall commit's events change what its tables show of it. */
export function changesHallRhythm(events: ReadonlyArray<{ event: KindEvent }>): boolean {
  return events.some(({ event }) => relayedEventTypes.has(event.type));
}

export interface HallRelayDeps {
  store: SessionStore;
  runner: CommandRunner;
  logger: Logger;
}

/**
 * Carries a hall's rhythm to its tables, from the node that committed the change: each table
 * session gets the system command `hall:relay` with its link (a merged table `closed: true`).
 * Per hall, one relay at a time and only the newest waits: each reads the hall as stored when it
 * starts, so a burst of changes (a phase with its timer, an announcement) reaches the tables once,
 * in order. Failures are logged. When the store refused a table's relay (a burst or a failover),
 * the whole relay runs again later (tables already told write nothing), unless the hall changed
 * meanwhile and a newer relay took its place: otherwise a table would keep an old phase until the
 * hall's next change, which may never come.
 */
export class HallRelay {
  readonly #deps: HallRelayDeps;
  readonly #relays: LatestOnly<null>;

  constructor(deps: HallRelayDeps) {
    this.#deps = deps;
    this.#relays = new LatestOnly((hallId) => this.#relay(hallId), storeRefusalRetry);
  }

  /** Called after a hall commit that changed its rhythm. */
  hallChanged(hallId: string): void {
    this.#relays.push(hallId, null);
  }

  idle(): Promise<void> {
    return this.#relays.idle();
  }

  async #relay(hallId: string): Promise<void> {
    const { store, runner, logger } = this.#deps;
    let refusedTables = 0;
    try {
      const stored = await store.load(hallId);
      if (stored?.state.kind !== 'hall') return;
      const hall: HallState = stored.state;
      const linked = hall.tables.flatMap((t) => (t.sessionId ? [{ number: t.number, sessionId: t.sessionId }] : []));
      await boundedAll(linked, RELAY_CONCURRENCY, async ({ number, sessionId }) => {
        try {
          const result = await runner.run(
            sessionId,
            { kind: 'system' },
            { type: 'hall:relay', link: hallLinkOf(hall, number) },
          );
          if (!result.ok) logger.warn({ hallId, sessionId, code: result.error.code }, 'hall relay refused');
        } catch (err) {
          toAppError(err, logger, { where: 'hall relay', sessionId });
          if (err instanceof StoreUnavailableError) refusedTables += 1;
        }
      });
    } catch (err) {
      toAppError(err, logger, { where: 'hall relay', sessionId: hallId });
      throw err;
    }
    if (refusedTables > 0) {
      throw new StoreUnavailableError(`The store refused the relay to ${refusedTables} tables`);
    }
  }
}
