import type { Seat } from '@runde/shared/client';

const storageKey = 'runde:seats';
/** Old seats are dropped beyond this many, most recently used kept. */
const maxSeats = 20;

interface StoredSeat extends Seat {
  savedAt: number;
  /** Taken by signing in: signing out ends it (`seatsOfSignIn`). */
  signIn?: true;
}

type SeatBook = Record<string, StoredSeat>;

/** The part of `Storage` seats need; tests pass a map-backed fake. */
export type SeatStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): SeatStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function isSeat(value: unknown): value is StoredSeat {
  if (typeof value !== 'object' || value === null) return false;
  const seat = value as Record<string, unknown>;
  return typeof seat.sessionId === 'string' && typeof seat.participantId === 'string' && typeof seat.token === 'string';
}

function read(storage: SeatStorage | undefined): SeatBook {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const book: SeatBook = {};
    for (const [code, seat] of Object.entries(parsed)) {
      if (!/^[A-Z0-9]+$/.test(code) || !isSeat(seat)) continue;
      const { sessionId, participantId, token } = seat;
      book[code] = { sessionId, participantId, token, savedAt: Number(seat.savedAt) || 0 };
      if (seat.signIn === true) book[code].signIn = true;
    }
    return book;
  } catch {
    return {};
  }
}

function write(storage: SeatStorage | undefined, book: SeatBook): void {
  const kept = Object.entries(book)
    .sort(([, a], [, b]) => b.savedAt - a.savedAt)
    .slice(0, maxSeats);
  try {
    storage?.setItem(storageKey, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or refused: the seat then lasts only as long as this page.
  }
}

/**
 * The seat this device holds in the session with this join code, so that a reload or a phone
 * waking up resumes the same participant, votes and all.
 */
export function loadSeat(code: string, storage = defaultStorage()): Seat | undefined {
  const book = read(storage);
  const stored = Object.hasOwn(book, code) ? book[code] : undefined;
  return stored ? { sessionId: stored.sessionId, participantId: stored.participantId, token: stored.token } : undefined;
}

export function saveSeat(code: string, seat: Seat, storage = defaultStorage(), now = Date.now()): void {
  const book = read(storage);
  const kept = Object.hasOwn(book, code) ? book[code] : undefined;
  book[code] = { sessionId: seat.sessionId, participantId: seat.participantId, token: seat.token, savedAt: now };
  // The same device token saved again (a merged seat's new id) stays a sign-in's.
  if (kept?.signIn && kept.token === seat.token) book[code].signIn = true;
  write(storage, book);
}

/** A seat this device took by signing in (`sign-in-seat`): signing out signs it out too. */
export function saveSignInSeat(code: string, seat: Seat, storage = defaultStorage(), now = Date.now()): void {
  const book = read(storage);
  book[code] = {
    sessionId: seat.sessionId,
    participantId: seat.participantId,
    token: seat.token,
    savedAt: now,
    signIn: true,
  };
  write(storage, book);
}

/** The seats this device took by signing in, by join code: what signing out lists, and then forgets. */
export function seatsOfSignIn(storage = defaultStorage()): { code: string; seat: Seat }[] {
  return Object.entries(read(storage))
    .filter(([, stored]) => stored.signIn)
    .map(([code, { sessionId, participantId, token }]) => ({ code, seat: { sessionId, participantId, token } }));
}

/** Drops a seat the server no longer accepts. */
export function forgetSeat(code: string, storage = defaultStorage()): void {
  const book = read(storage);
  if (!Object.hasOwn(book, code)) return;
  delete book[code];
  write(storage, book);
}

/**
 * The seat this device holds in the session, as a request proves it (`seat: { participantId, token }`),
 * or nothing: a facilitator link, a seat link and a sign-in each ask about it before replacing it.
 */
export function heldSeatProof(
  code: string,
  storage = defaultStorage(),
): { seat: Pick<Seat, 'participantId' | 'token'> } | Record<string, never> {
  const held = loadSeat(code, storage);
  return held ? { seat: { participantId: held.participantId, token: held.token } } : {};
}
