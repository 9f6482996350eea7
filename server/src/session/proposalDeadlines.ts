import { ErrorCode, type KindState } from '@runde/shared';
import type { Logger } from 'pino';
import { toAppError } from '../failures.ts';
import { LatestOnly } from '../hall/latestOnly.ts';
import type { ProposalDeadlineOutcome } from '../metrics/appMetrics.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { storeRefusalRetry } from '../store/storeRefusalRetry.ts';
import type { Commit, CommandRunner } from './commandRunner.ts';
import { proposalDeadlineOf } from './proposalDeadline.ts';

export interface ProposalDeadlineDeps {
  store: Pick<SessionStore, 'setProposalDeadline' | 'dueProposalDeadlines' | 'load'>;
  runner: Pick<CommandRunner, 'run' | 'known'>;
  /** The clock `decide` uses: "due" here means `closesAt <= now` there. */
  clock: () => number;
  logger: Logger;
  /** How long between polls of the index (ms). */
  intervalMs?: number;
  /** At most this many sessions per poll; the rest wait for the next one, earliest first. */
  batch?: number;
  onRun?: (outcome: ProposalDeadlineOutcome) => void;
}

export const PROPOSAL_POLL_INTERVAL_MS = 1_000;
export const PROPOSAL_POLL_BATCH = 20;
/**
 * When a team space refused `proposal:close-due` (a rule we did not foresee), its entry is moved this
 * far ahead instead of being tried every second: it would otherwise come first in every poll and
 * hold up the spaces behind it. Its next commit writes its real deadline again.
 */
export const REFUSED_RETRY_MS = 60_000;

/** The deadline as written to the index, from the session at `version`. */
interface DeadlineAt {
  version: number;
  at: number | null;
}

/**
 * Closes objection windows on time whether or not anybody is connected. Every team-space commit
 * this node makes writes the space's next deadline to the store's shared index ({@link committed});
 * every node polls the index for what is due and sends `proposal:close-due` as the system through
 * the command runner. Two nodes polling the same entry both run it: the store's version check lets
 * one write, and `decide` turns the other's try into no events, so a window closes exactly once.
 * A try that failed (store away, lost races) stays due in the index and is tried at the next poll.
 */
export class ProposalDeadlines {
  readonly #deps: ProposalDeadlineDeps;
  readonly #writes: LatestOnly<DeadlineAt>;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #closed = false;

  constructor(deps: ProposalDeadlineDeps) {
    this.#deps = deps;
    // Only the newest deadline of a session matters; a refused write is tried again unless a newer
    // commit wrote meanwhile.
    this.#writes = new LatestOnly((sessionId, deadline) => this.#write(sessionId, deadline), storeRefusalRetry);
  }

  /**
   * The runner's `committed` listener: records the space's next deadline after every commit of a
   * space that has or had an open proposal. Also when the deadline stayed the same: a write that
   * was lost (the store away for longer than the retries) is made good by the space's next commit.
   * Spaces with no open proposal before or after cost no write.
   */
  committed({ sessionId, before, after, events }: Commit): void {
    const version = events.at(-1)?.version;
    if (version === undefined || after.kind !== 'team-space') return;
    const at = proposalDeadlineOf(after);
    if (at === null && proposalDeadlineOf(before) === null) return;
    this.#writes.push(sessionId, { version, at });
  }

  /** Records the deadline of a session this node wrote without the runner (an imported backup). */
  created(sessionId: string, version: number, state: KindState): void {
    const at = proposalDeadlineOf(state);
    if (at !== null) this.#writes.push(sessionId, { version, at });
  }

  /** Starts polling; each poll starts after the one before has finished. */
  start(): void {
    if (this.#closed || this.#timer) return;
    this.#schedule();
  }

  /** One poll: runs `proposal:close-due` for the sessions due now (at most `batch`). For tests as well. */
  async poll(): Promise<void> {
    const { store, clock, batch = PROPOSAL_POLL_BATCH } = this.#deps;
    let due: string[];
    try {
      due = await store.dueProposalDeadlines(clock(), batch);
    } catch (err) {
      toAppError(err, this.#deps.logger, { where: 'proposal deadline poll' });
      return;
    }
    // The runner queues per session, so sessions run side by side and one slow space holds up no other.
    await Promise.all(due.map((sessionId) => this.#closeDue(sessionId)));
  }

  /** Polls no more; resolves once the poll under way and the index writes queued have finished. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#polling;
    await this.#writes.idle();
  }

  /** Resolves once the index writes queued so far have finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.#writes.idle();
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#polling = this.poll().finally(() => {
        this.#polling = undefined;
        if (!this.#closed) this.#schedule();
      });
    }, this.#deps.intervalMs ?? PROPOSAL_POLL_INTERVAL_MS);
    // Polling alone must not keep a process alive (tests, a node whose server has closed).
    this.#timer.unref();
  }

  async #closeDue(sessionId: string): Promise<void> {
    const { runner, logger, onRun } = this.#deps;
    try {
      const result = await runner.run(sessionId, { kind: 'system' }, { type: 'proposal:close-due' });
      if (result.ok && result.events.length > 0) {
        // The commit's listener writes the next deadline.
        onRun?.('closed');
        logger.info({ sessionId, version: result.version }, 'proposal windows closed');
      } else if (result.ok) {
        // Another node closed them first, or the entry was stale (a write of an older state that
        // got in late): correct it from the state just decided on.
        onRun?.('nothing-due');
        const state = await runner.known(sessionId);
        await this.#write(sessionId, { version: result.version, at: state ? proposalDeadlineOf(state) : null });
      } else if (result.error.code === ErrorCode.notFound) {
        // Deleted or expired: nothing will ever be due here again. Any recorded version is older.
        onRun?.('nothing-due');
        await this.#write(sessionId, { version: Number.MAX_SAFE_INTEGER, at: null });
      } else if (result.error.code === ErrorCode.conflict || result.error.code === ErrorCode.unavailable) {
        // Still due in the index: the next poll tries again.
        onRun?.('failed');
      } else {
        onRun?.('refused');
        logger.warn({ sessionId, code: result.error.code }, 'proposal:close-due refused');
        const stored = await this.#deps.store.load(sessionId);
        if (stored)
          await this.#write(sessionId, { version: stored.version, at: this.#deps.clock() + REFUSED_RETRY_MS });
      }
    } catch (err) {
      // The store was away: the entry stays due and the next poll tries again.
      onRun?.('failed');
      toAppError(err, logger, { where: 'proposal deadline', sessionId });
    }
  }

  async #write(sessionId: string, { version, at }: DeadlineAt): Promise<void> {
    try {
      await this.#deps.store.setProposalDeadline(sessionId, version, at);
    } catch (err) {
      toAppError(err, this.#deps.logger, { where: 'proposal deadline index', sessionId });
      throw err;
    }
  }
}
