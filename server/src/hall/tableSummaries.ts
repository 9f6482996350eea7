import { tableSummaryOf, type SessionState } from '@runde/shared';
import type { Logger } from 'pino';
import { toAppError } from '../failures.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { LatestOnly } from './latestOnly.ts';
import { storeRefusalRetry } from '../store/storeRefusalRetry.ts';

export interface TableSummaryDeps {
  store: SessionStore;
  runner: CommandRunner;
  logger: Logger;
}

/** A table's committed state, as the node that committed it saw it. */
interface TableAt {
  state: SessionState;
  version: number;
}

/** The table's pick as the hall keeps it: the highlighted takeaway and its text, or none. */
function pickOf(state: SessionState): { outcomeId: string; text: string } | null {
  const outcome = state.highlightId === null ? undefined : state.outcomes.find((o) => o.id === state.highlightId);
  return outcome ? { outcomeId: outcome.id, text: outcome.text } : null;
}

/**
 * What a table's commits mean for its hall: a fresh summary for the organiser's overview after
 * every commit (only the newest is written when commits come faster than the store answers), and
 * the table's pick copied to the hall when its highlight (or the highlighted text) changed.
 * A help request needs nothing more: the summary carries it.
 */
export class TableSummaries {
  readonly #deps: TableSummaryDeps;
  readonly #summaries: LatestOnly<TableAt>;
  readonly #picks: LatestOnly<TableAt>;

  constructor(deps: TableSummaryDeps) {
    this.#deps = deps;
    // A refused write is tried again unless a newer commit of the table came meanwhile (its summary
    // or pick supersedes it); the store keeps only a summary newer than the one it holds anyway.
    this.#summaries = new LatestOnly((sessionId, table) => this.#putSummary(sessionId, table), storeRefusalRetry);
    this.#picks = new LatestOnly((sessionId, table) => this.#recordPick(sessionId, table), storeRefusalRetry);
  }

  /** Called after a commit on a Lean Coffee that is a table of a hall. */
  tableCommitted(sessionId: string, before: SessionState, table: TableAt): void {
    this.#summaries.push(sessionId, table);
    if (JSON.stringify(pickOf(before)) !== JSON.stringify(pickOf(table.state))) this.#picks.push(sessionId, table);
  }

  async idle(): Promise<void> {
    await Promise.all([this.#summaries.idle(), this.#picks.idle()]);
  }

  async #putSummary(sessionId: string, { state, version }: TableAt): Promise<void> {
    const summary = tableSummaryOf(state, version);
    if (!summary || !state.hall) return;
    try {
      await this.#deps.store.putHallTableSummary(state.hall.hallId, summary);
    } catch (err) {
      toAppError(err, this.#deps.logger, { where: 'hall table summary', sessionId });
      throw err;
    }
  }

  async #recordPick(sessionId: string, { state }: TableAt): Promise<void> {
    if (!state.hall) return;
    const { hallId, table } = state.hall;
    const pick = pickOf(state);
    try {
      const result = await this.#deps.runner.run(
        hallId,
        { kind: 'system' },
        { type: 'hall:record-pick', table, outcomeId: pick?.outcomeId ?? null, text: pick?.text ?? '' },
      );
      if (!result.ok) this.#deps.logger.warn({ hallId, sessionId, code: result.error.code }, 'hall pick refused');
    } catch (err) {
      toAppError(err, this.#deps.logger, { where: 'hall pick', sessionId });
      throw err;
    }
  }
}
