import {
  ErrorCode,
  fail,
  type Ack,
  type AppError,
  type ClaimFacilitatorRequest,
  type ClaimFacilitatorResponse,
  type CreateSessionRequest,
  type CreateSessionResponse,
  type CreateTeamSpaceRequest,
  type EndedSessionResponse,
  type ImportProblem,
  type JoinSessionResponse,
  type LeanCoffeeSettings,
  type OpenSeatLinkRequest,
  type OpenSeatLinkResponse,
  type Seat,
  type SessionKind,
  type SessionSummary,
} from '@runde/shared/client';
import { thisDeviceLabel } from './deviceLabel.ts';
import { forgetPendingHallSeat, heldTableSeat, loadPendingHallSeat, savePendingHallSeat } from './hallPlaces.ts';

const requestTimeoutMs = 10_000;

function isErrorBody(body: unknown): body is { ok: false; error: { code: ErrorCode; message: string } } {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** The server may answer with the bare value or wrapped as a successful ack. */
function unwrap<T>(body: unknown): T {
  if (typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === true && 'data' in body) {
    return (body as { data: T }).data;
  }
  return body as T;
}

/**
 * One JSON request to the same-origin API (also for `signInApi.ts`). Never throws: network failures and timeouts become
 * `unavailable`, so every caller handles one result shape, as with socket acks.
 */
export async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  errorBody?: (json: unknown) => void,
): Promise<Ack<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
  } catch {
    return fail(ErrorCode.unavailable, 'The server could not be reached.');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok && json !== undefined) return { ok: true, data: unwrap<T>(json) };
  if (isErrorBody(json)) {
    errorBody?.(json);
    return { ok: false, error: json.error };
  }
  if (response.status === 404) return fail(ErrorCode.notFound, 'Not found.');
  if (response.status === 429) return fail(ErrorCode.rateLimited, 'Too many requests.');
  if (response.status >= 502) return fail(ErrorCode.unavailable, 'The server is not available.');
  return fail(ErrorCode.internal, 'Unexpected response.');
}

const sessionPath = (code: string) => `/api/sessions/${encodeURIComponent(code)}`;

/** Starts a Lean Coffee; the answer holds the facilitator's seat and the links to share. */
export function createSession(input: CreateSessionRequest): Promise<Ack<CreateSessionResponse>> {
  return request('POST', '/api/sessions', { ...input, deviceLabel: thisDeviceLabel() });
}

/** Opens a LOOP team space; the answer has the same shape as for a Lean Coffee. */
export function createTeamSpace(input: CreateTeamSpaceRequest): Promise<Ack<CreateSessionResponse>> {
  return request('POST', '/api/spaces', { ...input, deviceLabel: thisDeviceLabel() });
}

/** What the join page shows before asking for a name. */
export function getSession(code: string): Promise<Ack<SessionSummary>> {
  return request('GET', sessionPath(code));
}

/** The read-only record of an ended Lean Coffee, for a device without a seat in it. */
export function getEndedSession(code: string): Promise<Ack<EndedSessionResponse>> {
  return request('GET', `${sessionPath(code)}/ended`);
}

export function joinSession(code: string, name: string): Promise<Ack<JoinSessionResponse>> {
  // Every seat this device takes names the device, so its owner can tell it apart in the device list.
  return request('POST', `${sessionPath(code)}/participants`, { name, deviceLabel: thisDeviceLabel() });
}

/**
 * Facilitation on this device with the secret from the facilitator link. With this device's own
 * seat, the server first answers with a choice to put to the person (see `facilitatorLinkClaim`).
 */
export function claimFacilitator(code: string, claim: ClaimFacilitatorRequest): Promise<Ack<ClaimFacilitatorResponse>> {
  return request('POST', `${sessionPath(code)}/facilitator`, { ...claim, deviceLabel: thisDeviceLabel() });
}

/**
 * Opens a seat link on this device: the secret from the link's fragment, posted in the body (never
 * in a URL), with this device's label and the seat it holds here already (which the link's replaces).
 */
export function openSeatLink(code: string, body: OpenSeatLinkRequest): Promise<Ack<OpenSeatLinkResponse>> {
  return request('POST', `${sessionPath(code)}/seat-link`, body);
}

/** A restored session: the same seat and links as a new one, and which kind it is. */
export type RestoredSession = CreateSessionResponse & { kind: SessionKind };

