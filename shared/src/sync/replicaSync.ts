import type { KindState, KindVersionedEvent } from '../kinds.ts';
import type { CommandResult, SessionRetention, SyncResult } from '../protocol/socketEvents.ts';
import { mergeEvents, type Replica, type SessionFold } from './mergeEvents.ts';
import { realScheduler, type Scheduler, type SyncSocket } from './syncSocket.ts';

/**
 * Why a replica cannot go on: the server refused it (`protocol_mismatch`, `unauthorized`,
 * `not_found`), or the session is of another kind than this client shows (`wrong_kind`).
 */
export type SyncProblem = 'protocol_mismatch' | 'unauthorized' | 'not_found' | 'wrong_kind';

/** What a snapshot says besides the state: who this seat is, and how long the server keeps the session. */
export interface SnapshotInfo {
  you: string;
  retention: SessionRetention;
}

export interface ReplicaSyncOptions<S> {
  socket: Pick<SyncSocket, 'connected' | 'sync'>;
  fold: SessionFold<S>;
  /** The state a snapshot holds, as this replica keeps it; null when it is of another kind. */
  fromSnapshot(state: KindState): S | null;
  scheduler?: Scheduler;
  /** Every change of the replica. */
  changed?(replica: Replica<S>): void;
  /** A snapshot arrived (before `changed` reports its state). */
  snapshot?(info: SnapshotInfo): void;
  /** The replica stopped for good; the owner tells the person and closes the connection. */
  stop?(problem: SyncProblem): void;
  /** A push showed a gap in front of it (the bench counts them). */
  gap?(): void;
  /** A sync completed with nothing left missing (the bench times them). */
  synced?(replica: Replica<S>): void;
}

/** How long to wait before asking again: after no answer or a busy session, and after a refusal. */
export const SYNC_RETRY_MS = [1_000, 2_000] as const;
/** Sync rounds one call makes at most: a server answering with unusable events must not spin it. */
const SYNC_ROUNDS = 3;

function isServerProblem(code: unknown): code is Exclude<SyncProblem, 'wrong_kind'> {
  return code === 'protocol_mismatch' || code === 'unauthorized' || code === 'not_found';
}

/**
 * A client's copy of one session, kept in step with the server by version, without a framework
 * or a socket library. Pushes and the events in a command's ack are applied when they continue
 * the version. A push with a gap in front of it asks the server what is missing (`session:sync`),
 * holding pushes that arrive meanwhile; an ack's events with a gap wait for the pushes that fill
 * it (they are normally on their way: the server publishes every commit before it acks the next).
 * After a sync whose events do not fit, the next sync asks for a whole snapshot.
 */
export class ReplicaSync<S> {
  #replica: Replica<S> = { state: null, version: 0 };
  readonly #options: ReplicaSyncOptions<S>;
  readonly #scheduler: Scheduler;
  #syncing = false;
  /** The run `sync` is in, for callers that ask while it lasts. */
  #run: Promise<void> | undefined;
  #syncAgain = false;
  /** Set when synced events did not fit our copy: the next sync asks for a whole snapshot. */
  #needSnapshot = false;
  /** Set by `refresh`: cleared only by a sync that asked for a snapshot, not by one already in flight. */
  #refreshWanted = false;
  /** Pushes that arrive while a sync is in flight; merged after it, overlaps skipped. */
  #held: KindVersionedEvent[] = [];
  /** Events from acks that do not continue the replica yet; applied once the pushes before them are. */
  #ahead: KindVersionedEvent[] = [];
  #heardAt = 0;
  #stopped = false;
  readonly #cancels = new Set<() => void>();

  constructor(options: ReplicaSyncOptions<S>) {
    this.#options = options;
    this.#scheduler = options.scheduler ?? realScheduler;
  }

  get replica(): Replica<S> {
    return this.#replica;
  }

  /** When this device last heard from the server: a push or a completed sync (its own clock). */
  get heardAt(): number {
    return this.#heardAt;
  }

  /** Whether a sync is in flight. */
  get syncing(): boolean {
    return this.#syncing;
  }

