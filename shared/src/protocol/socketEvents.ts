import { z } from 'zod';
import type { DomainEvent } from '../leanCoffee/events.ts';
import type { ParticipantId } from '../core/participants.ts';
import type { HallTableSummary } from '../hall/hallState.ts';
import type { HallExport } from '../export/hallExport.ts';
import { archiveKinds, type ArchivedEntry } from '../teamSpace/archive.ts';
import type {
  KindCommandInput,
  KindCommandType,
  KindEvent,
  KindExport,
  KindState,
  KindVersionedEvent,
} from '../kinds.ts';
import type { Ack } from './errors.ts';
import { secretSchema } from './http.ts';
import { joinCodeSchema } from './schemas.ts';
import type {
  SeatDeviceRevoked,
  SeatDevices,
  SeatDevicesRequest,
  SeatEndedNotice,
  SeatLink,
  SeatLinkRequest,
  SeatReissueRequest,
  SeatRevokeDeviceRequest,
} from './seatProtocol.ts';

/** What a participant's device presents in `io(url, { auth })`: its seat's token. */
export const seatAuthSchema = z.strictObject({
  protocolVersion: z.number().int(),
  sessionId: joinCodeSchema,
  token: secretSchema,
});

/**
 * What a projector opened by the read-only projector grant presents instead of a seat: the grant's
 * key (from the projector link's fragment). Its socket watches and is never a participant.
 */
export const projectorAuthSchema = z.strictObject({
  protocolVersion: z.number().int(),
  sessionId: joinCodeSchema,
  projectorKey: secretSchema,
});

/** What a client presents in `io(url, { auth })`: a seat's token, or the projector grant's key. */
export const handshakeAuthSchema = z.union([seatAuthSchema, projectorAuthSchema]);
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/**
 * `projector:grant` carries nothing: a facilitator's seat asks for a new projector key. Issuing one
 * revokes the one before, and every projector using it is disconnected.
 */
export const projectorGrantRequestSchema = z.strictObject({});
/** The new key, in the acknowledgement only: the server keeps its hash, never the key. */
export interface ProjectorGrant {
  key: string;
}

/**
 * The acknowledgement data of every command: the version the session reached, and the events the
 * command committed with their versions, masked for the sender as its push would be. The sender
 * applies its own change from the ack instead of waiting for the push. Empty when nothing changed,
 * and for the retry of a command that got in before (the client then syncs if it is behind).
 */
export interface CommandResult {
  version: number;
  events: KindVersionedEvent[];
}

/** `time:ping` carries nothing; its ack tells the server's clock, for estimating this device's offset. */
export const timePingSchema = z.strictObject({});
export interface TimePong {
  serverNow: number;
}

/** `session:delete` carries nothing: the seat that sends it is the one whose right is checked. */
export const deleteRequestSchema = z.strictObject({});
export interface DeleteResult {
  deleted: true;
}