/** Why a restore failed: the server's typed reason when it refused the file, else only the error. */
export type RestoreResult =
  { ok: true; data: RestoredSession } | { ok: false; error: AppError; problem?: ImportProblem };

/**
 * Sends a backup file as it is (its bytes, not re-encoded: the server reads and checks it) and
 * gets back the facilitator's seat in the new session made from it.
 */
export async function restoreBackup(fileText: string): Promise<RestoreResult> {
  let response: Response;
  try {
    response = await fetch('/api/imports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fileText,
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    return fail(ErrorCode.unavailable, 'The server could not be reached.');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.status === 201 && json !== undefined) return { ok: true, data: json as RestoredSession };
  if (isErrorBody(json)) {
    const problem = (json.error as { problem?: ImportProblem }).problem;
    return problem ? { ok: false, error: json.error, problem } : { ok: false, error: json.error };
  }
  if (response.status === 413)
    return { ok: false, error: fail(ErrorCode.invalidPayload, 'Too large.').error, problem: { reason: 'too-large' } };
  return fail(ErrorCode.internal, 'Unexpected response.');
}

/** How the organiser wants tables made: a fixed number, or a size (a new table when all are full). */
export type HallSeatingChoice = { mode: 'count'; tables: number } | { mode: 'size'; size: number };

/** `POST /api/halls`: an event with tables; the answer holds the organiser's seat and the links. */
export interface CreateHallInput {
  title: string;
  organiserName: string;
  /** The Lean Coffee settings every table opens with. */
  settings?: LeanCoffeeSettings;
  seating: HallSeatingChoice;
  harvestDots?: number;
}

/** A phone's seat in the hall and at its table (the table is a Lean Coffee with its own code). */
export interface HallPlaceResponse {
  hall: Seat;
  table: Seat & { number: number };
}

const hallPath = (code: string) => `/api/halls/${encodeURIComponent(code)}`;

export function createHall(input: CreateHallInput): Promise<Ack<CreateSessionResponse>> {
  return request('POST', '/api/halls', input);
}

/** The hall seat a failed join carries when only its table step failed (`HallJoinTableFailure`). */
function hallSeatIn(json: unknown): Seat | undefined {
  const hall = typeof json === 'object' && json !== null ? (json as { hall?: unknown }).hall : undefined;
  if (typeof hall !== 'object' || hall === null) return undefined;
  const { sessionId, participantId, token } = hall as Record<string, unknown>;
  const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  return text(sessionId) && text(participantId) && text(token) ? { sessionId, participantId, token } : undefined;
}

/**
 * Seats a phone: at `table` if it is open, else where the hall has most room. A hall seat taken
 * by an earlier try whose table step failed is used instead of joining again (asking `table-seat`),
 * and a join that took a hall seat but no table seat keeps it and asks for the table once more.
 */
export async function joinHall(code: string, name: string, table?: number): Promise<Ack<HallPlaceResponse>> {
  const pending = loadPendingHallSeat(code);
  if (pending) {
    const answer = await hallTableSeat(code, pending, table);
    if (answer.ok || answer.error.code !== ErrorCode.unauthorized) return answer;
    forgetPendingHallSeat(code);
  }
  let kept: Seat | undefined;
  const body = { name, deviceLabel: thisDeviceLabel(), ...(table === undefined ? {} : { table }) };
  const answer = await request<HallPlaceResponse>('POST', `${hallPath(code)}/join`, body, (json) => {
    kept = hallSeatIn(json);
  });
  if (answer.ok || !kept) return answer;
  savePendingHallSeat(code, kept);
  // The hall has seated the phone at a table already: ask for that table's seat once more.
  const retried = await hallTableSeat(code, kept);
  return retried.ok ? retried : answer;
}

/**
 * A seated phone's table seat again: at another table (`table`), after its table was merged, or
 * when this device lost the table's seat. The hall seat stays the one given. Going back to a table
 * it sat at before, the phone proves the seat it kept there and gets it back (no second seat).
 */
export function hallTableSeat(
  code: string,
  seat: Pick<Seat, 'participantId' | 'token'>,
  table?: number,
): Promise<Ack<HallPlaceResponse>> {
  const held = table === undefined ? undefined : heldTableSeat(code, table);
  const body = {
    participantId: seat.participantId,
    token: seat.token,
    deviceLabel: thisDeviceLabel(),
    ...(table === undefined ? {} : { table }),
    ...(held ? { tableSeat: { participantId: held.participantId, token: held.token } } : {}),
  };
  return request('POST', `${hallPath(code)}/table-seat`, body);
}
