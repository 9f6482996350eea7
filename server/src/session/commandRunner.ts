import {
  applyEvents,
  archivedByCommit,
  decideInTurn,
  mayDeleteSession,
  ErrorCode,
  fail,
  type Actor,
  type KindEvent,
  type KindState,
  type KindVersionedEvent,
  type AppError,
  type CommandToDecide,
  type SessionKind,
} from '@runde/shared';
import type { Logger } from 'pino';
import type { IdSource } from '../ids.ts';
import type { SubjectBinding } from '../store/signInRecords.ts';
import type { SeatGrant, SessionStore, TokenGrant } from '../store/sessionStore.ts';
import { SessionCache } from './sessionCache.ts';
import { SessionQueue } from './sessionQueue.ts';
import { seatsMergedBy } from './seatMerge.ts';

/** Delivers committed events to everyone watching the session. */
export type Publish = (sessionId: string, events: KindVersionedEvent[]) => void;

/** A write this node made, once the store confirmed it: the state before and after, and the events between. */
export interface Commit {
  sessionId: string;
  before: KindState;
  after: KindState;
  events: KindVersionedEvent[];
}

/** One command, or several to be decided in turn and committed together. */
type Commands = CommandToDecide | readonly CommandToDecide[];

export type RunResult = { ok: true; version: number; events: KindVersionedEvent[] } | { ok: false; error: AppError };

/**
 * What a command came to inside the session's queue: the answer, whether a write (or an earlier
 * write this answer points to) must be confirmed by the store first, and what to publish then.
 */
interface Decided {
  result: RunResult;
  confirm?: { epoch: number };
  publish?: KindVersionedEvent[];
  commit?: Commit;
}

export interface RunOptions {
  /** Tokens to store in the same atomic write, derived from the events (a join grants its new seat). */
  grants?: (events: KindEvent[]) => TokenGrant[];
  /**
   * Seats to bind to sign-in subjects in the same atomic write (a seat taken by signing in). A
   * subject bound to another seat meanwhile refuses the command (`conflict`), writing nothing:
   * the caller looks the subject's seat up again.
   */
  bindSubjects?: (events: KindEvent[]) => SubjectBinding[];
  /**
   * A device for an existing seat, granted in the same atomic write with the seat's cap checked
   * (a signed-in device on its seat): the cap refuses the command (`limit_reached`), writing nothing.
   */
  seatGrant?: SeatGrant;
  /**
   * The client's id for this command. A retry by the same participant with the same id (after a
   * lost ack) is not applied again; it is answered with the version the first try reached (and no
   * events: the sender catches up by sync if it missed the first try's push). Ids
   * belong to the sending seat: another participant's command with the same id is not a retry.
   */
  commandId?: string;
}

export interface CommandRunnerDeps {
  store: SessionStore;
  clock: () => number;
  ids: IdSource;
  publish: Publish;
  logger: Logger;
  /**
   * Told the newest state this node holds of a session whenever a command was decided on it:
   * after a commit (once published), and also when nothing changed or the command was refused,
   * since the state was loaded anyway. The timer scheduler learns deadlines this way.
   */
  observe?: (sessionId: string, state: KindState) => void;
  /** Told of every successful write, by the session's kind (for the metrics). */
  onCommit?: (kind: SessionKind) => void;
  /**
   * Told of every write this node made, once confirmed, in the session's commit order; never of
   * another node's (what follows from a commit is done once, by the node that made it). For work
   * that follows from a commit in other sessions (a hall's rhythm reaching its tables); it runs
   * beside the command's answer and must not throw.
   */
  committed?: (commit: Commit) => void;
}

