import type { ProjectorPass } from './liveSession.svelte';

/** The fragment parameter of a projector link: `/s/CODE/projector#projector=KEY`. */
const fragmentKey = 'projector';
const storageKey = (code: string) => `runde:projector:${code}`;
const keyPattern = /^[A-Za-z0-9_-]{20,100}$/;

/** The part of `Storage` passes need; tests pass a map-backed fake. */
export type PassStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): PassStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The projector link for a key. The key goes in the fragment, which browsers never send to a
 * server (not in the request, not in a Referer), so it stays out of every access log.
 */
export function projectorLink(origin: string, path: string, key: string): string {
  return `${origin}${path}#${fragmentKey}=${key}`;
}

/** The key in a projector link's fragment (`#projector=KEY`), if it has a well-formed one. */
export function keyFromFragment(hash: string): string | undefined {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get(fragmentKey) ?? undefined;
  return key !== undefined && keyPattern.test(key) ? key : undefined;
}

/**
 * The projector grant this device holds for a session: from the link it was opened with (then kept,
 * so the room PC survives a reload), or from an earlier visit. The join code is the session id.
 */
export function loadProjectorPass(code: string, hash: string, storage = defaultStorage()): ProjectorPass | undefined {
  const fromLink = keyFromFragment(hash);
  try {
    if (fromLink) storage?.setItem(storageKey(code), fromLink);
    const key = fromLink ?? storage?.getItem(storageKey(code)) ?? undefined;
    return key !== undefined && keyPattern.test(key) ? { sessionId: code, key } : undefined;
  } catch {
    return fromLink ? { sessionId: code, key: fromLink } : undefined;
  }
}

/** Drops a projector key the server no longer accepts (a facilitator issued a new one). */
export function forgetProjectorPass(code: string, storage = defaultStorage()): void {
  try {
    storage?.removeItem(storageKey(code));
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** The facilitator's copy of the current projector key, so the share panel can show the link again. */
const issuedKey = (code: string) => `runde:projector-issued:${code}`;

export function rememberIssuedProjectorKey(code: string, key: string, storage = defaultStorage()): void {
  try {
    storage?.setItem(issuedKey(code), key);
  } catch {
    // Without storage the link is shown until the page closes; a new one can be made any time.
  }
}

export function issuedProjectorKey(code: string, storage = defaultStorage()): string | undefined {
  try {
    const key = storage?.getItem(issuedKey(code)) ?? undefined;
    return key !== undefined && keyPattern.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}
