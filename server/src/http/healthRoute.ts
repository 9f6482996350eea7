import type { RequestHandler } from 'express';
import type { SessionStore } from '../store/sessionStore.ts';

/**
 * `GET /healthz`, liveness: the process runs and its event loop answers. It asks nothing of Redis
 * on purpose: an orchestrator restarts a node whose liveness fails, and restarting every node
 * because Redis blinked would turn a short outage into a long one.
 */
export function livenessRoute(): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).json({ status: 'ok' });
  };
}

/**
 * `GET /readyz`, readiness: 200 while the store answers and the node is not shutting down, 503
 * otherwise, so a load balancer sends new connections elsewhere without restarting anything.
 */
export function readinessRoute(store: SessionStore, draining: () => boolean): RequestHandler {
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (draining()) {
      res.status(503).json({ status: 'draining', store: store.kind });
      return;
    }
    const ok = await store.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', store: store.kind });
  };
}
