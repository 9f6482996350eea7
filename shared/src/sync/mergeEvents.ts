import type { Timer } from '../core/timer.ts';
import type { KindFold, KindTypes } from '../core/kindDefinition.ts';
import type { KindEvent, KindState, KindVersionedEvent } from '../kinds.ts';

/** A client's copy of a session: the state and the version it reflects. */
export interface Replica<S = KindState> {
  state: S | null;
  version: number;
}

export type MergeResult<S = KindState> =
  /** The events continued the replica; here is the new one. */
  | { kind: 'applied'; replica: Replica<S> }
  /** Nothing new: every event was already applied. */
  | { kind: 'unchanged' }
  /** Something is missing between the replica and these events: ask the server to sync. */
  | { kind: 'gap' }
  /** The log opens a session of the other kind (a team space's code opened as a Lean Coffee). */
  | { kind: 'wrong_kind' };

/**
 * How one kind of session starts from its first event and folds the rest: the shared `apply` of that
 * kind. Each client passes its own, so a phone downloads the rules of the one kind it shows.
 */
export interface SessionFold<S> {
  /** The state the session's first event opens, or `null` when it opens no session of this kind. */
  start(first: KindEvent): S | null;
  applyAll(state: S, events: readonly KindEvent[]): S;
  /** The timer the session's devices count down. */
  timerOf(state: S): Timer;
}

/** The events that open a session, one per kind. */
const openingEvents = new Set<string>(['session:created', 'space:created']);

/**
 * Folds pushed or synced events into a replica. Events at or below the replica's version were
 * already applied and are skipped (a push can overlap a sync); the rest must continue the
 * version without a hole, or nothing is applied and the caller syncs.
 *
 * A session's log holds events of its own kind only, so `fold` (the replica's kind `S`) applies them all.
 */
export function mergeEvents<S>(
  replica: Replica<S>,
  events: readonly KindVersionedEvent[],
  fold: SessionFold<S>,
): MergeResult<S> {
  const fresh = events.filter((e) => e.version > replica.version).sort((a, b) => a.version - b.version);
  if (fresh.length === 0) return { kind: 'unchanged' };
  for (let i = 0; i < fresh.length; i += 1) {
    if (fresh[i]?.version !== replica.version + 1 + i) return { kind: 'gap' };
  }
  let state: S | null = replica.state;
  let rest = fresh.map((e) => e.event);
  if (!state) {
    // Only a session's very first event can start a state.
    const first = rest[0];
    if (!first || !openingEvents.has(first.type)) return { kind: 'gap' };
    state = fold.start(first);
    if (!state) return { kind: 'wrong_kind' };
    rest = rest.slice(1);
  }
  const last = fresh[fresh.length - 1];
  return {
    kind: 'applied',
    replica: { state: fold.applyAll(state, rest), version: last?.version ?? replica.version },
  };
}

/**
 * The replica's fold of one kind, made from that kind's own fold (`leanCoffeeFold`,
 * `teamSpaceFold`): a phone passes the fold of the one kind it shows, so it downloads only that
 * kind's `apply`. A session's log holds events of its own kind only, so an event the kind does not
 * own is a bug, not a case to handle.
 */
export function replicaFoldOf<T extends KindTypes>(fold: KindFold<T>): SessionFold<T['state']> {
  const own = (event: KindEvent): T['event'] => {
    const { type } = event;
    if (fold.ownsEvent(event)) return event;
    throw new Error(`Event ${type} does not belong to a ${fold.kind} session`);
  };
  return {
    start: (first) => (fold.ownsEvent(first) ? fold.initial(first) : null),
    applyAll: (state, events) => events.reduce((next, event) => fold.apply(next, own(event)), state),
    timerOf: (state) => fold.timerOf(state),
  };
}
