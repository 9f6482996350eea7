import fc from 'fast-check';
import { ErrorCode } from '../../protocol/errors.ts';
import { PROJECTOR_VIEWER_ID } from '../../session/projectorGrant.ts';
import type { ParticipantId } from '../participants.ts';

/**
 * Who sends a generated command: a fixed seat, someone without a seat, the projector's id (never
 * a participant), or `related`: the author, owner, proposer or speaker the command is about.
 */
export type WalkActor = ParticipantId | 'related';

/** A generated step, resolved against the state it runs on (ids are only known then). */
export interface WalkStep<C> {
  command: C;
  /** Whom the command is about (author, owner, proposer, speaker), if anyone. */
  related?: ParticipantId | null | undefined;
}

/** What one kind offers the walk: its states, its commands, its rules and its predicate. */
export interface PermissionWalk<S, C extends { type: string }> {
  /** States to start from, built by the kind's fixtures (deep ones included: meetings, rounds, votes). */
  starts: readonly (() => S)[];
  /** Seats to act as besides `related`, a stranger and the projector; the first (the facilitator) acts most. */
  seats: readonly ParticipantId[];
  /** One generator per command type, each answering a state with a command (or `undefined` where none fits). */
  commands: { readonly [T in C['type']]: fc.Arbitrary<(state: S) => WalkStep<C> | undefined> };
  /** The kind's `decide` and `apply` for one participant command. */
  run: (
    state: S,
    actorId: ParticipantId,
    command: C,
  ) => { ok: true; changed: boolean; next: S } | { ok: false; code: ErrorCode; message: string };
  /** The predicate under test. */
  permission: (state: S, actorId: ParticipantId, command: C) => boolean;
}

/** Refusals that mean "not you": the ones a predicate must foresee. */
export const permissionCodes: ReadonlySet<ErrorCode> = new Set([ErrorCode.forbidden, ErrorCode.unauthorized]);

/** How often each command type was tried with the predicate saying yes and saying no. */
export type WalkCoverage = Map<string, { yes: number; no: number }>;

/**
 * Random walks over a kind's states: each step picks an actor and a command, asks the predicate
 * and `decide`, and requires them to agree, then applies the command where it was accepted. A
 * predicate that says no must see `decide` refuse (or change nothing); one that says yes must never
 * see a `forbidden` or `unauthorized` refusal. Returns how often each command type was tried.
 */
export function walkPermissions<S, C extends { type: string }>(
  walk: PermissionWalk<S, C>,
  options: { runsPerStart?: number; steps?: number; seed?: number } = {},
): WalkCoverage {
  const coverage: WalkCoverage = new Map(Object.keys(walk.commands).map((type) => [type, { yes: 0, no: 0 }]));
  // The facilitator and whoever the command is about act most: that is where the rules branch.
  const [first, ...others] = walk.seats;
  const actor = fc.oneof(
    { arbitrary: fc.constant<WalkActor>('related'), weight: 4 },
    { arbitrary: fc.constant<WalkActor>(first ?? 'related'), weight: 3 },
    { arbitrary: fc.constantFrom<WalkActor>(...others, 'stranger', PROJECTOR_VIEWER_ID), weight: 3 },
  );
  const recipes: fc.Arbitrary<(state: S) => WalkStep<C> | undefined>[] = Object.values(walk.commands);
  const step = fc.record({ actor, recipe: fc.oneof(...recipes) });
  // Every start gets its share of runs: the deep states (a meeting's objection round) are the rare ones.
  for (const start of walk.starts) {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: options.steps ?? 30, size: 'max' }), (steps) => {
        let state = start();
        for (const { actor, recipe } of steps) {
          const made = recipe(state);
          if (!made) continue;
          // A command about nobody in particular goes to the facilitator instead.
          const actorId = actor === 'related' ? (made.related ?? first ?? 'stranger') : actor;
          const permitted = walk.permission(state, actorId, made.command);
          const result = walk.run(state, actorId, made.command);
          const seen = coverage.get(made.command.type);
          if (seen) seen[permitted ? 'yes' : 'no'] += 1;
          const said = `${made.command.type} by ${actorId || 'the projector'}: predicate ${permitted ? 'yes' : 'no'}`;
          if (permitted && !result.ok && permissionCodes.has(result.code)) {
            throw new Error(`${said}, but decide refused: ${result.code} (${result.message})`);
          }
          if (!permitted && result.ok && result.changed) throw new Error(`${said}, but decide accepted it`);
          if (result.ok) state = result.next;
        }
      }),
      { numRuns: options.runsPerStart ?? 100, ...(options.seed === undefined ? {} : { seed: options.seed }) },
    );
  }
  return coverage;
}

/** Picks an item by a generated number, or `undefined` from an empty list. */
export function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/** A generated id: mostly one from the list, sometimes one nobody has. */
export const idFrom = (ids: readonly string[], n: number): string => (n % 7 === 6 ? 'nope' : (pick(ids, n) ?? 'nope'));
