import { io, type Socket } from 'socket.io-client';
import {
  collectExport,
  ErrorCode,
  ExpiryReporter,
  memoryOutboxStorage,
  Outbox,
  PROJECTOR_VIEWER_ID,
  PROTOCOL_VERSION,
  RECONNECT_BACKOFF,
  ReplicaSync,
  REQUEST_TIMEOUT_MS,
  ServerClock,
  fail,
  socketIoSync,
  type Ack,
  type KindCommandInput,
  type KindCommandType,
  type KindState,
  type AppError,
  type ArchivePage,
  type ArchivePageRequest,
  type ClientToServerEvents,
  type CommandResult,
  type DeleteResult,
  type EventBatch,
  type HandshakeErrorData,
  type Participant,
  type ProjectorGrant,
  type QueuedCommand,
  type Replica,
  type Seat,
  type SessionExport,
  type SessionFold,
  type ServerToClientEvents,
  type SessionKind,
  type SessionRetention,
  type SeatDeviceRevoked,
  type SeatDevices,
  type SeatEndedNotice,
  type SeatLink,
  type SeatLinkMode,
  type SyncSocket,
  type Timer,
} from '@runde/shared/client';
import { connectivity } from './connectivity.svelte.ts';
import { steeringHoldMs, waitsInOutbox } from './sync/commandUrgency.ts';
import { localOutboxStorage, outboxKey } from './sync/outboxStorage.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * Why the session cannot go on; the page decides what to show or where to send the person.
 * `wrong_kind`: the code belongs to the other kind of session (a team space opened as a Lean Coffee).
 * `deleted`: a facilitator deleted the session while this device was in it.
 * `sign_in_required`: the session requires sign-in, and this browser's is missing, ended, or another person's.
 * `seat_ended`: the server told this device it no longer holds its seat (`seatEnded` says why).
 */
export type SessionProblem =
  'protocol_mismatch' | 'unauthorized' | 'not_found' | 'wrong_kind' | 'deleted' | 'sign_in_required' | 'seat_ended';

/** The socket of a live session; a kind's client reaches it only through `listen` and `ask`. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SendOptions {
  /**
   * How long a command that steers the meeting waits for a connection, in total, before it fails
   * (see `commandUrgency.ts`): while offline it is held, and a try whose ack was lost is sent again
   * with the same id (the server applies it once). Giving it makes any command such a one.
   */
  holdMs?: number;
  /**
   * Runs once if the command cannot go out at once and waits in the outbox (kept across a
   * reload): the control that sent it may let go, the page shows it as not sent yet.
   */
  onQueued?: () => void;
}

/**
 * A command that waited in the outbox and was refused when it finally arrived (the phase had
 * moved on, a limit was reached): the person is told, and gets back what they wrote.
 */
export interface RefusedCommand {
  readonly commandId: string;
  readonly type: KindCommandType;
  readonly payload: unknown;
  readonly error: AppError;
}

/** The timer commands both kinds of session share, with the same payloads. */
export type TimerCommandType = 'timer:start' | 'timer:pause' | 'timer:resume' | 'timer:add' | 'timer:reset';

/** What the timer components need of a live session, whichever kind it is. */
export interface TimerHost {
  readonly timer: Timer;
  /** Whether this seat may control the timer. */
  readonly controlsTimer: boolean;
  serverNow(): number;
  send<T extends TimerCommandType>(type: T, payload: KindCommandInput<T>): Promise<Ack<CommandResult>>;
}

const commandTimeoutMs = REQUEST_TIMEOUT_MS;
const connectionPollMs = 250;

/**
 * A command id: 128 random bits, so two devices never pick the same one. Not `randomUUID`: that
 * exists only in secure contexts, and a workshop may serve Runde over plain http on its own network.
 */
function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const retryDelayMs = [1_000, 2_000, 5_000, 10_000] as const;
/**
 * A device that heard nothing for this long (± a fifth, so a room does not ask at once) asks
 * whether it missed anything. Pushes can be lost without a disconnect (between server nodes, or
 * while a phone's radio naps); a gap normally shows at the next push, and this bounds how long a
 * quiet meeting could hide one.
 */
const quietCatchUpMs = 30_000;

/** The read-only projector grant: the session and the key from the projector link's fragment. */
export interface ProjectorPass {
  sessionId: string;
  key: string;
}

