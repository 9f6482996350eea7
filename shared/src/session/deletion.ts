import type { ParticipantId } from '../core/participants.ts';
import type { KindState } from '../kinds.ts';

/**
 * Who may delete a session or team space with everything in it, at once: its facilitators. For a
 * team space that is the space's facilitators, not whoever runs a meeting.
 */
export function mayDeleteSession(state: KindState, participantId: ParticipantId): boolean {
  return state.participants.some((p) => p.id === participantId && p.role === 'facilitator');
}
