import {
  ErrorCode,
  fail,
  mayGrantProjector,
  projectorGrantRequestSchema,
  succeed,
  type ProjectorGrant,
} from '@runde/shared';
import { hashSecret } from '../ids.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { defineHandler } from './defineHandler.ts';

export interface ProjectorGrantDeps {
  store: SessionStore;
  newSecret: () => string;
  /** Disconnects every projector of the session, on every node: the key they hold no longer works. */
  onRevoked: (sessionId: string) => void;
}

/**
 * `projector:grant`: a facilitator gets a new read-only projector key for the room's PC. Only its
 * hash is stored (like seat tokens); the key itself travels once, in this ack, and from there only
 * in the projector link's fragment, never in a URL the server sees. Issuing a key replaces the one
 * before, so this is also how a facilitator revokes a projector link that went too far.
 */
export function projectorGrantHandler({ store, newSecret, onRevoked }: ProjectorGrantDeps) {
  return defineHandler(projectorGrantRequestSchema, async (_payload, { sessionId, participantId }) => {
    const current = await store.load(sessionId);
    if (!current) return fail(ErrorCode.notFound, 'No such session.');
    if (!mayGrantProjector(current.state, participantId)) {
      return fail(ErrorCode.forbidden, 'Only a facilitator may hand out the projector link.');
    }
    const key = newSecret();
    if (!(await store.setProjectorKey(sessionId, hashSecret(key)))) return fail(ErrorCode.notFound, 'No such session.');
    onRevoked(sessionId);
    return succeed<ProjectorGrant>({ key });
  });
}
