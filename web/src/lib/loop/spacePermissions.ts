import {
  canRecord,
  isSpaceFacilitator,
  mayChangeAction,
  mayReadTension,
  type ActionItem,
  type ParticipantId,
  type TeamSpaceState,
  type Tension,
} from '@runde/shared/client';

/*
 * Which buttons to show, by the same selectors the shared rules use (tensionRules.ts). The server
 * decides anyway; these only keep people from pressing what would be refused.
 */

/** Facilitators (and, in a meeting, the scribe) sort tensions into rooms. */
export function canSortTensions(state: TeamSpaceState, you: ParticipantId): boolean {
  return isSpaceFacilitator(state, you) || canRecord(state, you);
}

/** Whoever brought an open tension, or a facilitator, may edit or withdraw it while it is not on the table. */
export function canChangeTension(state: TeamSpaceState, you: ParticipantId, tension: Tension): boolean {
  if (tension.status !== 'open' || state.meeting?.currentTensionId === tension.id) return false;
  return tension.authorId === you || isSpaceFacilitator(state, you);
}

/** Editing needs the content too: nobody rewrites a personal tension they may not read. */
export function canEditTension(state: TeamSpaceState, you: ParticipantId, tension: Tension): boolean {
  return canChangeTension(state, you, tension) && mayReadTension(tension, you);
}

/** Its owner, a facilitator or the meeting's scribe may tick an action off (or reopen it): the shared rule. */
export function canSetActionStatus(state: TeamSpaceState, you: ParticipantId, action: ActionItem): boolean {
  return mayChangeAction(state, you, action);
}

/**
 * Rewording and reassigning: the same shared rule as ticking off, so an action's owner sees the
 * edit button the server would honour (it was facilitators and the scribe only here, while the
 * server let the owner edit too).
 */
export function canEditAction(state: TeamSpaceState, you: ParticipantId, action: ActionItem): boolean {
  return mayChangeAction(state, you, action);
}
