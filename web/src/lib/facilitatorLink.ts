const keyFor = (code: string) => `runde:facilitator-link:${code}`;

/**
 * Hands the secret facilitator link from the start page to the board, which shows it once. Kept
 * in this tab's sessionStorage only, never in localStorage: the link is a key to the session.
 */
export function rememberFacilitatorLink(code: string, url: string): void {
  try {
    sessionStorage.setItem(keyFor(code), url);
  } catch {
    // Without storage the board cannot show the link; the session itself is unaffected.
  }
}

/** Returns the link once and forgets it. */
export function takeFacilitatorLink(code: string): string | undefined {
  try {
    const url = sessionStorage.getItem(keyFor(code)) ?? undefined;
    sessionStorage.removeItem(keyFor(code));
    return url;
  } catch {
    return undefined;
  }
}
