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
