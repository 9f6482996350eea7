import {
  createSession,
  ErrorCode,
  fail,
  limits,
  type AppError,
  type HallState,
  type HallTableSeat,
} from '@runde/shared';
import type { Logger } from 'pino';
import { hashSecret, type IdSource } from '../ids.ts';
import { deviceGrant } from '../session/deviceGrant.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import { openFreshSession } from '../session/freshSession.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { hallLinkOf } from './hallLinkOf.ts';

export interface HallTableDeps {
  store: SessionStore;
  runner: CommandRunner;
  ids: IdSource;
  clock: () => number;
  logger: Logger;
}

export type HallTableResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

const unavailable = () => fail(ErrorCode.unavailable, 'Could not open the table right now. Please try again.');

/** "<hall title> · Tisch N", the hall's title shortened so the whole stays a valid session title. */
export function hallTableTitle(hallTitle: string, table: number): string {
  const suffix = ` · Tisch ${table}`;
  return `${[...hallTitle].slice(0, limits.sessionTitle - suffix.length).join('')}${suffix}`;
}

/** A name with a number after it, within the length a name may have: "Ana 2". */
function numberedName(name: string, n: number): string {
  const suffix = ` ${n}`;
  return `${[...name].slice(0, limits.displayName - suffix.length).join('')}${suffix}`;
}

/** How often a phone's name is numbered before its join is given up (a table holds at most 12 people). */
const NAME_ATTEMPTS = 16;

/**
 * Opens the Lean Coffees of a hall's tables and seats phones at them. A table's session is made
 * the first time someone is seated there: under a fresh code, titled after the hall, with the hall's
 * settings, the organiser's placeholder as its first seat (nobody holds its token), and the hall's
 * rhythm as its link; then the hall records it (`hall:link-table`). Requests on this node for the
 * same table wait for one opening; a request on another node that linked first wins, and the spare
 * session is deleted.
 */
export class HallTables {
  readonly #deps: HallTableDeps;
  readonly #opening = new Map<string, Promise<HallTableResult<string>>>();

  constructor(deps: HallTableDeps) {
    this.#deps = deps;
  }

  /** The table's session, opened if it has none yet. */
  ensureTableSession(hall: HallState, table: number): Promise<HallTableResult<string>> {
    const linked = hall.tables.find((t) => t.number === table);
    if (!linked) return Promise.resolve(fail(ErrorCode.notFound, 'No such table.'));
    if (linked.sessionId) return Promise.resolve({ ok: true, value: linked.sessionId });
    const key = `${hall.id}:${table}`;
    let opening = this.#opening.get(key);
    if (!opening) {
      opening = this.#open(hall, table).finally(() => this.#opening.delete(key));
      this.#opening.set(key, opening);
    }
    return opening;
  }

  /**
   * Seats a phone at a table's Lean Coffee under its hall name: the first phone hosts the table.
   * Names are unique per table, not per hall: a second "Ana" at one table is seated as "Ana 2".
   */
  async seatAtTable(
    sessionId: string,
    table: number,
    name: string,
    deviceLabel?: string,
  ): Promise<HallTableResult<HallTableSeat>> {
    const { runner, ids } = this.#deps;
    for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt += 1) {
      const token = ids.newSecret();
      const tokenHash = hashSecret(token);
      const result = await runner.run(
        sessionId,
        { kind: 'system' },
        {
          type: 'participant:join',
          name: attempt === 1 ? name : numberedName(name, attempt),
          role: 'participant',
          hostIfFirst: true,
        },
        {
          grants: (events) =>
            events.flatMap((e) =>
              e.type === 'participant:joined'
                ? [
                    deviceGrant(tokenHash, e.participant.id, {
                      via: 'join',
                      label: deviceLabel,
                      now: this.#deps.clock(),
                    }),
                  ]
                : [],
            ),
        },
      );
      if (!result.ok) {
        if (result.error.code === ErrorCode.nameTaken) continue;
        return result;
      }
      const joined = result.events.find((v) => v.event.type === 'participant:joined')?.event;
      if (joined?.type !== 'participant:joined') throw new Error('A join must seat a participant');
      return { ok: true, value: { number: table, sessionId, participantId: joined.participant.id, token } };
    }
    return fail(ErrorCode.nameTaken, 'Someone at this table already goes by this name.');
  }

  /**
   * The seat a phone held at this table before (it moved away and comes back), when its token
   * still proves it and the participant is still seated there; otherwise undefined, and the phone
   * is seated anew. A wrong token counts as no proof: the hall seat was proven already.
   */
  async heldSeat(
    sessionId: string,
    table: number,
    seat: { participantId: string; token: string },
  ): Promise<HallTableSeat | undefined> {
    const { store, runner } = this.#deps;
    if ((await store.participantForToken(sessionId, hashSecret(seat.token))) !== seat.participantId) return undefined;
    const state = await runner.known(sessionId);
    if (state?.kind !== 'lean-coffee' || !state.participants.some((p) => p.id === seat.participantId)) return undefined;
    return { number: table, sessionId, participantId: seat.participantId, token: seat.token };
  }

  async #open(hall: HallState, table: number): Promise<HallTableResult<string>> {
    const { store, runner, ids, clock, logger } = this.#deps;
    const organiser = hall.participants[0];
    if (!organiser) throw new Error('A hall must have its organiser');
    const opened = await openFreshSession(
      { store, ids, clock },
      (code, ctx) =>
        createSession(
          {
            id: code,
            title: hallTableTitle(hall.title, table),
            facilitatorName: organiser.name,
            settings: hall.settings,
            hall: hallLinkOf(hall, table),
          },
          ctx,
        ),
      false,
    );
    if (!opened) {
      logger.error({ hallId: hall.id }, 'no free join code for a hall table');
      return unavailable();
    }
    const linked = await runner.run(
      hall.id,
      { kind: 'system' },
      { type: 'hall:link-table', table, sessionId: opened.code },
    );
    if (linked.ok) {
      // The table opens in collect; a hall already further on (or changed meanwhile) takes it along now.
      const now = await runner.known(hall.id);
      const link = hallLinkOf(now?.kind === 'hall' ? now : hall, table);
      const relayed = await runner.run(opened.code, { kind: 'system' }, { type: 'hall:relay', link });
      if (!relayed.ok) logger.warn({ hallId: hall.id, code: relayed.error.code }, 'new hall table not relayed');
      return { ok: true, value: opened.code };
    }
    // Another request (on another node) opened this table first: its session stands, ours goes.
    const current = await store.load(hall.id);
    const winner = current?.state.kind === 'hall' ? current.state.tables.find((t) => t.number === table) : undefined;
    await store.delete(opened.code);
    if (winner?.sessionId) return { ok: true, value: winner.sessionId };
    return linked;
  }
}
