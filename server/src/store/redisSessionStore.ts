import {
  foldStoredSession,
  isStoredEventInCurrentShape,
  type KindEvent,
  type KindState,
  type KindVersionedEvent,
  type ArchiveKind,
  type ArchivedItem,
  type HallTableSummary,
  type SessionKind,
} from '@runde/shared';
import type { Logger } from 'pino';
import { ErrorReply } from 'redis';
import { proposalDeadlineKeys, sessionKeys } from './sessionKeys.ts';
import { NO_REPLICA_ACK, type RedisTarget, type ReplicaAckPolicy } from './redisTarget.ts';
import { OutageGate } from './outageGate.ts';
import { ReplicaAcks, ReplicasMissingError } from './replicaAcks.ts';
import { openStoreRedis, type StoreRedis } from './storeRedis.ts';
import {
  type ArchiveBounds,
  MAX_COMMAND_IDS,
  SNAPSHOT_INTERVAL,
  retentionOfKind,
  type RetentionByKind,
  StoreUnavailableError,
  type CommitOptions,
  type ArchiveQuery,
  type CommitResult,
  seatCommandMember,
  type CreateSessionInput,
  type HallTableSummaries,
  type SeatCommand,
  type SessionStore,
  storeSettingsOf,
  type StoreOptions,
  type StoredArchivePage,
  type StoredSession,
  type TokenGrant,
} from './sessionStore.ts';
import {
  ACCESS_FIELD,
  signInFlowKey,
  signInRecordKey,
  subjectSignInsKey,
  subjectField,
  type SeatProof,
  type SignInFlow,
  type SignInRecord,
} from './signInRecords.ts';
import type {
  DeviceGrantInfo,
  GrantDeviceOptions,
  GrantDeviceResult,
  RevokedDevice,
  StoredSeatDevice,
  StoredSeatLink,
} from './seatDeviceStore.ts';

/** A token grant as the scripts take it: hash, seat, and the device's record JSON ('' for none: 'earlier'). */
function tokenGrantArgs(grant: TokenGrant): string[] {
  return [grant.tokenHash, grant.participantId, grant.device ? JSON.stringify(grant.device) : ''];
}

/** `clock` is what `expiresAt` reads; Redis itself counts retention on its own. */
export interface RedisSessionStoreOptions extends StoreOptions {
  /** One Redis by URL; or `target` for Sentinel and Cluster. */
  url?: string;
  target?: RedisTarget;
  keyPrefix: string;
  logger?: Logger;
  /** How long `ping` waits for an answer before reporting the store as down. */
  pingTimeoutMs?: number;
  /** How many replicas must hold a write before `commit` returns; none by default. */
  replicaAck?: ReplicaAckPolicy;
  /**
   * The longest any call waits for Redis before it fails with StoreUnavailableError. A master that
   * died without closing its connections (a frozen host, a cut cable) never answers; the device
   * must hear `unavailable` and retry rather than wait. A command makes one or two calls and a
   * WAIT (bounded by the replica timeout), so with the default a device hears back within 2 s.
   */
  callTimeoutMs?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 1_000;

/**
 * Sessions in Redis. Each write is a single Lua script call (see `redisScripts.ts`), so nodes
 * sharing this Redis never see half a write and never overwrite each other's events.
 */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis';
  readonly #client: StoreRedis;
  readonly #replicas: ReplicaAcks;
  readonly #replicaTimeoutMs: number;
  readonly #replicaCount: number;
  readonly #callTimeoutMs: number;
  /** One per connection (a Cluster has one per master): a shard failing over holds up only its own sessions. */
  readonly #gates = new Map<string, OutageGate>();
  readonly #prefix: string;
  readonly #retention: RetentionByKind;
  readonly #clock: () => number;
  readonly #maxEvents: string;
  readonly #archiveBounds: Record<ArchiveKind, ArchiveBounds>;
  readonly #pingTimeoutMs: number;
  readonly #connected: Promise<void>;
  #closed = false;
  /**
   * Per connection (route), a number that changes when the connection does: taken from one
   * counter, so a new stamp never equals an old one, also for a route seen for the first time.
   */
  readonly #stamps = new Map<string, number>();
  #stampCounter = 0;