  /** Applies a push (`session:events`); on a gap asks the server for what is missing. */
  receive(events: readonly KindVersionedEvent[]): void {
    if (this.#stopped) return;
    this.#heardAt = this.#scheduler.now();
    if (this.#syncing) {
      this.#held.push(...events);
      return;
    }
    const result = mergeEvents(this.#replica, events, this.#options.fold);
    if (result.kind === 'applied') this.#set(result.replica);
    else if (result.kind === 'gap') {
      this.#options.gap?.();
      void this.sync();
      return;
    } else if (result.kind === 'wrong_kind') {
      this.#stop('wrong_kind');
      return;
    }
    this.#applyAhead();
  }

  /**
   * Applies what a command's ack carries: the sender's own events, masked for it, so the sender
   * need not wait for the push. An ack for a version this replica has not reached and without
   * events (the retry of a command that got in before) asks the server.
   */
  acked(result: CommandResult): void {
    if (this.#stopped || result.version <= this.#replica.version) return;
    if (result.events.length === 0) {
      void this.sync();
      return;
    }
    this.#ahead.push(...result.events);
    if (!this.#syncing) this.#applyAhead();
  }

  /**
   * Asks the server for what this replica missed. Concurrent calls share one run, which then asks
   * once more; each caller's promise settles when that run ends, so an awaited sync means current
   * (a caller that returned early read a replica still at version 0: a device's first sync met the
   * sync its own presence push had started).
   */
  sync(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#syncing && this.#run) {
      this.#syncAgain = true;
      return this.#run;
    }
    const run = this.#rounds().finally(() => {
      if (this.#run === run) this.#run = undefined;
    });
    this.#run = run;
    return run;
  }

  /**
   * Replaces the replica by a whole snapshot, for when this seat may now see more than its copy
   * holds (its seat was merged with another: the events say so, but cannot carry what the other
   * seat could read). A sync in flight is followed by one that asks for the snapshot.
   */
  refresh(): Promise<void> {
    this.#refreshWanted = true;
    return this.sync();
  }

  async #rounds(): Promise<void> {
    this.#syncing = true;
    let rounds = 0;
    try {
      do {
        rounds += 1;
        this.#syncAgain = false;
        const fromScratch = this.#needSnapshot || this.#refreshWanted || this.#replica.state === null;
        const result = await this.#request(fromScratch ? 0 : this.#replica.version);
        if (!result) return;
        this.#needSnapshot = false;
        if (fromScratch) this.#refreshWanted = false;
        if (result.kind === 'snapshot') {
          const state = this.#options.fromSnapshot(result.state);
          if (state === null) {
            this.#stop('wrong_kind');
            return;
          }
          this.#options.snapshot?.({ you: result.you, retention: result.retention });
          this.#set({ state, version: result.version });
        } else {
          // The displayed copy stays until a complete replacement is at hand.
          const merged = mergeEvents(
            fromScratch ? { state: null, version: 0 } : this.#replica,
            result.events,
            this.#options.fold,
          );
          if (merged.kind === 'applied') this.#set(merged.replica);
          else if (merged.kind === 'gap') this.#needSnapshot = this.#syncAgain = true;
          else if (merged.kind === 'wrong_kind') {
            this.#stop('wrong_kind');
            return;
          }
        }
        const held = this.#held;
        this.#held = [];
        const rest = mergeEvents(this.#replica, held, this.#options.fold);
        if (rest.kind === 'applied') this.#set(rest.replica);
        else if (rest.kind === 'gap') this.#syncAgain = true;
        this.#applyAhead();
      } while (this.#syncAgain && rounds < SYNC_ROUNDS && this.#options.socket.connected && !this.#stopped);
      this.#heardAt = this.#scheduler.now();
      // Still behind after a few rounds (a busy session outpacing us): try again shortly.
      if (this.#syncAgain) this.#retryLater(SYNC_RETRY_MS[0]);
      else this.#options.synced?.(this.#replica);
    } finally {
      this.#syncing = false;
    }
  }

  /** Stops syncing and cancels what is scheduled; the replica stays as it is. */
  close(): void {
    this.#stopped = true;
    for (const cancel of this.#cancels) cancel();
    this.#cancels.clear();
  }

  /** Events of acks that now continue the replica; older ones are dropped, later ones wait. */
  #applyAhead(): void {
    const ahead = this.#ahead.filter((e) => e.version > this.#replica.version);
    this.#ahead = [];
    if (ahead.length === 0) return;
    const result = mergeEvents(this.#replica, ahead, this.#options.fold);
    if (result.kind === 'applied') this.#set(result.replica);
    else if (result.kind === 'gap') this.#ahead = ahead;
    else if (result.kind === 'wrong_kind') this.#stop('wrong_kind');
  }

  async #request(sinceVersion: number): Promise<SyncResult | undefined> {
    let ack;
    try {
      ack = await this.#options.socket.sync({ sinceVersion });
    } catch {
      // No answer: try again while still connected; a reconnect syncs anyway.
      this.#retryLater(SYNC_RETRY_MS[0]);
      return undefined;
    }
    if (ack.ok) return ack.data;
    if (isServerProblem(ack.error.code)) this.#stop(ack.error.code);
    else this.#retryLater(SYNC_RETRY_MS[1]);
    return undefined;
  }

  #retryLater(ms: number): void {
    const cancel = this.#scheduler.later(ms, () => {
      this.#cancels.delete(cancel);
      if (this.#options.socket.connected) void this.sync();
    });
    this.#cancels.add(cancel);
  }

  #set(replica: Replica<S>): void {
    this.#replica = replica;
    this.#options.changed?.(replica);
  }

  #stop(problem: SyncProblem): void {
    if (this.#stopped) return;
    this.close();
    this.#options.stop?.(problem);
  }
}
