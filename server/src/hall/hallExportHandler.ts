import {
  ErrorCode,
  exportRequestSchema,
  fail,
  hallExportFor,
  mayOrganiseHall,
  succeed,
  type HallExport,
  type SessionState,
} from '@runde/shared';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler } from '../socket/defineHandler.ts';
import { boundedAll } from './boundedAll.ts';

/** Tables read at once for an export: a hall of 250 is read in waves, not in one burst. */
const EXPORT_CONCURRENCY = 16;

/**
 * `hall:export`: the whole event as one file for an organiser of the hall: the hall, and every
 * table's Lean Coffee loaded from the store (a table whose session is gone is left out). Reads,
 * never writes.
 */
export function hallExportHandler(store: SessionStore, clock: () => number) {
  return defineHandler(exportRequestSchema, async (_request, { sessionId, participantId }) => {
    const stored = await store.load(sessionId);
    if (!stored) return fail(ErrorCode.notFound, 'No such session.');
    const hall = stored.state;
    if (hall.kind !== 'hall') return fail(ErrorCode.invalidState, 'Only an event with tables has this export.');
    if (!mayOrganiseHall(hall, participantId)) return fail(ErrorCode.forbidden, 'Only an organiser may export.');
    const tables: Array<{ number: number; state: SessionState }> = [];
    const linked = hall.tables.flatMap((t) => (t.sessionId ? [{ number: t.number, sessionId: t.sessionId }] : []));
    let failure: unknown;
    await boundedAll(linked, EXPORT_CONCURRENCY, async ({ number, sessionId: tableId }) => {
      try {
        const table = await store.load(tableId);
        if (table?.state.kind === 'lean-coffee') tables.push({ number, state: table.state });
      } catch (err) {
        failure ??= err;
      }
    });
    // A table that could not be read makes the file incomplete: the organiser is told, not given less.
    if (failure !== undefined) throw failure;
    tables.sort((a, b) => a.number - b.number);
    return succeed<HallExport>(hallExportFor(hall, tables, clock()));
  });
}
