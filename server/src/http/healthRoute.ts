import type { RequestHandler } from 'express';
import type { SessionStore } from '../store/sessionStore.ts';

/** `GET /healthz`: 200 while the store answers, 503 otherwise, so a load balancer stops sending traffic. */
export function healthRoute(store: SessionStore): RequestHandler {
  return async (_req, res) => {
    const ok = await store.ping();
    res.setHeader('Cache-Control', 'no-store');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', store: store.kind });
  };
}