export const syncRequestSchema = z.strictObject({
  sinceVersion: z.number().int().min(0),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * How long the server keeps a session: until `expiresAt` (the server's clock, ms) unless something
 * changes before, and every change moves it to that moment plus `retentionMs`. The server's
 * configuration sets both (a team space's retention is long, a Lean Coffee's short); no command
 * changes them.
 */
export interface SessionRetention {
  expiresAt: number;
  retentionMs: number;
}

/**
 * What a client missed: the events after its version when the server still has them all,
 * otherwise the whole state as this client may see it. Either kind of session by default; a
 * client that knows its kind (the web app, a Lean Coffee) narrows the parameters.
 */
export type SyncResult<S extends KindState = KindState, E extends KindEvent = KindEvent> =
  | { kind: 'events'; events: Array<{ version: number; event: E }> }
  | {
      kind: 'snapshot';
      version: number;
      state: S;
      you: ParticipantId;
      retention: SessionRetention;
    };

/** Archived items one `archive:page` answer holds at most: a page of a minutes list. */
export const ARCHIVE_PAGE_MAX = 20;

/**
 * `archive:page`: one page of a team space's archive (what its live state no longer holds), newest
 * first. `before` is the `next` of the previous page; without it the page starts at the newest.
 */
export const archivePageRequestSchema = z.strictObject({
  kind: z.enum(archiveKinds),
  before: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(ARCHIVE_PAGE_MAX),
});
export type ArchivePageRequest = z.infer<typeof archivePageRequestSchema>;

/** A page of archived items, masked for the asking member; `next` is null once the archive's oldest is included. */
export interface ArchivePage {
  entries: ArchivedEntry[];
  next: number | null;
}

/** `session:export` carries nothing: the seat that sends it is the one whose right is checked and whose copy is written. */
export const exportRequestSchema = z.strictObject({});
/**
 * The answer to `session:export`: the backup file of a Lean Coffee, or of a team space's live
 * state (the exporting device adds the archive from `archive:page`, see `withTeamSpaceArchive`).
 */
export type SessionExport = KindExport;

/** Pushed to each client after every commit, already masked for that client. */
export interface EventBatch<E extends KindEvent = KindEvent> {
  events: Array<{ version: number; event: E }>;
}

/**
 * Sent with every command, after the payload. The id is the client's own (a random UUID): a
 * command retried after a lost ack carries the same id, and the server applies it once and
 * answers the retry with the first result. The server also accepts a command without it (and
 * then cannot recognise a retry).
 */
export const commandMetaSchema = z.strictObject({
  commandId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export type CommandMeta = z.infer<typeof commandMetaSchema>;

type CommandHandlers = {
  [T in KindCommandType]: (
    payload: KindCommandInput<T>,
    meta: CommandMeta,
    ack: (result: Ack<CommandResult>) => void,
  ) => void;
};

export interface ClientToServerEvents<
  S extends KindState = KindState,
  E extends KindEvent = KindEvent,
> extends CommandHandlers {
  'session:sync': (request: SyncRequest, ack: (result: Ack<SyncResult<S, E>>) => void) => void;
  'time:ping': (request: Record<string, never>, ack: (result: Ack<TimePong>) => void) => void;
  /** Reads a page of a team space's archive; changes nothing. A Lean Coffee has none (an empty page). */
  'archive:page': (request: ArchivePageRequest, ack: (result: Ack<ArchivePage>) => void) => void;
  /** A facilitator takes the session (a team space: its live state) as a backup file; changes nothing. */
  'session:export': (request: Record<string, never>, ack: (result: Ack<SessionExport>) => void) => void;
  /** A facilitator deletes the whole session or team space, at once and for everyone. */
  'session:delete': (request: Record<string, never>, ack: (result: Ack<DeleteResult>) => void) => void;
  /** A facilitator issues a new read-only projector key, revoking the one before. */
  'projector:grant': (request: Record<string, never>, ack: (result: Ack<ProjectorGrant>) => void) => void;
  /** A hall's organiser takes the whole event (the hall and every table) as one file; changes nothing. */
  'hall:export': (request: Record<string, never>, ack: (result: Ack<HallExport>) => void) => void;
  /** This seat's secret link for another device (move or copy), in the ack to this socket only. */
  'seat:link': (request: SeatLinkRequest, ack: (result: Ack<SeatLink>) => void) => void;
  /** A facilitator's new link for a member's seat (a lost phone); never the old one. */
  'seat:reissue': (request: SeatReissueRequest, ack: (result: Ack<SeatLink>) => void) => void;
  /** The asking seat's devices; changes nothing. */
  'seat:devices': (request: SeatDevicesRequest, ack: (result: Ack<SeatDevices>) => void) => void;
  /** Removes one of the asking seat's devices; its sockets get `seat:ended` and are closed. */
  'seat:revoke-device': (request: SeatRevokeDeviceRequest, ack: (result: Ack<SeatDeviceRevoked>) => void) => void;
}

/**
 * What a hall's organisers and projectors see of its tables: every table's summary when the socket
 * connects (`full`), then at most twice a second the summaries that changed since.
 */
export interface HallOverview {
  tables: HallTableSummary[];
  full: boolean;
}

export interface ServerToClientEvents<E extends KindEvent = KindEvent> {
  'session:events': (batch: EventBatch<E>) => void;
  /** The session no longer exists: a facilitator deleted it. The client forgets its seat. */
  'session:deleted': () => void;
  /** To a hall's organisers and projectors only: its tables' summaries (never to phones, never to tables). */
  'hall:overview': (overview: HallOverview) => void;
  /** To one device only, just before its socket is closed: it no longer holds this seat (see {@link SeatEndedNotice}). */
  'seat:ended': (notice: SeatEndedNotice) => void;
}

/**
 * The error a refused handshake carries in `connect_error`'s `data`. There is no `not_found`: a
 * session without this token and no session at all are both `unauthorized`, so a handshake never
 * tells whether a code exists. `rate_limited` asks the device to wait before trying again.
 */
export interface HandshakeErrorData {
  code:
    | 'protocol_mismatch'
    | 'unauthorized'
    | 'invalid_payload'
    | 'rate_limited'
    | 'unavailable'
    | 'internal'
    /** The session requires sign-in, and this device's sign-in is missing, ended, or not the seat's subject. */
    | 'sign_in_required';
}

export type { DomainEvent };
