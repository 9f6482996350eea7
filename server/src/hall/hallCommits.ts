import type { Commit } from '../session/commandRunner.ts';
import { changesHallRhythm, type HallRelay } from './hallRelay.ts';
import type { TableSummaries } from './tableSummaries.ts';

/**
 * What follows from a commit for halls, on the node that made it: a hall whose rhythm changed is
 * relayed to its tables; a table's commit refreshes its summary (and pick) in its hall.
 */
export function hallCommitListener(relay: HallRelay, summaries: TableSummaries): (commit: Commit) => void {
  return ({ sessionId, before, after, events }) => {
    const version = events.at(-1)?.version;
    if (version === undefined) return;
    if (after.kind === 'hall') {
      if (changesHallRhythm(events)) relay.hallChanged(sessionId);
      return;
    }
    if (after.kind === 'lean-coffee' && before.kind === 'lean-coffee' && after.hall) {
      summaries.tableCommitted(sessionId, before, { state: after, version });
    }
  };
}
