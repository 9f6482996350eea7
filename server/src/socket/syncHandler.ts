import {
  ErrorCode,
  sessionEventFor,
  fail,
  succeed,
  syncRequestSchema,
  sessionTimer,
  sessionViewFor,
  type SyncResult,
} from '@runde/shared';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { spend } from '../limits/rateLimits.ts';
import type { TimerScheduler } from '../session/timerScheduler.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler } from './defineHandler.ts';

/**
 * `session:sync`: what a client missed since `sinceVersion`. Events while the log still reaches
 * back that far (cheap, and keeps the client's own state), a fresh snapshot otherwise or on first
 * contact (`sinceVersion` 0). Both are masked for the asking participant. What the store handed
 * out also tells this node's timer scheduler the session's current deadline (possibly set on
 * another node). Whole snapshots are the costliest answer, so each seat has a budget of them
 * (`snapshotLimiter`); a client over it hears `rate_limited` and asks again later. A snapshot
 * also tells until when the store keeps the session (what facilitators are shown).
 */
export function syncHandler(store: SessionStore, timers: TimerScheduler, snapshots: RateLimiterAbstract) {
  return defineHandler(
    syncRequestSchema,
    async ({ sinceVersion }, { sessionId, participantId }) => {
      // A projector's participantId is PROJECTOR_VIEWER_ID: it gets the uninvolved bystander's copy.
      const viewer = { participantId };
      if (sinceVersion > 0) {
        const missed = await store.eventsSince(sessionId, sinceVersion);
        if (missed) {
          timers.trackEvents(sessionId, missed);
          const result: SyncResult = {
            kind: 'events',
            events: missed.map(({ version, event }) => ({ version, event: sessionEventFor(event, viewer) })),
          };
          return succeed(result);
        }
      }
      if (!(await spend(snapshots, `${sessionId}:${participantId}`))) {
        return fail(ErrorCode.rateLimited, 'Too many full refreshes. Please wait a moment.');
      }
      const current = await store.load(sessionId);
      const expiresAt = current && (await store.expiresAt(sessionId));
      if (!current || expiresAt === null) return fail(ErrorCode.notFound, 'No such session.');
      timers.track(sessionId, sessionTimer(current.state));
      const result: SyncResult = {
        kind: 'snapshot',
        version: current.version,
        state: sessionViewFor(current.state, viewer),
        you: participantId,
        retention: { expiresAt, retentionMs: store.retentionFor(current.state.kind) },
      };
      return succeed(result);
    },
    { forProjector: true },
  );
}
