import type {
  Ack,
  ClientToServerEvents,
  ClockSample,
  CommandInput,
  CommandResult,
  CommandType,
  CreateSessionRequest,
  CreateSessionResponse,
  CreateTeamSpaceRequest,
  EventBatch,
  HandshakeAuth,
  HandshakeErrorData,
  JoinSessionResponse,
  Seat,
  ServerToClientEvents,
  KindState,
  SessionState,
  SyncResult,
  SyncSocket,
} from '@runde/shared';
import { randomUUID } from 'node:crypto';
import { PROJECTOR_VIEWER_ID, PROTOCOL_VERSION, socketIoSync } from '@runde/shared';
import { io, type Socket } from 'socket.io-client';
import { ClientMirror, leanCoffee } from './serverMirror.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 5_000;

function socketFor(url: string, auth: Record<string, unknown>): ClientSocket {
  return io(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
  });
}

/**
 * A participant's device in a test: a real socket.io-client over a real WebSocket, the raw frames
 * it received, the batches pushed to it, and a mirror kept up to date by the web app's own sync
 * engine. Commands and syncs go through the engine's socket adapter (`socketIoSync`); `sendRaw`
 * and `emitRaw` stay for tests that send what no client would.
 */
export class TestClient {
  readonly socket: ClientSocket;
  /** The requests the sync engine makes, over this client's socket. */
  readonly channel: SyncSocket;
  readonly seat: Seat;
  readonly mirror: ClientMirror;
  /** Raw engine.io packet data as received, before any decoding: what went over the wire. */
  readonly frames: string[] = [];
  readonly batches: EventBatch[] = [];
  /** The kind of every sync answer, to tell catching up by events from a fresh snapshot. */
  readonly syncKinds: SyncResult['kind'][] = [];

