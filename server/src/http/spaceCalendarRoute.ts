import { createHash } from 'node:crypto';
import { kinds } from '@runde/shared';
import { Router, type RequestHandler } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SessionStore } from '../store/sessionStore.ts';
import { notFound, sendError } from './httpErrors.ts';
import { publicUrlFor } from './publicUrl.ts';
import { limitByIp, refund } from './rateLimit.ts';
import { sessionIdFrom } from './requestParts.ts';
import { spaceCalendar } from './spaceCalendar.ts';

export interface SpaceCalendarRouteDeps {
  store: Pick<SessionStore, 'load'>;
  clock: () => number;
  publicUrl: string | undefined;
  /** The code routes' budget of lookups that found nothing, per address. */
  failedLookup: RateLimiterAbstract;
}

/**
 * Calendar clients ask every few minutes to hours; five minutes in any cache keeps a team that just
 * moved its meeting waiting briefly. `private`: the URL holds the join code, no shared cache keeps it.
 */
const CACHE_CONTROL = 'private, max-age=300';

/**
 * `GET /api/spaces/:code/calendar.ics[?download=1]`: the team space's rhythm as iCalendar, for a
 * calendar subscription (webcal://) or, with `download=1`, as a file `runde-<code>.ics`. Codes that
 * find no team space (none at all, or a Lean Coffee's or a hall's) get the same 404 and count as
 * failed lookups, like the other routes by code. The ETag covers what the feed is made of, so a
 * client polling an unchanged rhythm gets 304.
 */
export function spaceCalendarRoute(deps: SpaceCalendarRouteDeps): Router {
  const router = Router();
  const feed: RequestHandler = async (req, res) => {
    const code = sessionIdFrom(req, res, 'team space');
    if (!code) return;
    const stored = await deps.store.load(code);
    if (stored?.state.kind !== 'team-space') {
      sendError(res, notFound('team space'));
      return;
    }
    await refund(deps.failedLookup, req);
    const { state } = stored;
    const joinUrl = `${publicUrlFor(req, deps.publicUrl)}${kinds['team-space'].paths.join(code)}`;
    const etag = `"${createHash('sha256')
      .update(JSON.stringify([state.title, state.roomNames, state.rhythm, joinUrl]))
      .digest('base64url')
      .slice(0, 27)}"`;
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.setHeader('ETag', etag);
    if (req.query.download === '1') {
      res.setHeader('Content-Disposition', `attachment; filename="runde-${code}.ics"`);
    }
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type('text/calendar; charset=utf-8');
    res.send(spaceCalendar({ state, code, joinUrl, now: deps.clock() }));
  };
  router.get('/spaces/:code/calendar.ics', limitByIp(deps.failedLookup), feed);
  return router;
}
