import type { Seat } from '@runde/shared/client';
import type { HallPlaceResponse } from './api.ts';
import { loadSeat, saveSeat, type SeatStorage } from './seats.ts';

const storageKey = 'runde:hall-places';
/** Hall seats whose join answered without a table seat (see `savePendingHallSeat`), by hall code. */
const pendingKey = 'runde:hall-pending';
/** Old places are dropped beyond this many, most recently used kept. */
const maxPlaces = 10;

/**
 * Where this phone sits in a hall: its hall seat (for the harvest and for moving) and its table.
 * Kept apart from the seat book on purpose: an organiser's laptop holds the organiser's seat under
 * the hall's code there, and a phone's seat must never replace it. The table's own seat goes into
 * the seat book under the table's code, where the board (`/s/TABLECODE`) looks for it.
 */
export interface HallPlace {
  seat: Seat;
  table: number;
  tableCode: string;
}

interface StoredPlace extends HallPlace {
  savedAt: number;
  /** The code of each table this phone sat at, by number: its seat there is kept in the seat book. */
  tables?: Record<string, string>;
}

function defaultStorage(): SeatStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function isPlace(value: unknown): value is StoredPlace {
  if (typeof value !== 'object' || value === null) return false;
  const place = value as Record<string, unknown>;
  const seat = place.seat as Record<string, unknown> | null | undefined;
  return (
    typeof seat === 'object' &&
    seat !== null &&
    isText(seat.sessionId) &&
    isText(seat.participantId) &&
    isText(seat.token) &&
    Number.isInteger(place.table) &&
    isText(place.tableCode) &&
    /^[A-Z0-9]+$/.test(place.tableCode)
  );
}

/** The table codes of a stored place, keeping only well-formed entries (older places have none). */
function tablesOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] =>
        /^[1-9][0-9]*$/.test(entry[0]) && isText(entry[1]) && /^[A-Z0-9]+$/.test(entry[1]),
    ),
  );
}

function read(storage: SeatStorage | undefined): Record<string, StoredPlace> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const places: Record<string, StoredPlace> = {};
    for (const [code, place] of Object.entries(parsed as Record<string, unknown>)) {
      if (/^[A-Z0-9]+$/.test(code) && isPlace(place)) places[code] = { ...place, tables: tablesOf(place.tables) };
    }
    return places;
  } catch {
    return {};
  }
}

function write(storage: SeatStorage | undefined, places: Record<string, StoredPlace>): void {
  const kept = Object.entries(places)
    .sort(([, a], [, b]) => b.savedAt - a.savedAt)
    .slice(0, maxPlaces);
  try {
    storage?.setItem(storageKey, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or refused: the place then lasts only as long as this page.
  }
}

/** This phone's place in the hall with this code, if it took one. */
export function loadHallPlace(code: string, storage = defaultStorage()): HallPlace | undefined {
  const places = read(storage);
  const stored = Object.hasOwn(places, code) ? places[code] : undefined;
  return stored ? { seat: stored.seat, table: stored.table, tableCode: stored.tableCode } : undefined;
}

/**
 * Keeps what the hall answered to a join, move or reseat: the hall seat (its token only on a
 * join; afterwards the one this phone already holds) and the table's seat under the table's code.
 */
export function saveHallPlace(
  code: string,
  answer: HallPlaceResponse,
  storage = defaultStorage(),
  now = Date.now(),
): HallPlace {
  const { table } = answer;
  const tableSeat = { sessionId: table.sessionId, participantId: table.participantId, token: table.token };
  saveSeat(table.sessionId, tableSeat, storage, now);
  const place: HallPlace = { seat: answer.hall, table: table.number, tableCode: table.sessionId };
  const places = read(storage);
  const earlier = Object.hasOwn(places, code) ? places[code] : undefined;
  const tables = { ...earlier?.tables, [String(table.number)]: table.sessionId };
  places[code] = { ...place, savedAt: now, tables };
  write(storage, places);
  forgetPendingHallSeat(code, storage);
  return place;
}

/**
 * The seat this phone holds from before at table `table` of the hall, if it sat there: sent along
 * when it moves back, so the hall hands back that seat instead of seating it there a second time.
 */
export function heldTableSeat(code: string, table: number, storage = defaultStorage()): Seat | undefined {
  const places = read(storage);
  const tables = Object.hasOwn(places, code) ? places[code]?.tables : undefined;
  const key = String(table);
  const tableCode = tables && Object.hasOwn(tables, key) ? tables[key] : undefined;
  return tableCode ? loadSeat(tableCode, storage) : undefined;
}

function readPending(storage: SeatStorage | undefined): Record<string, Seat> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(pendingKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const pending: Record<string, Seat> = {};
    for (const [code, seat] of Object.entries(parsed as Record<string, unknown>)) {
      const s = seat as Record<string, unknown> | null;
      if (/^[A-Z0-9]+$/.test(code) && s && isText(s.sessionId) && isText(s.participantId) && isText(s.token))
        pending[code] = { sessionId: s.sessionId, participantId: s.participantId, token: s.token };
    }
    return pending;
  } catch {
    return {};
  }
}

function writePending(storage: SeatStorage | undefined, pending: Record<string, Seat>): void {
  try {
    storage?.setItem(pendingKey, JSON.stringify(pending));
  } catch {
    // Storage full or refused: the seat then lasts only as long as this page.
  }
}

/**
 * Keeps a hall seat whose join got no table seat (the table could not be opened just then): the
 * next try asks for a table seat with it instead of joining the hall a second time.
 */
export function savePendingHallSeat(code: string, seat: Seat, storage = defaultStorage()): void {
  writePending(storage, { ...readPending(storage), [code]: seat });
}

export function loadPendingHallSeat(code: string, storage = defaultStorage()): Seat | undefined {
  const pending = readPending(storage);
  return Object.hasOwn(pending, code) ? pending[code] : undefined;
}

export function forgetPendingHallSeat(code: string, storage = defaultStorage()): void {
  const pending = readPending(storage);
  if (!Object.hasOwn(pending, code)) return;
  delete pending[code];
  writePending(storage, pending);
}

/** Drops a place the hall no longer accepts (its seat was refused). */
export function forgetHallPlace(code: string, storage = defaultStorage()): void {
  const places = read(storage);
  if (!Object.hasOwn(places, code)) return;
  delete places[code];
  write(storage, places);
}
