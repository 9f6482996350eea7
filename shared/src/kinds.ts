import type { z } from 'zod';
import type { SessionFold } from './sync/mergeEvents.ts';
import type { Decision } from './core/decision.ts';
import type { KindDefinition, UndecidedCommand } from './core/kindDefinition.ts';
import type { DecideContext } from './leanCoffee/decide.ts';
import { leanCoffeeKind } from './leanCoffee/leanCoffeeKind.ts';
import type { ParticipantId, Timer } from './leanCoffee/state.ts';
import type { Viewer } from './core/participants.ts';
import { ErrorCode } from './protocol/errors.ts';
import type { ArchivedItem } from './teamSpace/archive.ts';
import { teamSpaceKind } from './teamSpace/teamSpaceKind.ts';
import { hallKind } from './hall/hallKind.ts';

/**
 * The registry of meeting kinds, by the `kind` their states carry. Everything that handles a
 * session of any kind (the command runner, sync, fan-out, export, the stored upgrade) looks its
 * kind up here; a new kind is a folder with its `KindDefinition` and one line here. Server-only:
 * the definitions carry the command schemas (zod). A browser imports the fold of its one kind.
 */
export const kinds = {
  'lean-coffee': leanCoffeeKind,
  'team-space': teamSpaceKind,
  hall: hallKind,
};

/**
 * Every command a participant may send over the socket, of any kind. Names several kinds know
 * (`participant:*`, `timer:*`) have the same schema in each (kinds.test.ts holds that), so the
 * session's kind decides only the rules, never the payload.
 */
export const commandPayloadSchemasOfAllKinds = {
  ...kinds['lean-coffee'].schemas,
  ...kinds['team-space'].schemas,
  ...kinds.hall.schemas,
};

type TypesOf<D> = D extends KindDefinition<infer T> ? T : never;

/** Per kind, the types it is made of. */
export type KindTypesByKind = { [K in keyof typeof kinds]: TypesOf<(typeof kinds)[K]> };

/** The kinds of session, as reported to the join page. */
export type SessionKind = keyof KindTypesByKind;

/** The state of a session of any kind, told apart by `kind`. */
export type KindState = KindTypesByKind[SessionKind]['state'];

/** An event of any kind. Which `apply` it belongs to follows from the state it meets. */
export type KindEvent = KindTypesByKind[SessionKind]['event'];

/** An event of any kind as stored and sent, with the version it produced. */
export interface KindVersionedEvent {
  version: number;
  event: KindEvent;
}

/** A parsed command of any kind, or one the server issues itself. */
export type KindCommand = KindTypesByKind[SessionKind]['command'];

/**
 * What the server hands to {@link decideCommand}: a command of a known shape (the server's own, a
 * test's), or one parsed by the schema its socket event names. Typed loosely on purpose: which
 * kind decides it is the kind's `accepts` to say, at run time.
 */
export type CommandToDecide = KindCommand | UndecidedCommand;

/** The socket event names that carry participant commands, of every kind. */
export type KindCommandType = keyof typeof commandPayloadSchemasOfAllKinds;

/** The payload a client sends for command `T` (before defaults are applied). */
export type KindCommandInput<T extends KindCommandType> = z.input<(typeof commandPayloadSchemasOfAllKinds)[T]>;

/** The payload of command `T` after parsing. */
export type KindCommandPayload<T extends KindCommandType> = z.output<(typeof commandPayloadSchemasOfAllKinds)[T]>;

/** The backup file `session:export` answers with, of any kind. */
export type KindExport = KindTypesByKind[SessionKind]['export'];

/** Every command type a participant may send, of any kind (each once). */
export const kindCommandTypes: KindCommandType[] = Object.keys(commandPayloadSchemasOfAllKinds).filter(
  (type): type is KindCommandType => Object.hasOwn(commandPayloadSchemasOfAllKinds, type),
);

const registry: { [K in SessionKind]: KindDefinition<KindTypesByKind[K]> } = kinds;
const everyKind: ReadonlyArray<KindDefinition<KindTypesByKind[SessionKind]>> = Object.values(registry);

/** The definition of one kind. */
export function kindOf<K extends SessionKind>(kind: K): KindDefinition<KindTypesByKind[K]> {
  return registry[kind];
}

/**
 * Events of a session are only ever folded into a state of the same kind (one log per session),
 * so pairing a state with an event of another kind is a bug, not a case to handle.
 */
function mismatch(state: KindState, event: KindEvent): never {
  throw new Error(`Event ${event.type} does not belong to a ${state.kind} session`);
}

/** Folds one event into a state of its own kind. */
export function applyEvent(state: KindState, event: KindEvent): KindState {
  const kind = kindOf(state.kind);
  return kind.ownsEvent(event) ? kind.apply(state, event) : mismatch(state, event);
}