/**
 * A seat (a participant's device), or the projector grant (a room PC that only watches: no seat,
 * never counted, every command refused by the server).
 */
export type SessionCredential = { seat: Seat } | { projector: ProjectorPass };

export type LiveSessionOptions = SessionCredential & {
  /** Defaults to this page's origin: the server serves the app and the socket together. */
  url?: string;
};

function handshakeAuth(credential: SessionCredential) {
  return 'seat' in credential
    ? { protocolVersion: PROTOCOL_VERSION, sessionId: credential.seat.sessionId, token: credential.seat.token }
    : {
        protocolVersion: PROTOCOL_VERSION,
        sessionId: credential.projector.sessionId,
        projectorKey: credential.projector.key,
      };
}

/** The error a command gets once the session cannot go on. */
const problemCode: Record<SessionProblem, ErrorCode> = {
  protocol_mismatch: ErrorCode.protocolMismatch,
  unauthorized: ErrorCode.unauthorized,
  not_found: ErrorCode.notFound,
  wrong_kind: ErrorCode.invalidState,
  deleted: ErrorCode.notFound,
  sign_in_required: ErrorCode.signInRequired,
  seat_ended: ErrorCode.unauthorized,
};

/** The reasons `seat:ended` may carry that end this device's seat (a merge does not: see `seatMerged`). */
const endingReasons: ReadonlySet<string> = new Set(['moved', 'revoked', 'signed-out']);

function isProblem(code: unknown): code is SessionProblem {
  return code === 'protocol_mismatch' || code === 'unauthorized' || code === 'not_found' || code === 'sign_in_required';
}

/**
 * One seat in one live session of kind `S`: owns the socket and the browser's signals (online,
 * visibility), and mirrors the framework-free sync engine (`@runde/shared/client`: replica, outbox,
 * server clock, expiry reporting) into what the page renders. The Lean Coffee and team-space
 * clients add what their screens read; nothing else talks to the socket.
 */
export abstract class LiveSession<S extends KindState, C extends KindCommandType> implements TimerHost {
  #replica = $state.raw<Replica<S>>({ state: null, version: 0 });
  #you = $state.raw<string>('');
  #status = $state<ConnectionStatus>('connecting');
  #problem = $state<SessionProblem | null>(null);
  #seatEnded = $state.raw<SeatEndedNotice | null>(null);
  /** Steering commands trying to get through (content waits in the outbox instead). */
  #holding = $state(0);
  #queued = $state.raw<readonly QueuedCommand[]>([]);
  #refused = $state.raw<readonly RefusedCommand[]>([]);
  #retention = $state.raw<SessionRetention | null>(null);
  /** Server clock minus this device's clock, in ms: mirrored so what reads `serverNow` follows it. */
  #offset = $state(0);
  readonly #outbox: Outbox;
  readonly #sync: ReplicaSync<S>;
  readonly #clock: ServerClock;
  readonly #expiry: ExpiryReporter;

  readonly #socket: LiveSocket;
  readonly #channel: SyncSocket;
  #everConnected = false;
  #retries = 0;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping for destroy(), never rendered
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #destroyed = false;

