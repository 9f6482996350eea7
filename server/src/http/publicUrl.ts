import { kinds, type SessionKind } from '@runde/shared';
import type { Request } from 'express';

/**
 * The origin links are built from: the configured PUBLIC_URL, else the origin the request came to
 * (right for local use and for a proxy that passes Host through). That Host has already passed
 * `hostGuard`: it is a loopback name or one the operator listed, never one a client made up.
 */
export function publicUrlFor(req: Request, configured: string | undefined): string {
  if (configured) return configured;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * The two links a new session's facilitator gets, for any kind: the one to share, and their own,
 * whose key sits in the fragment so it never reaches a server log or a Referer header.
 */
export function sessionLinks(
  base: string,
  kind: SessionKind,
  code: string,
  key: string,
): { joinUrl: string; facilitatorUrl: string } {
  const { paths } = kinds[kind];
  return { joinUrl: `${base}${paths.join(code)}`, facilitatorUrl: `${base}${paths.page(code)}/facilitate#key=${key}` };
}