/**
 * Another node may commit between our read and our write; the store then refuses and hands back
 * its state, and we decide again. Within a node commands are queued per session, so only other
 * nodes get in between; but in a storm across nodes each node's next command is ready at once, and
 * five lost races in a row did happen (a vote storm on two nodes answered `conflict`). A retry costs
 * one round trip with the state already in hand, so a command gets many, and from the third on each
 * waits a random moment first, so that two nodes fall out of step. The moment doubles up to 64 ms:
 * a commit of a big session (a hall of 1,500 seats) takes milliseconds, and with pauses of at most
 * 8 ms two nodes seating a hall at once still lost sixteen races in a row (2 joins of 1,500 refused).
 */
const MAX_ATTEMPTS = 16;

/** The random pause before a retry after `conflicts` lost races in a row: none for the first two. */
function backoffMs(conflicts: number): number {
  return conflicts < 2 ? 0 : Math.random() * Math.min(2 ** (conflicts - 2), 64);
}

const notFound = () => fail(ErrorCode.notFound, 'No such session.');
const busy = () => fail(ErrorCode.conflict, 'The session is busy. Please try again.');

/**
 * The one path every change to a session takes: load → decide → commit with a version check
 * (retrying on conflict) → publish. Store failures are thrown for the caller to map.
 */
export class CommandRunner {
  readonly #deps: CommandRunnerDeps;
  readonly #queue = new SessionQueue();
  /** Commits of a session are published in the order they were made, each once its write is confirmed. */
  readonly #publications = new SessionQueue();
  readonly #cache = new SessionCache();

  constructor(deps: CommandRunnerDeps) {
    this.#deps = deps;
  }

