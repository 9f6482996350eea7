import {
  createHall,
  createHallRequestSchema,
  defaultLeanCoffeeSettings,
  ErrorCode,
  fail,
  hallTableSeatRequestSchema,
  joinHallRequestSchema,
  type AppError,
  type HallJoinTableFailure,
  type HallSeatResponse,
  type HallTableSeat,
  type HallState,
} from '@runde/shared';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashSecret, type IdSource } from '../ids.ts';
import { deviceGrant } from '../session/deviceGrant.ts';
import type { CommandRunner } from '../session/commandRunner.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { toAppError } from '../failures.ts';
import { notFound, sendError, statusFor } from '../http/httpErrors.ts';
import { limitByIp, refund } from '../http/rateLimit.ts';
import { openSession, parseBody, sessionIdFrom } from '../http/requestParts.ts';
import type { HallTableResult, HallTables } from './hallTables.ts';

export interface HallRouteDeps {
  store: SessionStore;
  runner: CommandRunner;
  tables: HallTables;
  clock: () => number;
  ids: IdSource;
  publicUrl: string | undefined;
  limiters: {
    create: RateLimiterAbstract;
    failedLookup: RateLimiterAbstract;
  };
  logger: Logger;
}

const noHall = () => notFound('event');
/** One answer for a wrong token and a seat that does not exist: a guesser learns nothing. */
const invalidSeat = () => fail(ErrorCode.unauthorized, 'This device has no seat at this event.').error;

/**
 * Halls over HTTP, like sessions: opening one, a phone taking a seat (in the hall and at its
 * table's Lean Coffee, in one request), and a phone with a hall seat getting (another) table seat.
 * Same budgets as sessions: opening counts against `create`, lookups that find nothing against
 * `failedLookup`.
 */
