import type { KindState } from '@runde/shared';
import type { CommandRunner } from '../session/commandRunner.ts';
import { boundedAll } from './boundedAll.ts';

/** Tables deleted at once: a hall of 250 goes in waves, leaving the store free for everyone else. */
const DELETE_CONCURRENCY = 16;

/**
 * What goes with a deleted hall: every table's Lean Coffee (people's topics, votes and notes,
 * which must not wait for their retention to run out), each with its devices told like those of
 * any deleted session (`onDeleted`). The hall's table summaries are its own keys and go with it.
 * Throws when a table could not be deleted: the hall then stays, so the organiser can try again.
 */
export function hallTablesDeletion(
  runner: CommandRunner,
  onDeleted: (sessionId: string) => void,
): (state: KindState) => Promise<void> {
  return async (state) => {
    if (state.kind !== 'hall') return;
    const tables = state.tables.flatMap((t) => (t.sessionId ? [t.sessionId] : []));
    let failure: unknown;
    await boundedAll(tables, DELETE_CONCURRENCY, async (tableId) => {
      try {
        if (await runner.discard(tableId)) onDeleted(tableId);
      } catch (err) {
        failure ??= err;
      }
    });
    if (failure !== undefined) throw failure;
  };
}