  /**
   * Runs a command, or several as one commit (see `decideInTurn`). `command` may be a function,
   * evaluated inside the session's queue: presence is computed from the sockets present at that
   * moment, not when the socket event fired.
   */
  run(
    sessionId: string,
    actor: Actor,
    command: Commands | (() => Promise<Commands>),
    options: RunOptions = {},
  ): Promise<RunResult> {
    return this.#runAndConfirm(sessionId, () =>
      this.#queue.run(sessionId, async () => {
        const resolved = typeof command === 'function' ? await command() : command;
        return this.#decideAndCommit(sessionId, actor, Array.isArray(resolved) ? resolved : [resolved], options);
      }),
    );
  }

  /**
   * Waits for the store to confirm the write (enough replicas hold it, see REDIS_MIN_REPLICAS)
   * after the session's queue is free again: the next command of the session need not wait for
   * this one's replicas, and one WAIT then covers both. Only a confirmed write is answered and
   * published; an unconfirmed one is thrown as StoreUnavailableError (the device retries with the
   * same id, and the retry is confirmed in turn). Publications keep the order of the commits.
   */
  async #runAndConfirm(sessionId: string, decide: () => Promise<Decided>): Promise<RunResult> {
    let release: (events: KindVersionedEvent[]) => void = () => undefined;
    const published = new Promise<KindVersionedEvent[]>((resolve) => (release = resolve));
    let decided: Decided;
    try {
      decided = await decide();
    } catch (err) {
      // Nothing to publish, but the slot must not hold up the commits after it.
      release([]);
      throw err;
    } finally {
      // A slot in the session's publication order, taken as the command leaves the queue.
      void this.#publications.run(sessionId, async () => this.#publish(sessionId, await published));
    }
    try {
      if (decided.confirm) await this.#deps.store.confirmWrites(sessionId, decided.confirm.epoch);
      release(decided.publish ?? []);
      if (decided.commit) this.#committed(decided.commit);
    } catch (err) {
      release([]);
      throw err;
    }
    return decided.result;
  }

  /**
   * Deletes the session if `participantId` may (checked on the stored state, inside the session's
   * queue, so no command of this node slips in between). Commands arriving later find nothing.
   * `before` removes what the session takes with it, after the permission check.
   */
  delete(
    sessionId: string,
    participantId: string,
    before?: (state: KindState) => Promise<void>,
  ): Promise<'deleted' | 'forbidden' | 'missing'> {
    return this.#queue.run(sessionId, async () => {
      const current = await this.#deps.store.load(sessionId);
      this.#cache.delete(sessionId);
      if (!current) return 'missing';
      if (!mayDeleteSession(current.state, participantId)) return 'forbidden';
      // What goes with the session (a hall's tables) goes first: if that fails, the session stays
      // and its facilitator can try again; the other way round, nothing would lead to the rest.
      if (before) await before(current.state);
      return (await this.#deps.store.delete(sessionId)) ? 'deleted' : 'missing';
    });
  }

  /**
   * Deletes a session the server itself removes with another (a hall's table with its hall), with
   * no one's permission to check. False when it was gone already.
   */
  discard(sessionId: string): Promise<boolean> {
    return this.#queue.run(sessionId, async () => {
      this.#cache.delete(sessionId);
      return this.#deps.store.delete(sessionId);
    });
  }

  /**
   * The session as this node last knew it, loaded only when it knows nothing: for reads that need
   * the session's kind and people, not its newest version (whether a socket watches a hall's overview).
   */
  async known(sessionId: string): Promise<KindState | null> {
    const cached = this.#cache.get(sessionId, this.#deps.store.epochOf(sessionId));
    return (cached ?? (await this.#load(sessionId)))?.state ?? null;
  }

  /**
   * Events another node committed, relayed here: keeps this node's copy of the session current,
   * so its next command still needs one round trip.
   */
  follow(sessionId: string, events: readonly KindVersionedEvent[]): void {
    this.#cache.follow(sessionId, events);
  }

  /** Resolves when no command is queued or running; used on shutdown before the store closes. */
  drain(): Promise<void> {
    return this.#queue.drain();
  }

  async #decideAndCommit(
    sessionId: string,
    actor: Actor,
    commands: readonly CommandToDecide[],
    options: RunOptions,
  ): Promise<Decided> {
    const { store, clock, ids } = this.#deps;
    const { commandId } = options;
    // Only a participant's own commands carry an id; the system never retries.
    const command =
      commandId !== undefined && actor.kind === 'participant' ? { participantId: actor.id, commandId } : undefined;
    const cached = this.#cache.get(sessionId, store.epochOf(sessionId));
    let current = cached ?? (await this.#load(sessionId));
    // Whether `current` is known to be the stored state: a write proves it by its version check, a
    // refusal or a no-op does not, so those are only trusted on a fresh state.
    let fresh = !cached;
    if (!current) return { result: notFound() };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const now = clock();
      const decision = decideInTurn(current.state, commands, { actor, now, newId: (kind) => ids.newId(kind) });
      const grants = decision.ok ? (options.grants?.(decision.events) ?? []) : [];
      const bindSubjects = decision.ok ? (options.bindSubjects?.(decision.events) ?? []) : [];
      const seatGrant = decision.ok ? options.seatGrant : undefined;
      const writes =
        decision.ok &&
        (decision.events.length > 0 || grants.length > 0 || bindSubjects.length > 0 || seatGrant !== undefined);
      if (!writes && !fresh) {
        const stored = await this.#load(sessionId);
        if (!stored) return { result: notFound() };
        fresh = true;
        if (stored.version !== current.version) {
          current = stored;
          continue;
        }
      }
      // Refused, or nothing to change: no write. Unless this is the retry of a command that got in.
      if (!writes) {
        const epoch = store.epochOf(sessionId);
        const earlier = command ? await store.commandVersion(sessionId, command) : null;
        this.#observe(sessionId, current.state);
        // The answer of the first try: as safe as any acknowledged write must it be.
        if (earlier !== null) return { result: { ok: true, version: earlier, events: [] }, confirm: { epoch } };
        if (!decision.ok) return { result: fail(decision.error.code, decision.error.message) };
        return { result: { ok: true, version: current.version, events: [] } };
      }
      const next = applyEvents(current.state, decision.events);
      const epoch = store.epochOf(sessionId);
      const access = accessFlagOf(decision.events);
      const repointSeat = seatsMergedBy(decision.events);
      const outcome = await store.commit(sessionId, current.version, decision.events, next, {
        grantTokens: grants,
        bindSubjects,
        ...(access ? { access } : {}),
        command,
        archive: archivedByCommit(current.state, next, now),
        ...(repointSeat ? { repointSeat } : {}),
        ...(seatGrant ? { seatGrant } : {}),
      });
      if (outcome.ok) {
        const base = current.version;
        const events = decision.events.map((event, i) => ({ version: base + i + 1, event }));
        this.#cache.set(sessionId, { state: next, version: outcome.version }, epoch);
        this.#deps.onCommit?.(next.kind);
        this.#observe(sessionId, next);
        return {
          result: { ok: true, version: outcome.version, events },
          confirm: { epoch },
          publish: events,
          commit: { sessionId, before: current.state, after: next, events },
        };
      }
      if (outcome.reason === 'missing') {
        this.#cache.delete(sessionId);
        return { result: notFound() };
      }
      if (outcome.reason === 'cap') {
        return { result: fail(ErrorCode.limitReached, 'This seat is on too many devices. Remove one first.') };
      }
      if (outcome.reason === 'subjectBound') {
        return { result: fail(ErrorCode.conflict, 'This person has a seat here already.') };
      }
      if (outcome.reason === 'duplicate') {
        this.#deps.logger.debug({ sessionId, commandId }, 'retried command answered with its first result');
        // The first try may never have been confirmed (its device heard `unavailable`).
        return { result: { ok: true, version: outcome.version, events: [] }, confirm: { epoch } };
      }
      current = outcome.current;
      fresh = true;
      this.#cache.set(sessionId, current, epoch);
      this.#deps.logger.debug({ sessionId, attempt }, 'version conflict, deciding again');
      const pause = backoffMs(attempt + 1);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    this.#deps.logger.warn(
      { sessionId, commands: commands.map(({ type }) => type) },
      'gave up after repeated version conflicts',
    );
    return { result: busy() };
  }

  /** The stored session, remembered as this node's copy. */
  async #load(sessionId: string) {
    const { store } = this.#deps;
    const epoch = store.epochOf(sessionId);
    const loaded = await store.load(sessionId);
    if (loaded) this.#cache.set(sessionId, loaded, epoch);
    return loaded;
  }

  #committed(commit: Commit): void {
    try {
      this.#deps.committed?.(commit);
    } catch (err) {
      // Like an observer: a side line, the command's own outcome stands.
      this.#deps.logger.error({ sessionId: commit.sessionId, err }, 'commit listener failed');
    }
  }

  #observe(sessionId: string, state: KindState): void {
    try {
      this.#deps.observe?.(sessionId, state);
    } catch (err) {
      // An observer is a side line; the command's own outcome stands.
      this.#deps.logger.error({ sessionId, err }, 'state observer failed');
    }
  }

  /**
   * In the next turn of the event loop, after the sender's ack has gone out: the ack carries the
   * events, so the sender sees its change before a big room's fan-out (milliseconds of writes) is
   * done. Commits of a session are published in the order they were made (`setImmediate` is FIFO).
   */
  #publish(sessionId: string, events: KindVersionedEvent[]): void {
    if (events.length === 0) return;
    setImmediate(() => {
      try {
        this.#deps.publish(sessionId, events);
      } catch (err) {
        // The events are committed; a client that missed them catches up by version on its next sync.
        this.#deps.logger.error({ sessionId, err }, 'broadcast failed');
      }
    });
  }
}

/**
 * The access flag the handshake reads beside the token (the tokens hash's `access` field), from the
 * last `access:changed` of a commit; undefined when the commit does not change access.
 */
function accessFlagOf(events: readonly KindEvent[]): 'required' | 'open' | undefined {
  let flag: 'required' | 'open' | undefined;
  for (const event of events) {
    if (event.type === 'access:changed') flag = event.access ? 'required' : 'open';
  }
  return flag;
}