  private constructor(url: string, seat: Seat, mirror: ClientMirror, auth?: Record<string, unknown>) {
    this.seat = seat;
    this.mirror = mirror;
    this.socket = socketFor(
      url,
      auth ?? { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
    );
    this.channel = socketIoSync(this.socket, ACK_TIMEOUT_MS);
    const channel = this.channel;
    // Every sync answer's kind is noted, whoever asked (a reconnect, a gap, the test).
    this.mirror.attach({
      get connected() {
        return channel.connected;
      },
      sync: async (request) => {
        const ack = await channel.sync(request);
        if (ack.ok) this.syncKinds.push(ack.data.kind);
        return ack;
      },
    });
    this.socket.io.on('open', () => {
      this.socket.io.engine.on('packet', (packet: { data?: unknown }) => {
        if (typeof packet.data === 'string') this.frames.push(packet.data);
      });
    });
    this.socket.on('session:events', (batch) => {
      this.batches.push(batch);
      this.mirror.receive(batch.events);
    });
  }

  /**
   * Connects with the seat's token and catches up, like the web app on page load. Pass the mirror
   * of an earlier client to continue from what that device already held.
   */
  static async connect(url: string, seat: Seat, mirror = new ClientMirror()): Promise<TestClient> {
    const client = new TestClient(url, seat, mirror);
    await client.reconnect();
    return client;
  }

  /**
   * A projector opened with the read-only projector grant: no seat (its `seat` names the session
   * and `PROJECTOR_VIEWER_ID`, with no token), everything else like a device.
   */
  static async projector(url: string, sessionId: string, key: string): Promise<TestClient> {
    const seat = { sessionId, participantId: PROJECTOR_VIEWER_ID, token: '' };
    const client = new TestClient(url, seat, new ClientMirror(), {
      protocolVersion: PROTOCOL_VERSION,
      sessionId,
      projectorKey: key,
    });
    await client.reconnect();
    return client;
  }

  /** (Re)connects the same socket and catches up from the mirror's version. */
  async reconnect(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
      this.socket.connect();
    });
    await this.sync();
  }

  /** Asks for what the mirror missed, as the web app does (see `ReplicaSync.sync`). */
  sync(): Promise<void> {
    return this.mirror.sync();
  }

  /**
   * One `time:ping` round trip, timed with `localNow`: this device's own clock, which a test may
   * set off from the real one. `answerDelayMs` holds the answer back before reading the local
   * clock again, like a busy phone that handles the answer late.
   */
  async ping(localNow: () => number = Date.now, answerDelayMs = 0): Promise<ClockSample> {
    const sentAt = localNow();
    const ack = await this.channel.ping();
    if (answerDelayMs > 0) await sleep(answerDelayMs);
    const receivedAt = localNow();
    if (!ack.ok) throw new Error(`time:ping refused: ${ack.error.code}`);
    return { sentAt, receivedAt, serverNow: ack.data.serverNow };
  }

  /**
   * Sends a command with a fresh command id, or with `commandId` to act out a retry. An ok ack
   * carries the command's events, applied like the web app does. It then waits (briefly) until the
   * push for that version has arrived too, which the server sends right after the ack: the tests
   * take that as the moment every device has the change.
   */
  async send<T extends CommandType>(
    type: T,
    payload: CommandInput<T>,
    commandId: string = randomUUID(),
  ): Promise<Ack<CommandResult>> {
    const ack = await this.channel.command(type, payload, { commandId });
    if (ack.ok) {
      this.mirror.acked(ack.data);
      // The room's push follows the ack; tests take it as the moment the others have the change too.
      await this.pushed(ack.data.version);
      await this.caughtUp(ack.data.version);
    }
    return ack;
  }

  /** Resolves once a push reached `version` (or any push showed a later one), or after a short while regardless. */
  async pushed(version: number, timeoutMs = 2_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const highest = () => this.batches.reduce((top, b) => Math.max(top, b.events.at(-1)?.version ?? 0), 0);
    while (highest() < version && this.socket.connected && Date.now() < deadline) await sleep(2);
  }

  /** Resolves once this device's copy reached `version`, or after a short while regardless. */
  async caughtUp(version: number, timeoutMs = 2_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.mirror.version < version && this.socket.connected && Date.now() < deadline) await sleep(2);
  }

  /** Sends anything at all, for hostile-client tests; resolves with whatever comes back as the ack. */
  sendRaw(event: string, ...args: unknown[]): Promise<unknown> {
    const socket = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
    };
    return socket.emitWithAck(event, ...args);
  }

  /** Emits without an ack: fire and forget, as a broken or hostile client might. */
  emitRaw(event: string, ...args: unknown[]): void {
    (this.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Tries to connect with arbitrary auth and returns the refusal's `data`, or null when admitted. */
export async function handshakeRefusal(url: string, auth: Partial<HandshakeAuth> | Record<string, unknown>) {
  const socket = socketFor(url, auth);
  try {
    return await new Promise<{ message: string; data: HandshakeErrorData } | null>((resolve) => {
      socket.once('connect', () => resolve(null));
      socket.once('connect_error', (err: Error & { data?: HandshakeErrorData }) =>
        resolve({ message: err.message, data: err.data ?? { code: 'internal' } }),
      );
      socket.connect();
    });
  } finally {
    socket.disconnect();
  }
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function createSessionOverHttp(url: string, request: CreateSessionRequest): Promise<CreateSessionResponse> {
  return postJson(`${url}/api/sessions`, request);
}

export function createTeamSpaceOverHttp(url: string, request: CreateTeamSpaceRequest): Promise<CreateSessionResponse> {
  return postJson(`${url}/api/spaces`, request);
}

export function joinOverHttp(url: string, sessionId: string, name: string): Promise<JoinSessionResponse> {
  return postJson(`${url}/api/sessions/${sessionId}/participants`, { name });
}

export interface TestSession {
  created: CreateSessionResponse;
  sessionId: string;
  facilitator: TestClient;
  participants: TestClient[];
  /** Facilitator first, then the participants. */
  all: TestClient[];
  close(): void;
}

/** Creates a session over HTTP, seats `participants` more people, and connects everyone. */
export async function startSession(
  url: string,
  options: { participants: number; settings?: CreateSessionRequest['settings']; title?: string },
): Promise<TestSession> {
  const created = await createSessionOverHttp(url, {
    title: options.title ?? 'Team Lean Coffee',
    facilitatorName: 'Fatma',
    settings: options.settings,
  });
  const seats = await Promise.all(
    Array.from({ length: options.participants }, (_, i) => joinOverHttp(url, created.sessionId, `Person ${i + 1}`)),
  );
  const facilitator = await TestClient.connect(url, created);
  const participants = await Promise.all(seats.map((seat) => TestClient.connect(url, seat)));
  const all = [facilitator, ...participants];
  // Each connection records the seat as online in its own write; wait for all of them, so tests
  // start from a settled session rather than racing those writes.
  await waitUntil('everyone shows as online everywhere', () =>
    all.every((c) => c.mirror.current?.participants.every((p) => p.online) === true),
  );
  return {
    created,
    sessionId: created.sessionId,
    facilitator,
    participants,
    all,
    close: () => all.forEach((c) => c.close()),
  };
}

/** Polls until `check` holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every client's mirror has reached the version the store holds, and returns that
 * stored session, so the caller compares all clients against one consistent moment.
 */
export async function convergedSession(
  store: { load(id: string): Promise<{ state: KindState; version: number } | null> },
  sessionId: string,
  clients: readonly TestClient[],
  timeoutMs = 5_000,
): Promise<{ state: SessionState; version: number }> {
  let latest = null as { state: KindState; version: number } | null;
  await waitUntil(
    `all ${clients.length} clients reach the stored version`,
    async () => {
      latest = await store.load(sessionId);
      const version = latest?.version;
      return version !== undefined && clients.every((c) => c.mirror.version === version);
    },
    timeoutMs,
  );
  if (!latest) throw new Error('session vanished');
  return { state: leanCoffee(latest.state), version: latest.version };
}

/** The version an ok ack reached; fails the test with the code otherwise. */
export function okVersion(ack: Ack<CommandResult>): number {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}`);
  return ack.data.version;
}

/** The id of the topic with this title in a client's copy. */
export function topicId(state: SessionState | null, title: string): string {
  const topic = state?.topics.find((t) => t.title === title);
  if (!topic) throw new Error(`no topic "${title}"`);
  return topic.id;
}