  /** The session as this seat may see it, or null until the first sync. */
  readonly state: S | null = $derived(this.#replica.state);
  readonly version = $derived(this.#replica.version);
  readonly me: Participant | undefined = $derived(this.#replica.state?.participants.find((p) => p.id === this.#you));
  readonly #fold: SessionFold<S>;
  readonly timer: Timer = $derived(this.#currentTimer() ?? { status: 'idle' });
  readonly onlineCount = $derived(this.#replica.state?.participants.filter((p) => p.online).length ?? 0);

  protected constructor(kind: SessionKind, fold: SessionFold<S>, options: LiveSessionOptions) {
    this.#fold = fold;
    // A projector is nobody: `you` matches no participant, so nothing reads as its own.
    this.#you = 'seat' in options ? options.seat.participantId : PROJECTOR_VIEWER_ID;
    this.isProjector = !('seat' in options);
    const origin = options.url ?? globalThis.location?.origin;
    this.#socket = io(origin, {
      ...RECONNECT_BACKOFF,
      transports: ['websocket'],
      auth: handshakeAuth(options),
    });
    this.#channel = socketIoSync(this.#socket, commandTimeoutMs);
    this.#sync = new ReplicaSync<S>({
      socket: this.#channel,
      fold,
      // A snapshot of the other kind (a team space's code opened as a Lean Coffee) stops the session.
      fromSnapshot: (state) => (state.kind === kind ? (state as S) : null),
      changed: (replica) => {
        const before = this.#replica.state;
        this.#replica = replica;
        this.#expiry.arm();
        if (before && replica.state) this.replicaChanged(before, replica.state);
      },
      snapshot: ({ you, retention }) => {
        this.#you = you;
        this.#retention = retention;
      },
      stop: (problem) => this.#stop(problem),
    });
    this.#clock = new ServerClock({
      socket: this.#channel,
      changed: (offsetMs) => {
        this.#offset = offsetMs;
        this.#expiry.arm();
      },
    });
    this.#expiry = new ExpiryReporter({
      // A projector never reports expiry (the server refuses every command it sends).
      timer: () => (this.#replica.state && !this.isProjector ? fold.timerOf(this.#replica.state) : undefined),
      serverNow: () => this.serverNow(),
      first: () => this.controlsTimer,
      send: () => this.send('timer:expire', {}, { holdMs: 0 }),
    });
    // A projector sends nothing worth keeping (the server refuses its commands): its outbox lives in memory.
    const storage =
      'seat' in options
        ? localOutboxStorage(outboxKey(options.seat.sessionId, options.seat.participantId))
        : memoryOutboxStorage();
    this.#outbox = new Outbox(
      storage,
      { ready: () => this.#ready(), deliver: (entry) => this.#deliver(entry) },
      {
        changed: (entries) => (this.#queued = entries),
        refused: (entry, ack) => {
          const { commandId, type, payload } = entry;
          this.#refused = [...this.#refused, { commandId, type, payload, error: ack.error }];
        },
        stalled: () => this.#later(retryDelayMs[0], () => void this.#outbox.flush()),
      },
    );
    this.#queued = this.#outbox.entries;
    this.#socket.on('connect', this.#onConnect);
    this.#socket.on('disconnect', this.#onDisconnect);
    this.#socket.on('connect_error', this.#onConnectError);
    this.#socket.on('session:events', this.#onEvents);
    this.#socket.on('session:deleted', () => this.#stop('deleted'));
    this.#socket.on('seat:ended', this.#onSeatEnded);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.#onOnline);
      window.addEventListener('offline', this.#onOffline);
      document.addEventListener('visibilitychange', this.#onVisibility);
      if (!navigator.onLine) this.#status = 'offline';
    }
    this.#catchUpWhenQuiet();
  }

  /** Told each change of a replica that had a state before (a kind's client watches for what concerns its seat). */
  protected replicaChanged(before: S, after: S): void {
    void before;
    void after;
  }

  /** Replaces this device's copy with a whole snapshot (for when the seat may now see more than its copy holds). */
  protected refreshFromSnapshot(): void {
    void this.#sync.refresh();
  }

  /** Whether this seat may control the timer; also makes its device the first to report expiry. */
  abstract readonly controlsTimer: boolean;

  /** Opened by the projector grant: watches only, and never sends a command. */
  readonly isProjector: boolean;

  get you(): string {
    return this.#you;
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  get problem(): SessionProblem | null {
    return this.#problem;
  }

  /** Why this device lost its seat, once the server said so (the problem is then `seat_ended`). */
  get seatEnded(): SeatEndedNotice | null {
    return this.#seatEnded;
  }

  participantName(id: string | null): string | undefined {
    return id ? this.#replica.state?.participants.find((p) => p.id === id)?.name : undefined;
  }

  /**
   * Until when the server keeps the session unless something changes (server clock, ms); null
   * until the first snapshot. Each pushed change moves it to then plus the kind's retention.
   */
  get keptUntil(): number | null {
    return this.#retention?.expiresAt ?? null;
  }

  /** This device's best estimate of the server's clock now: what timers count against. */
  serverNow(): number {
    return Date.now() + this.#offset;
  }

  /** Commands waiting for a connection or an ack; the page can say "2 changes not sent yet". */
  get unsent(): number {
    return this.#queued.length + this.#holding;
  }

  /** This seat's commands in the outbox, oldest first: the page shows them where they belong. */
  get queued(): readonly QueuedCommand[] {
    return this.#queued;
  }

  /** Queued commands the server refused on arrival, until the person has read the notice. */
  get refused(): readonly RefusedCommand[] {
    return this.#refused;
  }

  dismissRefused(commandId: string): void {
    this.#refused = this.#refused.filter((r) => r.commandId !== commandId);
  }

  /**
   * Sends one command and resolves with its ack. It carries an id of its own, chosen now: when an
   * ack is lost (the connection dropped, or no answer) it is sent again with the same id, which
   * the server applies only once. It is only ever emitted on a connected socket, never left in
   * socket.io's buffer. An ok ack carries the command's events, applied to the replica at once.
   *
   * Content (see `commandUrgency.ts`) goes through the outbox: kept in order, in this browser's
   * storage, for as long as the connection is away (across a reload too), and sent on reconnect.
   * If the server then refuses it, `refused` tells the page. A command that steers the meeting is
   * tried for `holdMs` and then fails with `unavailable`, and the caller still has what was typed.
   */
  async send<T extends C | TimerCommandType | 'timer:expire'>(
    type: T,
    payload: KindCommandInput<T>,
    options: SendOptions = {},
  ): Promise<Ack<CommandResult>> {
    if (this.#problem) return fail(problemCode[this.#problem], 'This session cannot be used.');
    const commandId = newCommandId();
    if (options.holdMs === undefined && waitsInOutbox(type)) {
      const answer = this.#outbox.add({ commandId, type, payload, queuedAt: Date.now() }, options.onQueued);
      return answer ?? fail(ErrorCode.limitReached, 'Too many changes are waiting to be sent.');
    }
    return this.#hold(type, payload, commandId, options.holdMs ?? steeringHoldMs);
  }

  /** Tries a steering command until `holdMs` has passed, after what the outbox holds (order). */
  async #hold(type: KindCommandType, payload: unknown, commandId: string, holdMs: number): Promise<Ack<CommandResult>> {
    const deadline = Date.now() + holdMs;
    this.#holding += 1;
    try {
      for (;;) {
        if (this.#problem) {
          const code = problemCode[this.#problem];
          return fail(code, 'This session cannot be used.');
        }
        if (!(await this.#connection(deadline))) return fail(ErrorCode.unavailable, 'Not connected.');
        const ack = await this.#emit(type, payload, commandId);
        if (ack) return ack;
        // No ack: it may or may not have landed. Sending it again with the same id is safe.
        if (Date.now() >= deadline) return fail(ErrorCode.unavailable, 'No answer from the server.');
      }
    } finally {
      this.#holding -= 1;
    }
  }

  #ready(): boolean {
    return this.#socket.connected && navigator.onLine && !this.#problem && !this.#destroyed;
  }

  /** One try of the outbox's first command; `null` when no answer came. */
  #deliver(entry: QueuedCommand): Promise<Ack<CommandResult> | null> {
    return this.#emit(entry.type, entry.payload, entry.commandId);
  }

  /** One try of a command; its ack's events go into the replica. `null` when no answer came. */
  async #emit(type: KindCommandType, payload: unknown, commandId: string): Promise<Ack<CommandResult> | null> {
    try {
      const ack = await this.#channel.command(type, payload, { commandId });
      if (ack.ok) this.#sync.acked(ack.data);
      return ack;
    } catch {
      return null;
    }
  }

  /** Sends what the outbox holds; if an answer was lost while connected, it tries again shortly (`stalled`). */
  #flushOutbox(): void {
    void this.#outbox.flush();
  }

  /**
   * Resolves true once the socket is connected and the browser online (a socket can look
   * connected for a while after the network went away) and the outbox is sent (so the server sees
   * commands in the order the person gave them), false at the deadline or when the session cannot
   * go on.
   */
  async #connection(deadline: number): Promise<boolean> {
    while (!this.#socket.connected || !navigator.onLine || this.#queued.length > 0) {
      if (this.#destroyed || this.#problem || Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, connectionPollMs));
    }
    return true;
  }

  /** Deletes the whole session for everyone (facilitators only; the server checks). */
  async deleteSession(): Promise<Ack<DeleteResult>> {
    if (!this.#socket.connected) return fail(ErrorCode.unavailable, 'Not connected.');
    try {
      const ack = await this.#socket.timeout(commandTimeoutMs).emitWithAck('session:delete', {});
      if (ack.ok) this.#stop('deleted');
      return ack;
    } catch {
      return fail(ErrorCode.unavailable, 'No answer from the server.');
    }
  }

  /** Reads a page of the team space's archive (what its live state no longer holds); changes nothing. */
  async archivePage(request: ArchivePageRequest): Promise<Ack<ArchivePage>> {
    if (!this.#socket.connected) return fail(ErrorCode.unavailable, 'Not connected.');
    try {
      return await this.#socket.timeout(commandTimeoutMs).emitWithAck('archive:page', request);
    } catch {
      return fail(ErrorCode.unavailable, 'No answer from the server.');
    }
  }

  /**
   * The session as a backup file (facilitators only; the server checks): the live part, then a
   * team space's archive page by page. Reads only, so nothing waits in the outbox.
   */
  async exportBackup(): Promise<Ack<SessionExport>> {
    if (!this.#socket.connected) return fail(ErrorCode.unavailable, 'Not connected.');
    return collectExport({
      exportLive: async () => {
        try {
          return await this.#socket.timeout(commandTimeoutMs).emitWithAck('session:export', {});
        } catch {
          return fail(ErrorCode.unavailable, 'No answer from the server.');
        }
      },
      archivePage: (request) => this.archivePage(request),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  }

  /**
   * Asks for a new read-only projector key (facilitators only; the server checks). The key before
   * it stops working, and projectors using it are disconnected.
   */
  async grantProjector(): Promise<Ack<ProjectorGrant>> {
    if (!this.#socket.connected) return fail(ErrorCode.unavailable, 'Not connected.');
    try {
      return await this.#socket.timeout(commandTimeoutMs).emitWithAck('projector:grant', {});
    } catch {
      return fail(ErrorCode.unavailable, 'No answer from the server.');
    }
  }

  /** A secret link that moves or copies this seat to another device; in this ack only, never pushed. */
  seatLink(mode: SeatLinkMode): Promise<Ack<SeatLink>> {
    return this.ask((socket) => socket.timeout(commandTimeoutMs).emitWithAck('seat:link', { mode }));
  }

  /** A facilitator's new link for a member's seat (a lost phone); the server checks `mayReissueSeat`. */
  reissueSeat(participantId: string, revokeOthers: boolean): Promise<Ack<SeatLink>> {
    return this.ask((socket) =>
      socket.timeout(commandTimeoutMs).emitWithAck('seat:reissue', { participantId, revokeOthers }),
    );
  }

  /** This seat's devices, this one marked `current`. */
  seatDevices(): Promise<Ack<SeatDevices>> {
    return this.ask((socket) => socket.timeout(commandTimeoutMs).emitWithAck('seat:devices', {}));
  }

  /** Signs one of this seat's devices out (this one too: it then hears `seat:ended`). */
  revokeSeatDevice(deviceId: string): Promise<Ack<SeatDeviceRevoked>> {
    return this.ask((socket) => socket.timeout(commandTimeoutMs).emitWithAck('seat:revoke-device', { deviceId }));
  }

  /**
   * This device's seat was merged into `into` (team spaces): its token proves `into` now, and the
   * server closes the socket, which reconnects by itself as that seat. A team space's client
   * re-points the stored seat (`seats.ts`) and refreshes (see `SpaceClient.seatMerged`).
   */
  protected seatMerged(into: string): void {
    void into;
  }

  /**
   * Listens to a push beyond the session's events (a hall's overview) for as long as this client
   * lives; `destroy` drops it with the socket's other listeners.
   */
  protected listen<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): void {
    // socket.io's listener type is a conditional one that a generic event name cannot narrow.
    this.#socket.on(event, listener as never);
  }

  /** One request that reads (a kind's own export): never queued, `unavailable` while not connected. */
  protected async ask<T>(request: (socket: LiveSocket) => Promise<Ack<T>>): Promise<Ack<T>> {
    if (!this.#socket.connected) return fail(ErrorCode.unavailable, 'Not connected.');
    try {
      return await request(this.#socket);
    } catch {
      return fail(ErrorCode.unavailable, 'No answer from the server.');
    }
  }

  /** Closes the socket and stops listening; the instance is done. */
  destroy(): void {
    this.#destroyed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#sync.close();
    this.#clock.close();
    this.#expiry.close();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.#onOnline);
      window.removeEventListener('offline', this.#onOffline);
      document.removeEventListener('visibilitychange', this.#onVisibility);
    }
    this.#socket.removeAllListeners();
    this.#socket.disconnect();
  }

  #catchUpWhenQuiet(): void {
    const wait = quietCatchUpMs * (0.8 + Math.random() * 0.4);
    this.#later(wait, () => {
      if (this.#socket.connected && Date.now() - this.#sync.heardAt >= quietCatchUpMs) void this.#sync.sync();
      this.#catchUpWhenQuiet();
    });
  }

  #later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#destroyed) run();
    }, ms);
    this.#timers.add(timer);
  }

  /** The replica's timer, by its kind's rule; a method, so the field above may read the fold set in the constructor. */
  #currentTimer(): Timer | undefined {
    return this.#replica.state ? this.#fold.timerOf(this.#replica.state) : undefined;
  }

  #stop(problem: SessionProblem): void {
    this.#problem = problem;
    this.#sync.close();
    this.#expiry.close();
    // What waits can never arrive; texts of a deleted session or a lost seat are not kept here either.
    if (problem !== 'protocol_mismatch') this.#outbox.discard();
    this.#socket.disconnect();
  }

  #onSeatEnded = (notice: SeatEndedNotice): void => {
    if (notice.reason === 'merged') {
      this.seatMerged(notice.into);
      return;
    }
    // An unknown reason from a newer server still ends the seat: the server closes the socket anyway.
    this.#seatEnded = endingReasons.has(notice.reason) ? notice : { reason: 'revoked' };
    this.#stop('seat_ended');
  };

  #onConnect = (): void => {
    this.#everConnected = true;
    this.#retries = 0;
    this.#status = 'connected';
    connectivity.connects += 1;
    void this.#sync.sync();
    void this.#clock.measure();
    this.#flushOutbox();
  };

  #onDisconnect = (reason: Socket.DisconnectReason): void => {
    if (this.#destroyed || this.#problem) return;
    this.#status = navigator.onLine ? 'reconnecting' : 'offline';
    // socket.io reconnects by itself except when the server closed the connection on purpose.
    if (reason === 'io server disconnect') this.#reconnectLater();
  };

  #onConnectError = (error: Error & { data?: Partial<HandshakeErrorData> }): void => {
    const code = error.data?.code;
    if (isProblem(code)) {
      this.#stop(code);
      return;
    }
    this.#status = !navigator.onLine ? 'offline' : this.#everConnected ? 'reconnecting' : 'connecting';
    // A refusal by the server's middleware (e.g. `unavailable`) stops socket.io's own retries.
    if (!this.#socket.active) this.#reconnectLater();
  };

  #reconnectLater(): void {
    const delay = retryDelayMs[Math.min(this.#retries, retryDelayMs.length - 1)] ?? 10_000;
    this.#retries += 1;
    this.#later(delay, () => {
      if (!this.#socket.connected && !this.#problem) this.#socket.connect();
    });
  }

  #onOnline = (): void => {
    if (this.#problem) return;
    if (this.#socket.connected) {
      // The socket outlived the outage (it can, briefly); it may still have missed pushes.
      this.#status = 'connected';
      void this.#sync.sync();
      this.#flushOutbox();
      return;
    }
    this.#status = this.#everConnected ? 'reconnecting' : 'connecting';
    this.#socket.connect();
  };

  #onOffline = (): void => {
    this.#status = 'offline';
  };

  /** A phone that slept may have missed pushes without noticing a disconnect: ask. */
  #onVisibility = (): void => {
    if (document.visibilityState !== 'visible' || this.#problem) return;
    if (this.#socket.connected) void this.#sync.sync();
    else this.#socket.connect();
  };

  #onEvents = (batch: EventBatch): void => {
    // A push follows a commit just made, which renewed the retention. Events caught up by a sync
    // may be older, so those leave the date alone: it may then show too early, never too late.
    const retention = this.#retention;
    if (retention && batch.events.length > 0) {
      const renewed = this.serverNow() + retention.retentionMs;
      if (renewed > retention.expiresAt) this.#retention = { ...retention, expiresAt: renewed };
    }
    this.#sync.receive(batch.events);
  };
}