export function hallRoutes(deps: HallRouteDeps): Router {
  const { store, runner, tables, limiters } = deps;
  const router = Router();

  /** The hall as stored, or undefined when the code has no hall (answered). */
  async function loadHall(hallId: string, res: Response): Promise<HallState | undefined> {
    const stored = await store.load(hallId);
    if (stored?.state.kind === 'hall') return stored.state;
    sendError(res, noHall());
    return undefined;
  }

  /**
   * Seats the phone at its hall table's Lean Coffee (opening it if needed, or handing back the
   * seat `held` there when it proves one) and answers 201 with both seats. When the table step
   * fails after a join took a new hall seat (`newHallSeat`), the error carries that seat: the phone
   * keeps it and asks `table-seat` again, rather than losing it and joining the hall twice.
   */
  async function seatAtTableAndAnswer(
    res: Response,
    hall: HallState,
    seat: { participantId: string; token: string },
    options: { newHallSeat: boolean; held?: { participantId: string; token: string }; deviceLabel?: string },
  ): Promise<void> {
    const table = hall.seats.find((s) => s.participantId === seat.participantId)?.table;
    const name = hall.participants.find((p) => p.id === seat.participantId)?.name;
    if (table === undefined || name === undefined) {
      sendError(res, invalidSeat());
      return;
    }
    const hallSeat = { sessionId: hall.id, ...seat };
    let seated: HallTableResult<HallTableSeat>;
    try {
      seated = await seatAt(hall, table, name, options.held, options.deviceLabel);
    } catch (err) {
      seated = { ok: false, error: toAppError(err, deps.logger, { where: 'hall table seat', sessionId: hall.id }) };
    }
    if (!seated.ok) {
      if (!options.newHallSeat) {
        sendError(res, seated.error);
        return;
      }
      res.locals.errorCode = seated.error.code;
      const failure: HallJoinTableFailure = { ok: false, error: seated.error, hall: hallSeat };
      res.status(statusFor(seated.error.code)).json(failure);
      return;
    }
    const response: HallSeatResponse = { hall: hallSeat, table: seated.value };
    res.status(201).json(response);
  }

  /** The phone's seat at its table: the one it proves it holds there, else a new one. */
  async function seatAt(
    hall: HallState,
    table: number,
    name: string,
    held: { participantId: string; token: string } | undefined,
    deviceLabel: string | undefined,
  ): Promise<HallTableResult<HallTableSeat>> {
    const session = await tables.ensureTableSession(hall, table);
    if (!session.ok) return session;
    const kept = held ? await tables.heldSeat(session.value, table, held) : undefined;
    if (kept) return { ok: true, value: kept };
    return tables.seatAtTable(session.value, table, name, deviceLabel);
  }

  /** The hall after a command this node just committed (its copy is current), else as stored. */
  async function hallAfter(hallId: string, res: Response): Promise<HallState | undefined> {
    const known = await runner.known(hallId);
    if (known?.kind === 'hall') return known;
    return loadHall(hallId, res);
  }

  /** Answers a refusal; only a code without a hall counts as a failed lookup. */
  async function refuse(req: Request, res: Response, error: AppError): Promise<void> {
    if (error.code !== ErrorCode.notFound) await refund(limiters.failedLookup, req);
    sendError(res, error.code === ErrorCode.notFound ? noHall() : error);
  }

  /** Open a hall: the organiser's seat and links, and its tables (opened as people sit down). */
  const create: RequestHandler = async (req, res) => {
    const body = parseBody(createHallRequestSchema, req, res);
    if (!body) return;
    const settings = { ...defaultLeanCoffeeSettings, ...body.settings };
    await openSession(deps, req, res, (code, ctx) =>
      createHall(
        {
          id: code,
          title: body.title,
          organiserName: body.organiserName,
          settings,
          seating: body.seating,
          ...(body.harvestDots === undefined ? {} : { harvestDots: body.harvestDots }),
        },
        ctx,
      ),
    );
  };

  /** A phone joins: a seat in the hall (the hall picks the table), then a seat at that table. */
  const join: RequestHandler = async (req, res) => {
    const hallId = sessionIdFrom(req, res, 'event');
    if (!hallId) return;
    const body = parseBody(joinHallRequestSchema, req, res);
    if (!body) {
      await refund(limiters.failedLookup, req);
      return;
    }
    const token = deps.ids.newSecret();
    const tokenHash = hashSecret(token);
    const seated = await runner.run(
      hallId,
      { kind: 'system' },
      { type: 'hall:seat', name: body.name, table: body.table ?? null },
      {
        grants: (events) =>
          events.flatMap((e) =>
            e.type === 'hall:seated' && e.participant
              ? [deviceGrant(tokenHash, e.participant.id, { via: 'join', label: body.deviceLabel, now: deps.clock() })]
              : [],
          ),
      },
    );
    if (!seated.ok) {
      await refuse(req, res, seated.error);
      return;
    }
    await refund(limiters.failedLookup, req);
    const event = seated.events.find((v) => v.event.type === 'hall:seated')?.event;
    if (event?.type !== 'hall:seated') throw new Error('A hall seat must seat a participant');
    const hall = await hallAfter(hallId, res);
    if (!hall) return;
    await seatAtTableAndAnswer(
      res,
      hall,
      { participantId: event.participantId, token },
      { newHallSeat: true, deviceLabel: body.deviceLabel },
    );
  };

  /** A phone with a hall seat gets a seat at its table, moving first when it names another. */
  const tableSeat: RequestHandler = async (req, res) => {
    const hallId = sessionIdFrom(req, res, 'event');
    if (!hallId) return;
    const body = parseBody(hallTableSeatRequestSchema, req, res);
    if (!body) {
      await refund(limiters.failedLookup, req);
      return;
    }
    // A wrong token counts like a code that finds nothing: both are guesses.
    if ((await store.participantForToken(hallId, hashSecret(body.token))) !== body.participantId) {
      sendError(res, invalidSeat());
      return;
    }
    await refund(limiters.failedLookup, req);
    if (body.table !== undefined) {
      const moved = await runner.run(
        hallId,
        { kind: 'system' },
        { type: 'hall:move', participantId: body.participantId, table: body.table },
      );
      if (!moved.ok) {
        sendError(res, moved.error);
        return;
      }
    }
    const hall = body.table === undefined ? await loadHall(hallId, res) : await hallAfter(hallId, res);
    if (!hall) return;
    await seatAtTableAndAnswer(
      res,
      hall,
      { participantId: body.participantId, token: body.token },
      { newHallSeat: false, deviceLabel: body.deviceLabel, ...(body.tableSeat ? { held: body.tableSeat } : {}) },
    );
  };

  router.post('/halls', limitByIp(limiters.create), create);
  const failedLookups = limitByIp(limiters.failedLookup);
  router.post('/halls/:code/join', failedLookups, join);
  router.post('/halls/:code/table-seat', failedLookups, tableSeat);
  return router;
}
