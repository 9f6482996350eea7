import type { ParticipantId, Viewer } from '../core/participants.ts';
import type { KindState } from '../kinds.ts';

/**
 * The viewer a projector grant's socket is: an id no participant ever has (participant ids are
 * random and prefixed), so every masking function treats it as an uninvolved bystander. It is
 * never the author of an anonymous topic, never a voter, never a reader of a personal room: what
 * it receives is exactly what a plain participant who did none of these things may see.
 */
export const PROJECTOR_VIEWER_ID: ParticipantId = '';
export const projectorViewer: Viewer = { participantId: PROJECTOR_VIEWER_ID };

/**
 * Who may issue (and by issuing again, revoke) the read-only projector grant of a session or team
 * space: its facilitators, and in a team space whoever facilitates the running meeting (they set up
 * the room). One predicate for the server's check and the share panel's button.
 */
export function mayGrantProjector(state: KindState, participantId: ParticipantId): boolean {
  if (participantId === PROJECTOR_VIEWER_ID) return false;
  if (state.participants.some((p) => p.id === participantId && p.role === 'facilitator')) return true;
  return state.kind === 'team-space' && state.meeting?.facilitatorId === participantId;
}
