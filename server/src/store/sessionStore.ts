import type {
  KindEvent,
  KindState,
  KindVersionedEvent,
  ArchiveKind,
  ArchivedEntry,
  ArchivedItem,
  SessionKind,
} from '@runde/shared';
import { limits, type HallTableSummary } from '@runde/shared';
import type { SeatProof, SignInFlow, SignInRecord, SubjectBinding } from './signInRecords.ts';
import type { DeviceGrantInfo, SeatDeviceStore } from './seatDeviceStore.ts';

/** A session as stored: the folded state and the version (number of events) it reflects. */
export interface StoredSession {
  state: KindState;
  version: number;
}

/** Lets a device prove a seat later. Only the sha256 of the token is ever stored. */
export interface TokenGrant {
  tokenHash: string;
  participantId: string;
  /**
   * The device the token is for, recorded beside it (see `SeatDeviceStore`). Every path of the server
   * that grants a token sets it; a grant without it is listed like a token from before devices were
   * recorded (`via: 'earlier'`).
   */
  device?: DeviceGrantInfo;
}

/** Lets whoever holds the facilitator link take the facilitator's seat back. Hash only, like tokens. */
export interface FacilitatorKeyGrant {
  keyHash: string;
  participantId: string;
}

export interface CreateSessionInput {
  events: KindEvent[];
  state: KindState;
  tokens: TokenGrant[];
  facilitatorKeys: FacilitatorKeyGrant[];
}

export type CommitResult =
  | { ok: true; version: number }
  /** Someone else committed first; here is what they left, so the caller can decide again without a read. */
  | { ok: false; reason: 'conflict'; current: StoredSession }
  /** The session never existed or its retention ran out. */
  | { ok: false; reason: 'missing' }
  /** `seatGrant` would put its seat on more than its cap of devices; nothing was written. */
  | { ok: false; reason: 'cap' }
  /**
   * A subject of `bindSubjects` is bound to another seat already (a person seated twice at once, on
   * two devices): a subject is bound only while unbound. Nothing was written.
   */
  | { ok: false; reason: 'subjectBound'; participantId: string }
  /** This seat committed a command with this id before, reaching `version`: a retry. Nothing was written. */
  | { ok: false; reason: 'duplicate'; version: number };

/**
 * A client's id for one of its commands, with the seat that sent it. Clients choose their own ids,
 * so an id means something only together with its seat: another participant sending the same id
 * (by chance or on purpose) must not make this seat's command look like a retry.
 */
export interface SeatCommand {
  participantId: string;
  commandId: string;
}

/** How a seat's command id is remembered: one string, and no two (seat, id) pairs share it. */
export const seatCommandMember = ({ participantId, commandId }: SeatCommand): string =>
  JSON.stringify([participantId, commandId]);

/** A token for an existing seat, granted in a commit with the seat's cap checked in the same step. */
export interface SeatGrant {
  grant: TokenGrant & { device: DeviceGrantInfo };
  cap: number;
  revokeDeviceIds: readonly string[];
}

export interface CommitOptions {
  grantTokens?: TokenGrant[];
  /**
   * The seat's id for the command these events come from. Recorded in the same atomic write; a
   * later commit from the same seat with the same id writes nothing and answers `duplicate`.
   */
  command?: SeatCommand;
  /**
   * Items the fold of these events dropped from the live state (`loopArchivedByFold`), appended to
   * the session's archive in the same atomic write: never archived by a write that did not happen.
   */
  archive?: ArchivedItem[];
  /**
   * Seats bound to sign-in subjects, stored in the same write (the tokens hash's `s:` fields). Each
   * subject must be unbound or bound to that very seat, else nothing is written (`subjectBound`).
   */
  bindSubjects?: SubjectBinding[];
  /**
   * A device granted on an existing seat in the same write (a signed-in device on its bound seat):
   * `revokeDeviceIds` of that seat go, and the seat must then be within `cap` devices, else nothing
   * is written (`cap`).
   */
  seatGrant?: SeatGrant;
  /** Whether the session now requires sign-in, kept where the handshake reads it with the token. */
  access?: 'required' | 'open';
  /**
   * Seat `from` was merged into `into` by these events: in the same atomic write, every token of
   * `from` proves `into` and its device records move (see `SeatDeviceStore.repointSeat`).
   */
  repointSeat?: { from: string; into: string };
}

