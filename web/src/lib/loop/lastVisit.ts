/**
 * When this device last opened each team space, for "Since your last visit" (issue 17). Kept per
 * join code on the device only: the server knows nothing of who looked when, and a second phone
 * of the same member has its own idea of "last time".
 */

const storageKey = 'runde:lastVisit';
/** Spaces beyond this many are forgotten, least recently visited first: the book stays small. */
export const maxRemembered = 30;

/** The part of `Storage` this needs; tests pass a map-backed one. */
export type VisitStorage = Pick<Storage, 'getItem' | 'setItem'>;

type VisitBook = Record<string, number>;

function defaultStorage(): VisitStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function read(storage: VisitStorage | undefined): VisitBook {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const book: VisitBook = {};
    for (const [code, at] of Object.entries(parsed)) {
      // Whatever another version or a hand edit left there is dropped, not trusted.
      if (/^[A-Z0-9]+$/.test(code) && typeof at === 'number' && Number.isFinite(at) && at > 0) book[code] = at;
    }
    return book;
  } catch {
    return {};
  }
}

/** The time this device last opened the space, or `null` on its first visit. */
export function lastVisit(code: string, storage = defaultStorage()): number | null {
  return read(storage)[code] ?? null;
}

/**
 * Remembers `at` as this device's visit to the space and returns the visit before it (`null`: the
 * first). The page calls it once when it opens, so its digest reads from the previous visit.
 */
export function recordVisit(code: string, at: number, storage = defaultStorage()): number | null {
  const book = read(storage);
  const before = book[code] ?? null;
  // A clock that went backwards never moves the mark back: nothing would be shown twice.
  book[code] = Math.max(at, before ?? 0);
  const kept = Object.entries(book)
    .sort(([, a], [, b]) => b - a)
    .slice(0, maxRemembered);
  try {
    storage?.setItem(storageKey, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or refused: the next visit then starts afresh, nothing breaks.
  }
  return before;
}
