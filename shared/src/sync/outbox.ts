import type { KindCommandType } from '../kinds.ts';
import { ErrorCode, type Ack } from '../protocol/errors.ts';
import type { CommandResult } from '../protocol/socketEvents.ts';

/**
 * One command waiting to be sent. Its id is chosen once, when the person acts, and travels with
 * every try and across a reload: the server applies a command id once per seat, so sending it
 * again after a lost ack or a reload cannot make it land twice.
 */
export interface QueuedCommand {
  readonly commandId: string;
  readonly type: KindCommandType;
  readonly payload: unknown;
  /** This device's clock when the person acted. */
  readonly queuedAt: number;
}

/** Where the queue is kept between page loads (the browser's storage, or memory in tests). */
export interface OutboxStorage {
  load(): QueuedCommand[];
  save(entries: readonly QueuedCommand[]): void;
}

/** What the outbox sends through; `null` means no answer (timeout, or the connection dropped). */
export interface OutboxTransport {
  /** Whether a send can be tried now (connected, and the browser online). */
  ready(): boolean;
  deliver(entry: QueuedCommand): Promise<Ack<CommandResult> | null>;
}

export interface OutboxEvents {
  /** The queue changed (added, delivered, refused); the page re-reads `entries`. */
  changed?(entries: readonly QueuedCommand[]): void;
  /**
   * The server refused a command that had to wait (it was queued while offline, lost its ack, or
   * was restored after a reload). By then nobody may be waiting for its answer, and the form it
   * came from may be gone: the person must be told here.
   */
  refused?(entry: QueuedCommand, ack: Extract<Ack<CommandResult>, { ok: false }>): void;
  /**
   * A send got no answer (or "not now") while the transport was ready: the owner flushes again a
   * little later. Told whichever call started the run, including `add`'s own; without it a command
   * whose ack was lost on a connection that stayed up waited for the next reconnect.
   */
  stalled?(): void;
}

export interface OutboxLimits {
  /** At most this many commands wait; more are refused at once (the person still has them). */
  maxEntries: number;
  /** At most this many characters of JSON are stored, so a queue never fills the browser's storage. */
  maxChars: number;
}

export const defaultOutboxLimits: OutboxLimits = { maxEntries: 100, maxChars: 200_000 };

/**
 * Answers that say "not now" rather than "no": the server did not look at the command (its
 * budget for this seat is spent, or it could not reach its store). A long queue sent at once can
 * meet the first; the command stays first and goes again later, instead of being lost.
 */
function isNotYet(ack: Ack<CommandResult>): boolean {
  return !ack.ok && (ack.error.code === ErrorCode.rateLimited || ack.error.code === ErrorCode.unavailable);
}

interface Waiter {
  resolve(ack: Ack<CommandResult>): void;
  onQueued?: () => void;
}

/**
 * The seat's queue of commands: kept in order, stored after every change, sent one at a time
 * (so the server sees them in the order the person acted), and removed once the server answered,
 * whether it applied or refused them. Framework-free: the live session drives it and mirrors
 * `entries` into what the page renders.
 */
export class Outbox {
  #entries: QueuedCommand[];
  readonly #storage: OutboxStorage;
  readonly #transport: OutboxTransport;
  readonly #events: OutboxEvents;
  readonly #limits: OutboxLimits;
  readonly #waiters = new Map<string, Waiter>();
  /** Commands that had to wait: a refusal of one of these is reported through `refused`. */
  readonly #waited = new Set<string>();
  #flushing: Promise<boolean> | null = null;
  #again = false;

  constructor(
    storage: OutboxStorage,
    transport: OutboxTransport,
    events: OutboxEvents = {},
    limits: OutboxLimits = defaultOutboxLimits,
  ) {
    this.#storage = storage;
    this.#transport = transport;
    this.#events = events;
    this.#limits = limits;
    this.#entries = storage.load();
    // Whatever survived a reload waited, and nobody on this page waits for its answer.
    for (const entry of this.#entries) this.#waited.add(entry.commandId);
  }

  get entries(): readonly QueuedCommand[] {
    return this.#entries;
  }

  /**
   * Queues a command and resolves with the server's answer, however long that takes. `onQueued`
   * runs once if it cannot go out at once: the control that sent it may let go. Resolves to
   * `null` at once when the queue is full.
   */
  add(entry: QueuedCommand, onQueued?: () => void): Promise<Ack<CommandResult>> | null {
    const next = [...this.#entries, entry];
    if (next.length > this.#limits.maxEntries || JSON.stringify(next).length > this.#limits.maxChars) return null;
    const answer = new Promise<Ack<CommandResult>>((resolve) => {
      this.#waiters.set(entry.commandId, { resolve, onQueued });
    });
    this.#set(next);
    // Behind others while connected is only ordering, not waiting: a refusal then shows where the person acted.
    if (!this.#transport.ready()) this.#markWaited(entry.commandId);
    void this.flush();
    return answer;
  }

  /**
   * Sends what is queued, in order, while the transport is ready. Resolves to true when the queue
   * is empty, false when it stopped (not ready, or no answer: call again on reconnect or later).
   * Concurrent calls share one run.
   */
  flush(): Promise<boolean> {
    this.#again = true;
    this.#flushing ??= this.#loop();
    return this.#flushing;
  }

  /** Runs again if asked meanwhile: a command added (or a reconnect) during a run is not missed. */
  async #loop(): Promise<boolean> {
    let emptied = false;
    while (this.#again) {
      this.#again = false;
      emptied = await this.#run();
    }
    // In the same turn as the last check, so no call to flush can fall between the two.
    this.#flushing = null;
    if (!emptied && this.#transport.ready()) this.#events.stalled?.();
    return emptied;
  }

  async #run(): Promise<boolean> {
    for (;;) {
      const head = this.#entries[0];
      if (!head) return true;
      if (!this.#transport.ready()) {
        for (const entry of this.#entries) this.#markWaited(entry.commandId);
        return false;
      }
      const ack = await this.#transport.deliver(head);
      if (!ack || isNotYet(ack)) {
        // Landed or not (or not looked at), it stays first and goes again with the same id.
        for (const entry of this.#entries) this.#markWaited(entry.commandId);
        return false;
      }
      this.#set(this.#entries.filter((e) => e.commandId !== head.commandId));
      const waited = this.#waited.delete(head.commandId);
      const waiter = this.#waiters.get(head.commandId);
      this.#waiters.delete(head.commandId);
      if (!ack.ok && waited) this.#events.refused?.(head, ack);
      waiter?.resolve(ack);
    }
  }

  /** Forgets the queue and its storage: the session is gone or this seat is no longer in it. */
  discard(): void {
    this.#waited.clear();
    this.#set([]);
  }

  #markWaited(commandId: string): void {
    if (this.#waited.has(commandId)) return;
    this.#waited.add(commandId);
    this.#waiters.get(commandId)?.onQueued?.();
  }

  #set(entries: QueuedCommand[]): void {
    this.#entries = entries;
    this.#storage.save(entries);
    this.#events.changed?.(entries);
  }
}

/** A queue kept in memory only, for tests, for a projector, and for pages without storage. */
export function memoryOutboxStorage(initial: QueuedCommand[] = []): OutboxStorage & { saved: QueuedCommand[] } {
  const store = {
    saved: [...initial],
    load: () => [...store.saved],
    save: (entries: readonly QueuedCommand[]) => {
      store.saved = [...entries];
    },
  };
  return store;
}
