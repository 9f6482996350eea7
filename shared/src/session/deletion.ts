import type { ParticipantId } from '../core/participants.ts';
import type { KindState } from '../kinds.ts';

/**
 * Who may delete a session or team space with everything in it, at once: its facilitators. For a
 * team space that is the space's facilitators, not whoever runs a meeting; for a hall, its
 * organisers. A hall's table goes only with its hall: its host is a phone that happened to sit
 * down first, and a table deleted alone would leave the hall seating people at a table that is gone.
 */
export function mayDeleteSession(state: KindState, participantId: ParticipantId): boolean {
  if (state.kind === 'lean-coffee' && state.hall) return false;
  return state.participants.some((p) => p.id === participantId && p.role === 'facilitator');
}