export function applyEvents(state: KindState, events: readonly KindEvent[]): KindState {
  return events.reduce(applyEvent, state);
}

/** Rebuilds a session of any kind from its full log; the opening event says which kind. */
export function replayEvents(events: readonly KindEvent[]): KindState {
  const [first, ...rest] = events;
  for (const kind of everyKind) {
    const state = first && kind.ownsEvent(first) ? kind.initial(first) : null;
    if (state) return applyEvents(state, rest);
  }
  throw new Error(`A session log must start with the event that opens its kind, not ${first?.type ?? 'nothing'}.`);
}

/** The copy of a state one viewer may hold, masked by the rules of its kind. */
export function sessionViewFor(state: KindState, viewer: Viewer): KindState {
  return kindOf(state.kind).viewFor(state, viewer);
}

/**
 * The copy of one event a viewer may receive. Needs no state (sync answers from the log and the
 * fan-out do not load one): each kind masks the events it owns, and the event names of two kinds
 * that carry something to mask never coincide, so each kind leaves the others' events alone.
 */
export function sessionEventFor(event: KindEvent, viewer: Viewer): KindEvent {
  let masked = event;
  for (const kind of everyKind) if (kind.ownsEvent(masked)) masked = kind.eventFor(masked, viewer);
  return masked;
}

/** The timer a session's devices count down. */
export function sessionTimer(state: KindState): Timer {
  return kindOf(state.kind).timerOf(state);
}

const otherKind = (): Decision<KindEvent> => ({
  ok: false,
  error: { code: ErrorCode.invalidState, message: 'Not available in this kind of session.' },
});

/**
 * Decides a command by the rules of the session's kind. A command only another kind knows is
 * refused as `invalid_state`, changing nothing: the one place a command meets the wrong kind.
 */
export function decideCommand(state: KindState, command: CommandToDecide, ctx: DecideContext): Decision<KindEvent> {
  const kind = kindOf(state.kind);
  return kind.accepts(command) ? kind.decide(state, command, ctx) : otherKind();
}

/**
 * Decides several commands as one change, each on the state the ones before it left: how the
 * server folds a burst of presence changes into one commit. A refused command is left out and the
 * rest still count; only when every command is refused is the first refusal the answer.
 */
export function decideInTurn(
  state: KindState,
  commands: readonly CommandToDecide[],
  ctx: DecideContext,
): Decision<KindEvent> {
  const events: KindEvent[] = [];
  let after = state;
  let firstRefusal: Decision<KindEvent> | null = null;
  let accepted = 0;
  for (const [index, command] of commands.entries()) {
    const decision = decideCommand(after, command, ctx);
    if (!decision.ok) {
      firstRefusal ??= decision;
      continue;
    }
    accepted += 1;
    events.push(...decision.events);
    // The caller folds the events itself; only a command still to come needs the state after them.
    if (index < commands.length - 1) after = applyEvents(after, decision.events);
  }
  return accepted === 0 && firstRefusal ? firstRefusal : { ok: true, events };
}

/** What the fold of a commit dropped from the live state (a team space's archive); `before` and `after` are one session. */
export function archivedByCommit(before: KindState, after: KindState, now: number): ArchivedItem[] {
  const kind = kindOf(before.kind);
  return after.kind === before.kind ? kind.archivedByFold(before, after, now) : [];
}

/** The backup file of a session as this participant's copy shows it, or why they may not have it. */
export function exportSession(state: KindState, participantId: ParticipantId, now: number) {
  return kindOf(state.kind).exportFor(state, participantId, now);
}

/**
 * Folds a stored snapshot and the logged events after it into today's shape: the snapshot is
 * upgraded first, then each event is completed from the state it meets before it is applied.
 * Data written by this release passes through unchanged.
 */
export function foldStoredSession(snapshot: KindState, events: readonly KindEvent[]): KindState {
  const kind = kindOf(snapshot.kind);
  let state = kind.upgradeStoredState(snapshot);
  for (const event of events) {
    state = kind.ownsEvent(event) ? kind.apply(state, kind.upgradeStoredEvent(state, event)) : mismatch(state, event);
  }
  return state;
}

/** Whether a logged event can be masked and sent as it is (each kind judges the events it owns). */
export function isStoredEventInCurrentShape(event: KindEvent): boolean {
  return everyKind.every((kind) => !kind.ownsEvent(event) || kind.isEventInCurrentShape(event));
}

/**
 * Every kind of session, folded by the registry: for clients that are not a phone showing one kind
 * (the integration tests, the bench, the sync fuzz). Lives here, not beside `mergeEvents`, so the
 * browser's sync engine never imports the registry and its zod schemas.
 */
export const everyKindFold: SessionFold<KindState> = {
  start: (first) => replayEvents([first]),
  applyAll: applyEvents,
  timerOf: sessionTimer,
};
