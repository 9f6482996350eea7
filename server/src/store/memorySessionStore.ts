import type {
  KindEvent,
  KindState,
  KindVersionedEvent,
  ArchiveKind,
  ArchivedItem,
  HallTableSummary,
  SessionKind,
} from '@runde/shared';
import {
  type ArchiveBounds,
  MAX_COMMAND_IDS,
  retentionOfKind,
  type RetentionByKind,
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
import { ACCESS_FIELD, subjectField, type SeatProof, type SignInFlow, type SignInRecord } from './signInRecords.ts';
import { MemorySeatDevices } from './memorySeatDevices.ts';
import type {
  DeviceGrantInfo,
  GrantDeviceOptions,
  GrantDeviceResult,
  StoredSeatDevice,
  StoredSeatLink,
} from './seatDeviceStore.ts';

/** One kind's archive: entry JSONs oldest first, how many were ever archived, and the bytes held. */
interface ArchiveList {
  entries: string[];
  total: number;
  bytes: number;
}

interface Entry {
  /** Kept as JSON, like Redis does, so no caller can change stored state through a shared reference. */
  state: string;
  version: number;
  events: string[];
  /** Tokens with their device records and open seat links. */
  seats: MemorySeatDevices;
  /** Bound subjects (`s:<subjectKey>` → participantId) and the access flag: the Redis tokens hash's other fields. */
  signInFields: Map<string, string>;
  facilitatorKeys: Map<string, string>;
  projectorKeyHash: string | null;
  /** Seat-scoped command id (`seatCommandMember`) → the version it reached, oldest first (a Map keeps insertion order). */
  commands: Map<string, number>;
  archive: Record<ArchiveKind, ArchiveList>;
  /** A hall's table summaries (JSON, like the rest) by table number, and the count of their changes. */
  hallTables: Map<number, { json: string; version: number }>;
  hallStamp: number;
  expiresAt: number;
}

export interface MemorySessionStoreOptions extends StoreOptions {
  /** How often expired sessions are dropped; reads check expiry themselves either way. */
  sweepIntervalMs?: number;
}

/**
 * The embedded store for a single node without Redis: same semantics as the Redis store
 * (versions, capped event log, retention refreshed by every write), lost on restart.
 */
export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory';
  /** Memory never reconnects: cached states stay comparable by version alone. */
  /** Memory never reconnects. */
  epochOf(): number {
    return 0;
  }
  readonly #sessions = new Map<string, Entry>();
  /** Logins under way and sign-ins, JSON with their expiry like every other record here. */
  readonly #flows = new Map<string, { json: string; expiresAt: number }>();
  readonly #signIns = new Map<string, { json: string; expiresAt: number }>();
  /** Sign-in id → until when its provider recheck is claimed. */
  readonly #recheckClaims = new Map<string, number>();
  /** subjectKey → its sign-in ids, newest first. */
  readonly #subjectSignIns = new Map<string, { ids: string[]; expiresAt: number }>();
  /** The proposal-deadline index: session id → deadline (ms) and the version it was computed from. */
  readonly #proposalDeadlines = new Map<string, { at: number; version: number }>();
  readonly #retention: RetentionByKind;
  readonly #maxEvents: number;
  readonly #archiveBounds: Record<ArchiveKind, ArchiveBounds>;
  readonly #clock: () => number;
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: MemorySessionStoreOptions) {
    const settings = storeSettingsOf(options);
    this.#retention = settings.retention;
    this.#maxEvents = settings.maxEvents;
    this.#archiveBounds = settings.archiveBounds;
    this.#clock = settings.clock;
    this.#sweeper = setInterval(() => this.#sweep(), options.sweepIntervalMs ?? 60_000);
    // A forgotten store must not keep a test process or a shutting-down server alive.
    this.#sweeper.unref();
  }

  async create(id: string, input: CreateSessionInput): Promise<boolean> {
    if (this.#live(id)) return false;
    this.#sessions.set(id, {
      state: JSON.stringify(input.state),
      version: input.events.length,
      events: this.#cap(input.events.map((event, i) => JSON.stringify({ version: i + 1, event }))),
      seats: seatsWith(input.tokens),
      signInFields: new Map(),
      facilitatorKeys: new Map(input.facilitatorKeys.map((g) => [g.keyHash, g.participantId])),
      projectorKeyHash: null,
      commands: new Map(),
      archive: { meeting: emptyArchive(), tension: emptyArchive(), action: emptyArchive(), decision: emptyArchive() },
      hallTables: new Map(),
      hallStamp: 0,
      expiresAt: this.#clock() + this.retentionFor(input.state.kind),
    });
    return true;
  }

  async load(id: string): Promise<StoredSession | null> {
    const entry = this.#live(id);
    return entry ? { state: JSON.parse(entry.state) as KindState, version: entry.version } : null;
  }

  /** Memory has nothing to replicate to. */
  async confirmWrites(): Promise<void> {}

  async commit(
    id: string,
    expectedVersion: number,
    events: KindEvent[],
    nextState: KindState,
    options: CommitOptions = {},
  ): Promise<CommitResult> {
    const entry = this.#live(id);
    if (!entry) return { ok: false, reason: 'missing' };
    const member = options.command === undefined ? undefined : seatCommandMember(options.command);
    const seen = member === undefined ? undefined : entry.commands.get(member);
    if (seen !== undefined) return { ok: false, reason: 'duplicate', version: seen };
    if (entry.version !== expectedVersion) {
      return {
        ok: false,
        reason: 'conflict',
        current: { state: JSON.parse(entry.state) as KindState, version: entry.version },
      };
    }
    // Refusals first, so a refused commit writes nothing (as the Redis script).
    for (const bound of options.bindSubjects ?? []) {
      const holder = entry.signInFields.get(subjectField(bound.subjectKey));
      if (holder !== undefined && holder !== bound.participantId)
        return { ok: false, reason: 'subjectBound', participantId: holder };
    }
    const seatGrant = options.seatGrant;
    if (seatGrant) {
      const revoke = new Set(seatGrant.revokeDeviceIds);
      const kept = entry.seats.devicesOf(seatGrant.grant.participantId).filter((d) => !revoke.has(d.id));
      if (kept.length + 1 > seatGrant.cap) return { ok: false, reason: 'cap' };
    }
    const appended = events.map((event, i) => JSON.stringify({ version: expectedVersion + i + 1, event }));
    entry.events = this.#cap([...entry.events, ...appended]);
    entry.version = expectedVersion + events.length;
    entry.state = JSON.stringify(nextState);
    if (options.repointSeat) entry.seats.repoint(options.repointSeat.from, options.repointSeat.into);
    for (const grant of options.grantTokens ?? []) entry.seats.add(grant.tokenHash, grant.participantId, grant.device);
    if (seatGrant) entry.seats.grant(seatGrant.grant, seatGrant);
    const signInFields = entry.signInFields;
    if (options.repointSeat) repointFields(signInFields, options.repointSeat.from, options.repointSeat.into);
    for (const bound of options.bindSubjects ?? [])
      signInFields.set(subjectField(bound.subjectKey), bound.participantId);
    if (options.access) signInFields.set(ACCESS_FIELD, options.access === 'required' ? 'required' : '');
    for (const item of options.archive ?? [])
      this.#archive(entry.archive[item.kind], this.#archiveBounds[item.kind], item);
    if (member !== undefined) this.#remember(entry.commands, member, entry.version);
    entry.expiresAt = this.#clock() + this.retentionFor(nextState.kind);
    return { ok: true, version: entry.version };
  }

  async eventsSince(id: string, version: number): Promise<KindVersionedEvent[] | null> {
    const entry = this.#live(id);
    if (!entry || version > entry.version || version < 0) return null;
    const first = entry.version - entry.events.length + 1;
    if (version < first - 1) return null;
    return entry.events.slice(version - first + 1).map((json) => JSON.parse(json) as KindVersionedEvent);
  }

  async archive(id: string, { kind, before, limit }: ArchiveQuery): Promise<StoredArchivePage> {
    const list = this.#live(id)?.archive[kind];
    if (!list) return { entries: [], next: null };
    const first = list.total - list.entries.length + 1;
    const upper = Math.min(list.total, before === undefined ? list.total : before - 1);
    const lower = Math.max(first, upper - limit + 1);
    if (upper < lower) return { entries: [], next: null };
    const entries = list.entries
      .slice(lower - first, upper - first + 1)
      .map((json, i) => ({ ...(JSON.parse(json) as ArchivedItem), seq: lower + i }))
      .reverse();
    return { entries, next: lower > first ? lower : null };
  }

  async commandVersion(id: string, command: SeatCommand): Promise<number | null> {
    return this.#live(id)?.commands.get(seatCommandMember(command)) ?? null;
  }

  async delete(id: string): Promise<boolean> {
    this.#proposalDeadlines.delete(id);
    return this.#sessions.delete(id);
  }

  async setProposalDeadline(id: string, version: number, at: number | null): Promise<void> {
    const recorded = this.#proposalDeadlines.get(id);
    // Like the Redis store: an older state's deadline never replaces a newer one's.
    if (recorded && recorded.version > version) return;
    if (at === null) this.#proposalDeadlines.delete(id);
    else this.#proposalDeadlines.set(id, { at, version });
  }

  async dueProposalDeadlines(now: number, limit: number): Promise<string[]> {
    return [...this.#proposalDeadlines]
      .filter(([, { at }]) => at <= now)
      .sort(([, a], [, b]) => a.at - b.at)
      .slice(0, limit)
      .map(([id]) => id);
  }

  async participantForToken(id: string, tokenHash: string): Promise<string | null> {
    return this.#live(id)?.seats.tokens.get(tokenHash) ?? null;
  }

  async seatDevices(id: string, participantId: string): Promise<StoredSeatDevice[]> {
    return this.#live(id)?.seats.devicesOf(participantId) ?? [];
  }

  async grantDevice(
    id: string,
    grant: { tokenHash: string; participantId: string; device: DeviceGrantInfo },
    options: GrantDeviceOptions,
  ): Promise<GrantDeviceResult> {
    const entry = this.#live(id);
    return entry ? entry.seats.grant(grant, options) : { ok: false, reason: 'missing' };
  }

  async revokeDevices(id: string, participantId: string, deviceIds: readonly string[]): Promise<string[]> {
    return this.#live(id)?.seats.revoke(participantId, deviceIds) ?? [];
  }

  async putSeatLink(id: string, secretHash: string, link: StoredSeatLink, maxOpen: number): Promise<boolean> {
    const entry = this.#live(id);
    entry?.seats.putLink(secretHash, link, maxOpen, this.#clock());
    return entry !== undefined;
  }

  async takeSeatLink(id: string, secretHash: string, now: number): Promise<StoredSeatLink | null> {
    return this.#live(id)?.seats.takeLink(secretHash, now) ?? null;
  }

  async repointSeat(id: string, from: string, into: string): Promise<void> {
    const entry = this.#live(id);
    entry?.seats.repoint(from, into);
    if (entry) repointFields(entry.signInFields, from, into);
  }

  async seatProof(id: string, tokenHash: string, subjectKey: string | null): Promise<SeatProof> {
    const entry = this.#live(id);
    const fields = entry?.signInFields;
    return {
      participantId: entry?.seats.tokens.get(tokenHash) ?? null,
      signInRequired: fields?.get(ACCESS_FIELD) === 'required',
      subjectSeat: subjectKey === null ? null : (fields?.get(subjectField(subjectKey)) ?? null),
    };
  }

  async putSignInFlow(flowId: string, flow: SignInFlow, ttlMs: number): Promise<void> {
    this.#flows.set(flowId, { json: JSON.stringify(flow), expiresAt: this.#clock() + ttlMs });
  }

  async takeSignInFlow(flowId: string): Promise<SignInFlow | null> {
    const kept = this.#flows.get(flowId);
    this.#flows.delete(flowId);
    return kept && kept.expiresAt > this.#clock() ? (JSON.parse(kept.json) as SignInFlow) : null;
  }

  async putSignIn(signInId: string, record: SignInRecord, ttlMs: number): Promise<void> {
    this.#signIns.set(signInId, { json: JSON.stringify(record), expiresAt: this.#clock() + ttlMs });
  }

  async signIn(signInId: string): Promise<SignInRecord | null> {
    const kept = this.#signIns.get(signInId);
    if (kept && kept.expiresAt <= this.#clock()) this.#signIns.delete(signInId);
    return kept && kept.expiresAt > this.#clock() ? (JSON.parse(kept.json) as SignInRecord) : null;
  }

  async deleteSignIn(signInId: string): Promise<void> {
    this.#signIns.delete(signInId);
  }

  async signInsOf(subjectKey: string): Promise<string[]> {
    const kept = this.#subjectSignIns.get(subjectKey);
    return kept && kept.expiresAt > this.#clock() ? [...kept.ids] : [];
  }

  async putSignInsOf(subjectKey: string, signInIds: string[], ttlMs: number): Promise<void> {
    this.#subjectSignIns.set(subjectKey, { ids: [...signInIds], expiresAt: this.#clock() + ttlMs });
  }

  async addSignInOf(subjectKey: string, signInId: string, max: number, ttlMs: number): Promise<string[]> {
    // No await between the read and the write: one step, as the Redis script.
    const kept = this.#subjectSignIns.get(subjectKey);
    const before = kept && kept.expiresAt > this.#clock() ? kept.ids : [];
    const ids = [signInId, ...before.filter((other) => other !== signInId)];
    this.#subjectSignIns.set(subjectKey, { ids: ids.slice(0, max), expiresAt: this.#clock() + ttlMs });
    return ids.slice(max);
  }

  async claimSignInRecheck(signInId: string, ttlMs: number): Promise<boolean> {
    const now = this.#clock();
    const until = this.#recheckClaims.get(signInId);
    if (until !== undefined && until > now) return false;
    // Claims of ended sign-ins are dropped when they run out, so the map stays as small as the rechecks under way.
    for (const [id, end] of this.#recheckClaims) if (end <= now) this.#recheckClaims.delete(id);
    this.#recheckClaims.set(signInId, now + ttlMs);
    return true;
  }

  async facilitatorForKey(id: string, keyHash: string): Promise<string | null> {
    return this.#live(id)?.facilitatorKeys.get(keyHash) ?? null;
  }

  retentionFor(kind: SessionKind): number {
    return retentionOfKind(this.#retention, kind);
  }

  async expiresAt(id: string): Promise<number | null> {
    return this.#live(id)?.expiresAt ?? null;
  }

  async setProjectorKey(id: string, keyHash: string): Promise<boolean> {
    const entry = this.#live(id);
    if (!entry) return false;
    entry.projectorKeyHash = keyHash;
    return true;
  }

  async projectorKeyHash(id: string): Promise<string | null> {
    return this.#live(id)?.projectorKeyHash ?? null;
  }

  async putHallTableSummary(hallId: string, summary: HallTableSummary): Promise<boolean> {
    const entry = this.#live(hallId);
    if (!entry) return false;
    // A table's write keeps its hall, so a table in use never outlives it (see the Redis script).
    entry.expiresAt = this.#clock() + this.retentionFor('hall');
    const older = entry.hallTables.get(summary.table);
    if (older && older.version >= summary.version) return false;
    entry.hallTables.set(summary.table, { json: JSON.stringify(summary), version: summary.version });
    entry.hallStamp += 1;
    return true;
  }

  async hallTableSummaries(hallId: string): Promise<HallTableSummaries> {
    const entry = this.#live(hallId);
    if (!entry) return { stamp: 0, tables: [] };
    const tables = [...entry.hallTables.values()].map(({ json }) => JSON.parse(json) as HallTableSummary);
    return { stamp: entry.hallStamp, tables };
  }

  async hallSummaryStamp(hallId: string): Promise<number> {
    return this.#live(hallId)?.hallStamp ?? 0;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
  }

  /** Milliseconds until the session expires, or null when there is none. For tests and diagnostics. */
  async remainingTtlMs(id: string): Promise<number | null> {
    const entry = this.#live(id);
    return entry ? entry.expiresAt - this.#clock() : null;
  }

  #live(id: string): Entry | undefined {
    const entry = this.#sessions.get(id);
    if (entry && entry.expiresAt <= this.#clock()) {
      this.#sessions.delete(id);
      return undefined;
    }
    return entry;
  }

  #remember(commands: Map<string, number>, member: string, version: number): void {
    commands.set(member, version);
    if (commands.size > MAX_COMMAND_IDS) {
      const oldest = commands.keys().next().value;
      if (oldest !== undefined) commands.delete(oldest);
    }
  }

  /** Appends like the Redis script: the oldest go once the count or the bytes pass their bound. */
  #archive(list: ArchiveList, bounds: ArchiveBounds, item: ArchivedItem): void {
    const json = JSON.stringify(item);
    list.entries.push(json);
    list.total += 1;
    list.bytes += Buffer.byteLength(json);
    while (list.entries.length > bounds.maxEntries || list.bytes > bounds.maxBytes) {
      const oldest = list.entries.shift();
      if (oldest === undefined) break;
      list.bytes -= Buffer.byteLength(oldest);
    }
  }

  #cap(events: string[]): string[] {
    return events.length > this.#maxEvents ? events.slice(-this.#maxEvents) : events;
  }

  #sweep(): void {
    for (const id of [...this.#sessions.keys()]) this.#live(id);
    const now = this.#clock();
    for (const records of [this.#flows, this.#signIns]) {
      for (const [id, { expiresAt }] of records) if (expiresAt <= now) records.delete(id);
    }
  }
}

function seatsWith(grants: readonly TokenGrant[]): MemorySeatDevices {
  const seats = new MemorySeatDevices();
  for (const grant of grants) seats.add(grant.tokenHash, grant.participantId, grant.device);
  return seats;
}

function emptyArchive(): ArchiveList {
  return { entries: [], total: 0, bytes: 0 };
}

/** A merge: the subjects bound to `from` now mean `into` (like the Redis script's `repoint`). */
function repointFields(fields: Map<string, string>, from: string, into: string): void {
  for (const [field, participantId] of fields) {
    if (participantId === from && field.startsWith('s:')) fields.set(field, into);
  }
}