/** Which page of one kind of archived item to read; `before` is a `seq`, exclusive. */
export interface ArchiveQuery {
  kind: ArchiveKind;
  before?: number;
  limit: number;
}

/** Archived items newest first, and the `before` of the next older page (null when none is left). */
export interface StoredArchivePage {
  entries: ArchivedEntry[];
  next: number | null;
}

/**
 * Where sessions live. Everything about a session is here and nowhere in process memory, so any
 * number of server nodes can share one store. Every write is atomic and refreshes the retention of
 * all of the session's data together, to the retention of the session's kind.
 */
export interface SessionStore extends SeatDeviceStore {
  readonly kind: 'redis' | 'memory';
  /** Stores a new session at version `events.length`. Returns false, writing nothing, when the id is taken. */
  create(id: string, input: CreateSessionInput): Promise<boolean>;
  load(id: string): Promise<StoredSession | null>;
  /**
   * Appends `events` and replaces the snapshot with `nextState`, but only if the session is still at
   * `expectedVersion`. Events get the versions `expectedVersion + 1 …`.
   */
  commit(
    id: string,
    expectedVersion: number,
    events: KindEvent[],
    nextState: KindState,
    options?: CommitOptions,
  ): Promise<CommitResult>;
  /**
   * The events after `version`, oldest first; `[]` when nothing happened since. `null` when the
   * kept log no longer reaches back that far, the version is ahead of the session, or the session is gone:
   * the caller sends a snapshot instead.
   */
  eventsSince(id: string, version: number): Promise<KindVersionedEvent[] | null>;
  /**
   * Resolves once this node's writes to the session so far are as durable as configured (held by
   * the required replicas); throws StoreUnavailableError when they are not in time, or when the
   * store's connection changed since `epochOfWrite` (the epoch read before the write).
   */
  confirmWrites(id: string, epochOfWrite: number): Promise<void>;
  /** The version this seat's command with this id reached when committed, or null if it never was (or is forgotten). */
  commandVersion(id: string, command: SeatCommand): Promise<number | null>;
  participantForToken(id: string, tokenHash: string): Promise<string | null>;
  /**
   * One read for the handshake and sign-in routes: the seat of this token, whether the session
   * requires sign-in, and the seat bound to `subjectKey` (when given).
   */
  seatProof(id: string, tokenHash: string, subjectKey: string | null): Promise<SeatProof>;
  /** Keeps a login under way for `ttlMs`, under an opaque id. */
  putSignInFlow(flowId: string, flow: SignInFlow, ttlMs: number): Promise<void>;
  /** The login under way, removed in the same step: a second callback finds nothing. */
  takeSignInFlow(flowId: string): Promise<SignInFlow | null>;
  /** Keeps (or replaces) a sign-in for `ttlMs`. */
  putSignIn(signInId: string, record: SignInRecord, ttlMs: number): Promise<void>;
  signIn(signInId: string): Promise<SignInRecord | null>;
  deleteSignIn(signInId: string): Promise<void>;
  /**
   * Claims the provider recheck of this sign-in for `ttlMs`: true for exactly one caller across
   * nodes until then. Providers rotate refresh tokens and revoke the whole grant when an old one
   * is used again, so two rechecks of one sign-in at once would end it.
   */
  claimSignInRecheck(signInId: string, ttlMs: number): Promise<boolean>;
  /** The ids of this subject's sign-ins, newest first, as last written (some may have ended since). */
  signInsOf(subjectKey: string): Promise<string[]>;
  /** Replaces the list of this subject's sign-ins, kept for `ttlMs` (a sign-in's longest life). */
  putSignInsOf(subjectKey: string, signInIds: string[], ttlMs: number): Promise<void>;
  /**
   * Puts a new sign-in first in this subject's list, keeping at most `max` (for `ttlMs`), in one
   * atomic step; answers the ids that no longer fit (oldest), for the caller to end.
   */
  addSignInOf(subjectKey: string, signInId: string, max: number, ttlMs: number): Promise<string[]>;
  /** A page of the session's archive of one kind, newest first; empty when there is none or no session. */
  archive(id: string, query: ArchiveQuery): Promise<StoredArchivePage>;
  /**
   * Removes the session and everything kept for it (log, tokens, secrets, command ids, archive) in
   * one step, then its proposal deadline (see {@link setProposalDeadline}).
   */
  delete(id: string): Promise<boolean>;
  /**
   * Records when a team space's next proposal window closes (`at`, ms), or that none is open
   * (`null`), as computed from the session at `version`. A write from an older version than the
   * one recorded is ignored, so nodes writing out of order leave the newest. The index is shared
   * by every node under the store; the deadline scheduler polls it.
   */
  setProposalDeadline(id: string, version: number, at: number | null): Promise<void>;
  /** Sessions whose recorded proposal deadline is at or before `now`, earliest first, at most `limit`. */
  dueProposalDeadlines(now: number, limit: number): Promise<string[]>;
  facilitatorForKey(id: string, keyHash: string): Promise<string | null>;
  /** How long a session of this kind is kept after its last write. */
  retentionFor(kind: SessionKind): number;
  /**
   * When the session goes unless something is written before (ms on the store's clock); null when
   * there is no session. What the store will really do, so a session kept under an older setting
   * shows its older date until its next write.
   */
  expiresAt(id: string): Promise<number | null>;
  /**
   * Replaces the session's read-only projector key with this hash (the key before it stops working);
   * false, writing nothing, when there is no session. Kept with the session, so it expires and is
   * deleted with it.
   */
  setProjectorKey(id: string, keyHash: string): Promise<boolean>;
  /** The hash of the session's current projector key; null when none was issued or there is no session. */
  projectorKeyHash(id: string): Promise<string | null>;
  /**
   * Keeps one table's summary with its hall (the hall's id; the summary names its table), unless
   * a summary of the same table at this version or a newer one is kept already (two nodes may
   * write out of order). Kept with the hall: it expires and is deleted with it, and nothing is
   * written for a hall that is gone. Refreshes the hall's retention like a write to the hall, so a
   * table in use never outlives its hall. True when written.
   */
  putHallTableSummary(hallId: string, summary: HallTableSummary): Promise<boolean>;
  /** Every table summary kept for the hall, with the stamp they were read at (0 and none for no hall). */
  hallTableSummaries(hallId: string): Promise<HallTableSummaries>;
  /** A number that changes whenever a summary of the hall does: one cheap read for "anything new?". */
  hallSummaryStamp(hallId: string): Promise<number>;
  /**
   * Changes whenever the connection that serves this session was re-established or now leads to
   * another master. A Redis that restarted may have lost its newest writes and then reached the
   * same versions with other events, so states cached before must not be trusted on their version
   * alone; and a WAIT on a new connection says nothing about writes made on the old one. Per
   * session, because on a Cluster one master failing over changes nothing for the others.
   */
  epochOf(id: string): number;
  /** Whether the backing service answers now. Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** A hall's table summaries as one read found them; `stamp` is what {@link SessionStore.hallSummaryStamp} said then. */
export interface HallTableSummaries {
  stamp: number;
  tables: HallTableSummary[];
}

/** The store could not be reached. Handlers tell the client `unavailable` rather than `internal`. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A team space's retention when the store is given none (the configuration always gives one):
 * the long one, so a store opened without thinking about kinds never expires a team's records early.
 */
export const DEFAULT_TEAM_SPACE_RETENTION_MS = 730 * DAY_MS;

/** Each kind's retention, in ms after the last write: one-off Lean Coffees short, team spaces long. */
export interface RetentionByKind {
  leanCoffeeMs: number;
  teamSpaceMs: number;
}

export function retentionOfKind(retention: RetentionByKind, kind: SessionKind): number {
  return kind === 'team-space' ? retention.teamSpaceMs : retention.leanCoffeeMs;
}

/** How many events a session keeps for catching up; a client further behind gets a snapshot. */
export const DEFAULT_MAX_EVENTS = 1000;

/**
 * How often a stored session's snapshot is rewritten, in events; loads fold the events since. It
 * must not exceed the events kept (a store with a shorter log snapshots more often).
 */
export const SNAPSHOT_INTERVAL = 50;

/**
 * How many command ids a session remembers for recognising retries. A retry comes within seconds
 * of its first try; this covers a vote storm of a couple of thousand phones several times over.
 */
export const MAX_COMMAND_IDS = 5000;

/**
 * Archived items a session keeps of each kind. The oldest go once either bound is passed. A weekly
 * team archives roughly one meeting, a few tensions and a few actions a week, so 5,000 of each is
 * decades; the byte bound caps what a session that fills every text to its length limit can hold
 * (a worst-case meeting record is 133 kB, so about 60 of those fit; realistic records are a few kB).
 * Together at most 3 × 8 MiB per session beside its live state (at most 7.7 MB), plus the decisions.
 */
export const ARCHIVE_MAX_ENTRIES = 5000;
export const ARCHIVE_MAX_BYTES = 8 * 1024 * 1024;
/**
 * The decision log's archive has bounds of its own: a Beschlussbuch must not lose entries. It holds
 * every decision a space may adopt (`limits.decisionsPerSpace`; past that adoption is refused, not
 * an old decision dropped). A realistic decision is about 0.6 kB (the two-year bench), so 50,000 take
 * about 30 MB and the byte bound never comes first; only a space whose every decision fills every
 * text to its length with a full team present (about 15 kB each) would reach it, after about 4,400.
 */
export const DECISION_ARCHIVE_MAX_ENTRIES = limits.decisionsPerSpace;
export const DECISION_ARCHIVE_MAX_BYTES = 64 * 1024 * 1024;

/** Bounds of one archive list: the oldest entries go once either is passed. */
export interface ArchiveBounds {
  maxEntries: number;
  maxBytes: number;
}

/** Stores' archive options: meetings, tensions and actions share `archiveMax*`, decisions have theirs. */
export interface ArchiveBoundOptions {
  archiveMaxEntries?: number;
  archiveMaxBytes?: number;
  decisionArchiveMaxEntries?: number;
  decisionArchiveMaxBytes?: number;
}

/** What every store is configured with, whatever keeps the data. */
export interface StoreOptions extends ArchiveBoundOptions {
  /** A Lean Coffee's retention after its last write. */
  retentionMs: number;
  /** A team space's (default DEFAULT_TEAM_SPACE_RETENTION_MS). */
  teamSpaceRetentionMs?: number;
  maxEvents?: number;
  /** The clock `expiresAt` reads. */
  clock?: () => number;
}

/** A store's options with the defaults filled in: one reading for the memory and the Redis store. */
export function storeSettingsOf(options: StoreOptions): {
  retention: RetentionByKind;
  maxEvents: number;
  archiveBounds: Record<ArchiveKind, ArchiveBounds>;
  clock: () => number;
} {
  return {
    retention: {
      leanCoffeeMs: options.retentionMs,
      teamSpaceMs: options.teamSpaceRetentionMs ?? DEFAULT_TEAM_SPACE_RETENTION_MS,
    },
    maxEvents: options.maxEvents ?? DEFAULT_MAX_EVENTS,
    archiveBounds: archiveBoundsOf(options),
    clock: options.clock ?? Date.now,
  };
}

/** Each kind's bounds from a store's options and the defaults. */
export function archiveBoundsOf(options: ArchiveBoundOptions): Record<ArchiveKind, ArchiveBounds> {
  const shared = {
    maxEntries: options.archiveMaxEntries ?? ARCHIVE_MAX_ENTRIES,
    maxBytes: options.archiveMaxBytes ?? ARCHIVE_MAX_BYTES,
  };
  return {
    meeting: shared,
    tension: shared,
    action: shared,
    decision: {
      maxEntries: options.decisionArchiveMaxEntries ?? DECISION_ARCHIVE_MAX_ENTRIES,
      maxBytes: options.decisionArchiveMaxBytes ?? DECISION_ARCHIVE_MAX_BYTES,
    },
  };
}