  /**
   * Starts connecting at once and keeps retrying in the background; `ready()` waits for the first
   * connection. Until then (and whenever Redis is away) every call fails with StoreUnavailableError.
   */
  constructor(options: RedisSessionStoreOptions) {
    this.#prefix = options.keyPrefix;
    const settings = storeSettingsOf(options);
    // Redis counts retention in whole milliseconds, and a PX of 0 is refused.
    const wholeMs = (ms: number) => Math.max(1, Math.round(ms));
    this.#retention = {
      leanCoffeeMs: wholeMs(settings.retention.leanCoffeeMs),
      teamSpaceMs: wholeMs(settings.retention.teamSpaceMs),
    };
    this.#clock = settings.clock;
    this.#maxEvents = String(settings.maxEvents);
    this.#archiveBounds = settings.archiveBounds;
    this.#pingTimeoutMs = options.pingTimeoutMs ?? 1_000;
    const target = options.target ?? (options.url ? { kind: 'single' as const, url: options.url } : undefined);
    if (!target) throw new Error('RedisSessionStore needs a url or a target');
    this.#client = openStoreRedis(target);
    const replicaAck = options.replicaAck ?? NO_REPLICA_ACK;
    this.#replicaTimeoutMs = replicaAck.timeoutMs;
    this.#replicaCount = replicaAck.count;
    this.#replicas = new ReplicaAcks(replicaAck.count, (key) =>
      this.#client.waitForReplicas(key, replicaAck.count, replicaAck.timeoutMs),
    );
    this.#callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const logger = options.logger;
    let down = false;
    // Without an 'error' listener a lost connection would crash the process. Log each outage once.
    // A connection error is only logged: a client retrying its connection reports one error per
    // try, and on a Cluster those of one dead node would otherwise count against every shard. What
    // makes earlier writes uncertain is a new connection, which 'moved' reports.
    this.#client.on('down', (err: unknown) => {
      if (down || this.#closed) return;
      down = true;
      logger?.error({ err: errorName(err) }, 'redis connection error');
    });
    this.#client.on('moved', (route?: string) => {
      if (route === undefined) {
        for (const gate of this.#gates.values()) gate.reset();
        this.#stamps.clear();
      } else {
        this.#gates.get(route)?.reset();
        this.#stamps.delete(route);
      }
      if (down) logger?.info('redis connection restored');
      down = false;
    });
    this.#connected = this.#client.connect().then(
      () => undefined,
      (err: unknown) => {
        throw new StoreUnavailableError('Redis connection failed', { cause: err });
      },
    );
    // `ready()` reports failures to whoever asks; nobody asking must not be an unhandled rejection.
    this.#connected.catch(() => undefined);
  }

  epochOf(id: string): number {
    return this.#stampOf(sessionKeys(this.#prefix, id)[0]);
  }

  #stampOf(key: string): number {
    const route = this.#client.routeOf(key);
    let stamp = this.#stamps.get(route);
    if (stamp === undefined) {
      stamp = ++this.#stampCounter;
      this.#stamps.set(route, stamp);
    }
    return stamp;
  }

  /** Resolves once connected the first time. */
  ready(): Promise<void> {
    return this.#connected;
  }

  async create(id: string, input: CreateSessionInput): Promise<boolean> {
    const events = input.events.map((event, i) => JSON.stringify({ version: i + 1, event }));
    const tokens = input.tokens.flatMap(tokenGrantArgs);
    const secrets = input.facilitatorKeys.flatMap((g) => [g.keyHash, g.participantId]);
    const keys = sessionKeys(this.#prefix, id);
    const epoch = this.#stampOf(keys[0]);
    const reply = await this.#call(id, () =>
      this.#client.script('createSession', keys, [
        JSON.stringify(input.state),
        String(events.length),
        String(this.retentionFor(input.state.kind)),
        this.#maxEvents,
        String(input.tokens.length),
        ...events,
        ...tokens,
        ...secrets,
      ]),
    );
    // A session created but lost with the master would leave its facilitator with a dead link.
    if (reply === 1) await this.#replicated(keys[0], epoch);
    return reply === 1;
  }

  async load(id: string): Promise<StoredSession | null> {
    const reply = await this.#call(id, () => this.#client.script('loadSession', sessionKeys(this.#prefix, id), []));
    return Array.isArray(reply) && reply.length > 0 ? decodeSession(reply) : null;
  }

  async commit(
    id: string,
    expectedVersion: number,
    events: KindEvent[],
    nextState: KindState,
    options: CommitOptions = {},
  ): Promise<CommitResult> {
    const serialized = events.map((event, i) => JSON.stringify({ version: expectedVersion + i + 1, event }));
    // Serialising a big session's state for every vote would dominate the cost of a command; the
    // snapshot is rewritten each time the version passes a multiple of the interval instead.
    const interval = Math.min(SNAPSHOT_INTERVAL, Number(this.#maxEvents));
    const snapshotDue =
      Math.floor((expectedVersion + events.length) / interval) > Math.floor(expectedVersion / interval);
    // Token grants (with their devices), bound subjects and the access flag are all fields of the
    // tokens hash, set in the same atomic write as the events that make them so. A triple whose
    // third part is '-' is a plain field (see COMMIT).
    const grants = [
      ...[...(options.grantTokens ?? []), ...(options.seatGrant ? [options.seatGrant.grant] : [])].flatMap(
        tokenGrantArgs,
      ),
      ...(options.bindSubjects ?? []).flatMap((b) => [subjectField(b.subjectKey), b.participantId, '-']),
      ...(options.access ? [ACCESS_FIELD, options.access === 'required' ? 'required' : '', '-'] : []),
    ];
    const archive = options.archive ?? [];
    const reply = await this.#call(id, () =>
      this.#client.script('commitSession', sessionKeys(this.#prefix, id), [
        String(expectedVersion),
        snapshotDue ? JSON.stringify(nextState) : '',
        String(this.retentionFor(nextState.kind)),
        this.#maxEvents,
        String(serialized.length),
        options.command ? seatCommandMember(options.command) : '',
        String(MAX_COMMAND_IDS),
        String(archive.length),
        String(this.#archiveBounds.meeting.maxEntries),
        String(this.#archiveBounds.meeting.maxBytes),
        String(this.#archiveBounds.decision.maxEntries),
        String(this.#archiveBounds.decision.maxBytes),
        options.repointSeat?.from ?? '',
        options.repointSeat?.into ?? '',
        options.seatGrant?.grant.participantId ?? '',
        String(options.seatGrant?.cap ?? 0),
        JSON.stringify(options.seatGrant?.revokeDeviceIds ?? []),
        ...serialized,
        ...archive.flatMap((entry) => [entry.kind, JSON.stringify(entry)]),
        ...grants,
      ]),
    );
    return decodeCommitReply(reply);
  }

  async eventsSince(id: string, version: number): Promise<KindVersionedEvent[] | null> {
    const reply = await this.#call(id, () =>
      this.#client.script('eventsSince', sessionKeys(this.#prefix, id), [String(version)]),
    );
    if (!Array.isArray(reply) || reply[0] !== 'ok') return null;
    const events = reply.slice(1).map((json) => JSON.parse(String(json)) as KindVersionedEvent);
    // Events logged by an earlier release lack what masking needs: the client gets a snapshot.
    return events.every((e) => isStoredEventInCurrentShape(e.event)) ? events : null;
  }

  async archive(id: string, { kind, before, limit }: ArchiveQuery): Promise<StoredArchivePage> {
    const reply = await this.#call(id, () =>
      this.#client.script('archivePage', sessionKeys(this.#prefix, id), [
        kind,
        before === undefined ? '' : String(before),
        String(limit),
      ]),
    );
    if (!Array.isArray(reply)) throw new Error('Unexpected archive reply from Redis');
    const [first, lower, ...entries] = reply as unknown[];
    if (typeof first !== 'number' || typeof lower !== 'number') throw new Error('Unexpected archive reply from Redis');
    return {
      entries: entries.map((json, i) => ({ ...(JSON.parse(String(json)) as ArchivedItem), seq: lower + i })).reverse(),
      next: entries.length > 0 && lower > first ? lower : null,
    };
  }

  async commandVersion(id: string, command: SeatCommand): Promise<number | null> {
    const [, , , , commands] = sessionKeys(this.#prefix, id);
    const score = await this.#call(id, () => this.#client.zScore(commands, seatCommandMember(command)));
    return score ?? null;
  }

  async delete(id: string): Promise<boolean> {
    // One command over keys of one hash slot: atomic, also on Redis Cluster.
    const removed = await this.#call(id, () => this.#client.del(sessionKeys(this.#prefix, id)));
    // The index lives in another slot, so this is a second step. Should it fail, the scheduler
    // finds the session gone when its deadline comes and drops the entry then.
    // Not thrown: the session is gone, which is what the caller asked for.
    const keys = proposalDeadlineKeys(this.#prefix);
    await this.#callFor(keys[0], () => this.#client.script('dropProposalDeadline', keys, [id])).catch(() => undefined);
    return removed > 0;
  }

  async setProposalDeadline(id: string, version: number, at: number | null): Promise<void> {
    const keys = proposalDeadlineKeys(this.#prefix);
    const deadline = at === null ? '' : String(Math.round(at));
    await this.#callFor(keys[0], () =>
      this.#client.script('setProposalDeadline', keys, [id, String(version), deadline]),
    );
  }

  async dueProposalDeadlines(now: number, limit: number): Promise<string[]> {
    const keys = proposalDeadlineKeys(this.#prefix);
    const reply = await this.#callFor(keys[0], () =>
      this.#client.script('dueProposalDeadlines', keys, [String(Math.floor(now)), String(limit)]),
    );
    if (!Array.isArray(reply)) throw new Error('Unexpected proposal deadlines reply from Redis');
    return reply.map(String);
  }

  async participantForToken(id: string, tokenHash: string): Promise<string | null> {
    const [, , tokens] = sessionKeys(this.#prefix, id);
    return (await this.#call(id, () => this.#client.hGet(tokens, tokenHash))) ?? null;
  }

  async seatProof(id: string, tokenHash: string, subjectKey: string | null): Promise<SeatProof> {
    const [, , tokens] = sessionKeys(this.#prefix, id);
    const fields = [tokenHash, ACCESS_FIELD, ...(subjectKey === null ? [] : [subjectField(subjectKey)])];
    const [participantId, access, subjectSeat] = await this.#call(id, () => this.#client.hmGet(tokens, fields));
    return {
      participantId: participantId ?? null,
      signInRequired: access === 'required',
      subjectSeat: subjectSeat ?? null,
    };
  }

  async putSignInFlow(flowId: string, flow: SignInFlow, ttlMs: number): Promise<void> {
    const key = signInFlowKey(this.#prefix, flowId);
    await this.#callFor(key, () => this.#client.setPx(key, JSON.stringify(flow), Math.max(1, Math.round(ttlMs))));
  }

  async takeSignInFlow(flowId: string): Promise<SignInFlow | null> {
    const key = signInFlowKey(this.#prefix, flowId);
    // GETDEL: of two callbacks with the same flow, one finds it.
    const json = await this.#callFor(key, () => this.#client.getDel(key));
    return json === null ? null : (JSON.parse(json) as SignInFlow);
  }

  async putSignIn(signInId: string, record: SignInRecord, ttlMs: number): Promise<void> {
    const key = signInRecordKey(this.#prefix, signInId);
    await this.#callFor(key, () => this.#client.setPx(key, JSON.stringify(record), Math.max(1, Math.round(ttlMs))));
  }

  async signIn(signInId: string): Promise<SignInRecord | null> {
    const key = signInRecordKey(this.#prefix, signInId);
    const json = await this.#callFor(key, () => this.#client.get(key));
    return json === null ? null : (JSON.parse(json) as SignInRecord);
  }

  async deleteSignIn(signInId: string): Promise<void> {
    const key = signInRecordKey(this.#prefix, signInId);
    await this.#callFor(key, () => this.#client.del([key]));
  }

  async signInsOf(subjectKey: string): Promise<string[]> {
    const key = subjectSignInsKey(this.#prefix, subjectKey);
    const json = await this.#callFor(key, () => this.#client.get(key));
    const ids: unknown = json === null ? [] : JSON.parse(json);
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }

  async putSignInsOf(subjectKey: string, signInIds: string[], ttlMs: number): Promise<void> {
    const key = subjectSignInsKey(this.#prefix, subjectKey);
    await this.#callFor(key, () => this.#client.setPx(key, JSON.stringify(signInIds), Math.max(1, Math.round(ttlMs))));
  }

  async addSignInOf(subjectKey: string, signInId: string, max: number, ttlMs: number): Promise<string[]> {
    const key = subjectSignInsKey(this.#prefix, subjectKey);
    const reply = await this.#callFor(key, () =>
      this.#client.script('addSubjectSignIn', [key], [signInId, String(max), String(Math.max(1, Math.round(ttlMs)))]),
    );
    return Array.isArray(reply) ? reply.map(String) : [];
  }

  async claimSignInRecheck(signInId: string, ttlMs: number): Promise<boolean> {
    // Beside the record, in its hash slot; it runs out by itself.
    const key = `${signInRecordKey(this.#prefix, signInId)}:recheck`;
    return this.#callFor(key, () => this.#client.setNxPx(key, '1', Math.max(1, Math.round(ttlMs))));
  }

  async seatDevices(id: string, participantId: string): Promise<StoredSeatDevice[]> {
    const reply = await this.#call(id, () =>
      this.#client.script('seatDevices', sessionKeys(this.#prefix, id), [participantId]),
    );
    // Lua's cjson writes an empty list as '{}'.
    const devices: unknown = JSON.parse(String(reply));
    return Array.isArray(devices) ? (devices as StoredSeatDevice[]) : [];
  }

  async grantDevice(
    id: string,
    grant: { tokenHash: string; participantId: string; device: DeviceGrantInfo },
    options: GrantDeviceOptions,
  ): Promise<GrantDeviceResult> {
    const reply = await this.#call(id, () =>
      this.#client.script('grantDevice', sessionKeys(this.#prefix, id), [
        grant.tokenHash,
        grant.participantId,
        JSON.stringify(grant.device),
        String(options.cap),
        options.replaceTokenHash ?? '',
        ...(options.revokeDeviceIds ?? []),
      ]),
    );
    if (!Array.isArray(reply)) throw new Error('Unexpected grant reply from Redis');
    const [status, ...pairs] = reply.map(String);
    if (status === 'missing' || status === 'cap') return { ok: false, reason: status };
    const revoked: RevokedDevice[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      revoked.push({ participantId: pairs[i] ?? '', deviceId: pairs[i + 1] ?? '' });
    }
    return { ok: true, revoked };
  }

  async revokeDevices(id: string, participantId: string, deviceIds: readonly string[]): Promise<string[]> {
    if (deviceIds.length === 0) return [];
    const reply = await this.#call(id, () =>
      this.#client.script('revokeDevices', sessionKeys(this.#prefix, id), [participantId, ...deviceIds]),
    );
    return Array.isArray(reply) ? reply.map(String) : [];
  }

  async putSeatLink(id: string, secretHash: string, link: StoredSeatLink, maxOpen: number): Promise<boolean> {
    const reply = await this.#call(id, () =>
      this.#client.script('putSeatLink', sessionKeys(this.#prefix, id), [
        secretHash,
        JSON.stringify(link),
        link.participantId,
        String(maxOpen),
        String(this.#clock()),
      ]),
    );
    return reply === 1;
  }

  async takeSeatLink(id: string, secretHash: string, now: number): Promise<StoredSeatLink | null> {
    const reply = await this.#call(id, () =>
      this.#client.script('takeSeatLink', sessionKeys(this.#prefix, id), [secretHash, String(now)]),
    );
    return typeof reply === 'string' ? (JSON.parse(reply) as StoredSeatLink) : null;
  }

  async repointSeat(id: string, from: string, into: string): Promise<void> {
    await this.#call(id, () => this.#client.script('repointSeat', sessionKeys(this.#prefix, id), [from, into]));
  }

  async facilitatorForKey(id: string, keyHash: string): Promise<string | null> {
    const [, , , secrets] = sessionKeys(this.#prefix, id);
    return (await this.#call(id, () => this.#client.hGet(secrets, keyHash))) ?? null;
  }

  retentionFor(kind: SessionKind): number {
    return retentionOfKind(this.#retention, kind);
  }

  async expiresAt(id: string): Promise<number | null> {
    const [session] = sessionKeys(this.#prefix, id);
    const ttl = await this.#call(id, () => this.#client.pTTL(session));
    // -2: no such key; -1 (no expiry) never happens for keys these scripts wrote.
    return ttl >= 0 ? this.#clock() + ttl : null;
  }

  /**
   * Gives team spaces stored by an earlier release (which kept every session for the Lean Coffee
   * retention) their own retention, counted from now: see TEAM_SPACE_RETENTION_UPGRADE. Walks the
   * prefix with SCAN (never blocks Redis), one atomic script per session; sessions written by this
   * release are skipped, so running it on every start of every node changes nothing twice.
   * Returns how many team spaces got the long retention.
   */
  async upgradeTeamSpaceRetention(): Promise<number> {
    const match = `${escapeGlob(this.#prefix)}{*}:session`;
    const teamSpaceMs = String(this.#retention.teamSpaceMs);
    let upgraded = 0;
    for await (const keys of this.#client.scan(match, 'hash')) {
      for (const key of keys) {
        const id = key.slice(this.#prefix.length + 1, -'}:session'.length);
        const reply = await this.#call(id, () =>
          this.#client.script('upgradeTeamSpaceRetention', sessionKeys(this.#prefix, id), [teamSpaceMs]),
        );
        if (reply === 1) upgraded += 1;
      }
    }
    return upgraded;
  }

  async setProjectorKey(id: string, keyHash: string): Promise<boolean> {
    const reply = await this.#call(id, () =>
      this.#client.script('setProjectorKey', sessionKeys(this.#prefix, id), [keyHash]),
    );
    return reply === 1;
  }

  async projectorKeyHash(id: string): Promise<string | null> {
    const [session] = sessionKeys(this.#prefix, id);
    return (await this.#call(id, () => this.#client.hGet(session, 'projectorKey'))) ?? null;
  }

  async putHallTableSummary(hallId: string, summary: HallTableSummary): Promise<boolean> {
    const reply = await this.#call(hallId, () =>
      this.#client.script('putHallTableSummary', sessionKeys(this.#prefix, hallId), [
        String(summary.table),
        String(summary.version),
        JSON.stringify(summary),
        String(this.retentionFor('hall')),
      ]),
    );
    return reply === 1;
  }

  async hallTableSummaries(hallId: string): Promise<HallTableSummaries> {
    const reply = await this.#call(hallId, () =>
      this.#client.script('hallTableSummaries', sessionKeys(this.#prefix, hallId), []),
    );
    if (!Array.isArray(reply)) throw new Error('Unexpected hall summaries reply from Redis');
    const [stamp, ...summaries] = reply as unknown[];
    return {
      stamp: typeof stamp === 'number' ? stamp : 0,
      tables: summaries.map((json) => JSON.parse(String(json)) as HallTableSummary),
    };
  }

  async hallSummaryStamp(hallId: string): Promise<number> {
    const [, , , , , , , , , hallTables] = sessionKeys(this.#prefix, hallId);
    return Number((await this.#call(hallId, () => this.#client.hGet(hallTables, 'stamp'))) ?? 0);
  }

  async ping(): Promise<boolean> {
    if (!this.#client.isReady) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#pingTimeoutMs);
    });
    try {
      const answer = this.#client.ping().catch(() => false);
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // A graceful close waits for replies, which never come from a Redis that is not there.
    if (this.#client.isReady) await this.#client.close();
    else this.#client.destroy();
  }

  /** The shortest remaining TTL among the session's keys that exist, or null. For tests and diagnostics. */
  async remainingTtlMs(id: string): Promise<number | null> {
    const ttls = await Promise.all(sessionKeys(this.#prefix, id).map((key) => this.#client.pTTL(key)));
    const live = ttls.filter((ttl) => ttl >= 0);
    return live.length > 0 ? Math.min(...live) : null;
  }

  async confirmWrites(id: string, epochOfWrite: number): Promise<void> {
    await this.#replicated(sessionKeys(this.#prefix, id)[0], epochOfWrite);
  }

  /**
   * Resolves once the required replicas hold this connection's writes to the session, including
   * the one just made. Throws StoreUnavailableError when they do not in time, or when the
   * connection changed since the write (a WAIT on a new connection to a new master says nothing
   * about a write made on the old one): the device retries with the same command id and gets the
   * first answer, confirmed again, or its command applied anew if the write was lost.
   */
  async #replicated(sessionKey: string, epochOfWrite: number): Promise<void> {
    // Every command passes here: with no replica to wait for, no timer, gate or route lookup either.
    if (this.#replicaCount <= 0) return;
    // WAIT answers by itself after its timeout; a little more is the connection's own delay.
    await this.#callFor(
      sessionKey,
      () => this.#replicas.confirm(this.#client.routeOf(sessionKey), sessionKey),
      this.#replicaTimeoutMs + 250,
    );
    if (this.#stampOf(sessionKey) !== epochOfWrite) {
      throw new StoreUnavailableError('The Redis connection changed before the write was confirmed');
    }
  }

  /**
   * Client failures (connection refused, closed, offline, too few replicas) become
   * StoreUnavailableError, and so does a call with no answer within the call timeout.
   */
  /** A call about one session, through the gate of the connection that serves it. */
  #call<T>(id: string, operation: () => Promise<T>, timeoutMs = this.#callTimeoutMs): Promise<T> {
    return this.#callFor(sessionKeys(this.#prefix, id)[0], operation, timeoutMs);
  }

  async #callFor<T>(key: string, operation: () => Promise<T>, timeoutMs = this.#callTimeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      // Given up only after one more turn of the event loop: when the process itself stalled (a
      // long GC, a busy machine), the answer may be waiting in the socket, and it is read first.
      timer = setTimeout(() => setImmediate(() => reject(new NoAnswerError(timeoutMs))), timeoutMs);
    });
    try {
      return await this.#gateFor(key).run(() => Promise.race([operation(), late]));
    } catch (err) {
      if (err instanceof StoreUnavailableError) throw err;
      throw new StoreUnavailableError('Redis command failed', { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  #gateFor(key: string): OutageGate {
    const route = this.#client.routeOf(key);
    let gate = this.#gates.get(route);
    if (!gate) {
      gate = new OutageGate(isOutage);
      this.#gates.set(route, gate);
    }
    return gate;
  }
}

class NoAnswerError extends StoreUnavailableError {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
  }
}

/**
 * No answer at all: a timeout, or a connection that is closed or lost. An error reply from Redis
 * (READONLY while a failover demotes the master, a script error) or too few replicas are answers.
 */
function isOutage(err: unknown): boolean {
  if (err instanceof NoAnswerError) return true;
  if (err instanceof ReplicasMissingError || err instanceof ErrorReply) return false;
  return true;
}

function decodeCommitReply(reply: unknown): CommitResult {
  if (Array.isArray(reply)) {
    const [status, version] = reply as unknown[];
    if (status === 'ok' && typeof version === 'number') return { ok: true, version };
    if (status === 'missing') return { ok: false, reason: 'missing' };
    if (status === 'cap') return { ok: false, reason: 'cap' };
    if (status === 'bound' && typeof version === 'string')
      return { ok: false, reason: 'subjectBound', participantId: version };
    if (status === 'duplicate' && typeof version === 'number') return { ok: false, reason: 'duplicate', version };
    if (status === 'conflict') return { ok: false, reason: 'conflict', current: decodeSession(reply.slice(1)) };
  }
  throw new Error('Unexpected reply from the commit script');
}

/**
 * The reply of `current_session`: the snapshot, its version and the events after it, folded into
 * the session's current state. The fold is the same pure `apply` every client runs.
 */
function decodeSession(reply: unknown[]): StoredSession {
  const [version, state, snapshotVersion, ...tail] = reply;
  if (typeof version !== 'number' || typeof state !== 'string' || typeof snapshotVersion !== 'number') {
    throw new Error('Unexpected session reply from Redis');
  }
  const events = tail.map((json) => (JSON.parse(String(json)) as KindVersionedEvent).event);
  if (snapshotVersion + events.length !== version) throw new Error('The event log does not reach the snapshot');
  const snapshot = JSON.parse(state) as KindState;
  // Stored by an earlier release, perhaps: brought to today's shape as it is folded.
  return { state: foldStoredSession(snapshot, events), version };
}

/** A literal for a SCAN pattern: Redis globs treat `*`, `?`, `[`, `]` and `\\` specially. */
function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]\\]/g, '\\$&');
}

function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
}
