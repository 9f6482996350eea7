import { cleanUserText, limits, looksEmpty } from '@runde/shared';

/**
 * A name from the provider's claims as the app may show it: cleaned like a name typed in the join
 * form (controls and bidi overrides gone, one line, trimmed) and cut to a display name's length
 * (by code points, never splitting one), or '' when nothing would show. The provider is trusted to
 * say who someone is, not to be careful with what it lets its users call themselves.
 */
export function providerName(raw: string): string {
  // A hostile claim may be megabytes: only what could survive the cut is cleaned.
  const cleaned = cleanUserText(raw.slice(0, limits.displayName * 8), 'single');
  const bounded = Array.from(cleaned).slice(0, limits.displayName).join('').trim();
  return looksEmpty(bounded) ? '' : bounded;
}
