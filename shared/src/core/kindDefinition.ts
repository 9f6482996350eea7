import type { ZodType } from 'zod';
import type { DecideContext, Decision, DomainError } from './decision.ts';
import type { ParticipantId, Viewer } from './participants.ts';
import type { Timer } from './timer.ts';
import type { ArchivedItem } from '../teamSpace/archive.ts';
import type { ImportResult } from '../export/exportFormat.ts';

/** The types one meeting kind is made of; each kind names its own. */
export interface KindTypes {
  state: { kind: string; participants: ReadonlyArray<{ id: ParticipantId; role: string }> };
  event: { type: string };
  /** Every command the kind decides: its participants' and the server's own. */
  command: { type: string };
  /** One zod schema per command a participant may send, keyed by the command's socket event name. */
  schemas: Readonly<Record<string, ZodType>>;
  /** The backup file `session:export` answers with. */
  export: object;
}

/**
 * A command before its kind is looked at: a participant's, already parsed by the schema its type
 * names, or one the server issues itself. The kind's `accepts` says whether it is one of its own.
 */
export interface UndecidedCommand {
  readonly type: string;
}

/**
 * The part of a kind a browser needs to keep its copy of a session: no zod, no rules. A phone
 * imports the fold of the one kind it shows, never the registry, so it downloads only that kind.
 */
export interface KindFold<T extends KindTypes> {
  readonly kind: T['state']['kind'];
  /**
   * Whether an event is one of this kind's. Names both kinds log (`participant:*`, `timer:set`)
   * count as each kind's own; a session's log holds events of its own kind only.
   */
  ownsEvent(event: { type: string }): event is T['event'];
  /** The state a session's first event opens, or `null` when it opens no session of this kind. */
  initial(first: T['event']): T['state'] | null;
  apply(state: T['state'], event: T['event']): T['state'];
  /** The timer a session's devices count down (a kind without one reports an idle timer). */
  timerOf(state: T['state']): Timer;
}

/** A session a backup file restores under a new code: its live state, what goes straight to its archive, the importer's seat. */
export interface RestoredSession<S> {
  state: S;
  archive: ArchivedItem[];
  facilitatorId: ParticipantId;
}

/** Where a session's people go, as paths below the installation's address. */
export interface KindPaths {
  /** The link a facilitator shares (the QR code's). */
  join(code: string): string;
  /** The session's own page; the facilitator's link is this page's `/facilitate`. */
  page(code: string): string;
}

/**
 * Everything the server needs of one meeting kind. The registry (`kinds.ts`) lists one of these
 * per kind; the command runner, sync, fan-out, export and the stored upgrade look the kind up by
 * `state.kind` and never ask which kind it is.
 */
export interface KindDefinition<T extends KindTypes> extends KindFold<T> {
  readonly schemas: T['schemas'];
  /** Whether a command is one this kind decides (a command only another kind knows is not). */
  accepts(command: UndecidedCommand): command is T['command'];
  /** The rules: pure, given the state, the command and the injected time, ids and actor. */
  decide(state: T['state'], command: T['command'], ctx: DecideContext): Decision<T['event']>;
  /** The copy of the state one viewer may hold. */
  viewFor(state: T['state'], viewer: Viewer): T['state'];
  /** The copy of one event a viewer may receive, masked by what the event itself says. */
  eventFor(event: T['event'], viewer: Viewer): T['event'];
  /** What a commit's fold dropped from the live state, for the store's archive. */
  archivedByFold(before: T['state'], after: T['state'], now: number): ArchivedItem[];
  /** The backup file of the session as this participant's copy shows it, or why they may not have it. */
  exportFor(
    state: T['state'],
    participantId: ParticipantId,
    now: number,
  ): { ok: true; file: T['export'] } | { ok: false; error: DomainError };
  /** Reads a backup file that claims this kind: what it restores under a new code, or why it is refused. */
  restoreFrom(json: unknown, now: number): ImportResult<(code: string) => RestoredSession<T['state']>>;
  readonly paths: KindPaths;
  /** Brings a snapshot an earlier release stored into today's shape (unchanged when it is). */
  upgradeStoredState(stored: T['state']): T['state'];
  /** A logged event in today's shape, completed from the (upgraded, unmasked) state it meets. */
  upgradeStoredEvent(state: T['state'], event: T['event']): T['event'];
  /** Whether a logged event can be masked and sent as it is. */
  isEventInCurrentShape(event: T['event']): boolean;
}

/** The `accepts` of a kind: its participants' commands are the keys of its schemas, plus the server's own. */
export function acceptsBySchemas<C extends { type: string }>(
  schemas: Readonly<Record<string, ZodType>>,
): (command: UndecidedCommand) => command is C {
  return (command): command is C => Object.hasOwn(schemas, command.type) || systemCommandTypes.has(command.type);
}

/** Commands only the server issues; every kind decides them. */
const systemCommandTypes = new Set<string>([
  'participant:join',
  'participant:presence',
  'participant:reinstate-facilitator',
  'participant:bind',
  'timer:expire',
]);

/** The `ownsEvent` of a kind, from the complete list of its event names (the record's type keeps it complete). */
export function ownsEventByName<E extends { type: string }>(
  names: Readonly<Record<E['type'], true>>,
): (event: { type: string }) => event is E {
  return (event): event is E => Object.hasOwn(names, event.type);
}
