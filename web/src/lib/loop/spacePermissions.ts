/*
 * Which buttons the space shows: the shared predicates `decideLoop` asks (shared/src/teamSpace/permissions.ts),
 * under the names the space's components use. Nothing is decided here; spacePermissions.property.test.ts
 * walks these names against `decideLoop`, so a rule restated here would fail it.
 */
export {
  /** Facilitators (and, in a meeting, the scribe) sort tensions into rooms. */
  maySortTensions as canSortTensions,
  /** Whoever brought an open tension, or a facilitator, may withdraw it while it is not on the table. */
  mayChangeTension as canChangeTension,
  /** Editing needs the content too: nobody rewrites a personal tension they may not read. */
  mayEditTension as canEditTension,
  /** Its owner, a facilitator or the meeting's scribe may tick an action off (or reopen it). */
  mayChangeAction as canSetActionStatus,
  /** Rewording and reassigning: the same rule as ticking off (the owner included). */
  mayChangeAction as canEditAction,
} from '@runde/shared/client';
