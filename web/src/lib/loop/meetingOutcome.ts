import type { SyncOutcomeType } from '@runde/shared/client';

/** What the outcome form holds while someone types; one set of fields for every type. */
export interface OutcomeDraft {
  type: SyncOutcomeType;
  note: string;
  text: string;
  /** A member's id, `''` for nobody yet, or `other` for a free name. */
  owner: string;
  ownerName: string;
  /** `yyyy-mm-dd` from `<input type=date>`, or `''`. */
  due: string;
}

/** The owner select's value for "someone who is not a member". */
export const otherOwner = '__other';

export type OutcomeInput =
  | { type: 'information' | 'help' | 'sharing'; note: string }
  | {
      type: 'next-action' | 'project';
      text: string;
      ownerId: string | null;
      ownerName: string | null;
      due: string | null;
    }
  | { type: 'to-governance' };

export function emptyDraft(type: SyncOutcomeType = 'information'): OutcomeDraft {
  return { type, note: '', text: '', owner: '', ownerName: '', due: '' };
}

/** Whether this type records an action with an owner. */
export function isActionType(type: SyncOutcomeType): type is 'next-action' | 'project' {
  return type === 'next-action' || type === 'project';
}

/** Whether this type takes a note. */
export function hasNote(type: SyncOutcomeType): type is 'information' | 'help' | 'sharing' {
  return type === 'information' || type === 'help' || type === 'sharing';
}

/**
 * The `tension:outcome` payload for a draft: only the fields its type takes, trimmed, with blanks
 * as `null`. Only a next action asks for a due date; a project runs until it is done.
 */
export function outcomeInput(draft: OutcomeDraft): OutcomeInput {
  if (hasNote(draft.type)) return { type: draft.type, note: draft.note.trim() };
  if (!isActionType(draft.type)) return { type: 'to-governance' };
  const other = draft.owner === otherOwner;
  return {
    type: draft.type,
    text: draft.text.trim(),
    ownerId: draft.owner && !other ? draft.owner : null,
    ownerName: other && draft.ownerName.trim() ? draft.ownerName.trim() : null,
    due: draft.due || null,
  };
}

/** Whether the draft can be sent: actions need their text, a free owner needs a name. */
export function draftComplete(draft: OutcomeDraft): boolean {
  if (!isActionType(draft.type)) return true;
  return draft.text.trim() !== '' && (draft.owner !== otherOwner || draft.ownerName.trim() !== '');
}
