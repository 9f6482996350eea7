import {
  ErrorCode,
  exportRequestSchema,
  fail,
  leanCoffeeExportFor,
  mayExportLeanCoffee,
  mayExportTeamSpace,
  succeed,
  teamSpaceExportBlocked,
  teamSpaceExportFor,
  type SessionExport,
} from '@runde/shared';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler } from './defineHandler.ts';

/**
 * `session:export`: the backup file of the sender's session, as their own copy shows it (so it
 * never holds what they may not read), for facilitators only. A team space's answer holds its live
 * state; the device reads the archive page by page with `archive:page`, so no answer grows with
 * the space's age. Reads, never writes.
 */
export function exportHandler(store: SessionStore, clock: () => number) {
  return defineHandler(exportRequestSchema, async (_request, { sessionId, participantId }) => {
    const stored = await store.load(sessionId);
    if (!stored) return fail(ErrorCode.notFound, 'No such session.');
    const { state } = stored;
    if (state.kind === 'lean-coffee') {
      if (!mayExportLeanCoffee(state, participantId))
        return fail(ErrorCode.forbidden, 'Only a facilitator may export.');
      return succeed<SessionExport>(leanCoffeeExportFor(state, participantId, clock()));
    }
    if (!mayExportTeamSpace(state, participantId)) return fail(ErrorCode.forbidden, 'Only a facilitator may export.');
    if (teamSpaceExportBlocked(state)) return fail(ErrorCode.invalidState, 'End the meeting before exporting.');
    return succeed<SessionExport>(teamSpaceExportFor(state, participantId, clock()));
  });
}
