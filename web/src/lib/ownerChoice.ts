/** What an action says about who does it and by when, as the commands carry it. */
export interface Owned {
  ownerId: string | null;
  ownerName: string | null;
  due: string | null;
}

/**
 * The owner and due-date fields while they are edited: `owner` is the select's value, a
 * participant id, '' for nobody, or {@link OTHER_OWNER} for someone named in `ownerName`.
 */
export interface OwnerDraft {
  owner: string;
  ownerName: string;
  due: string;
}

/** The select's value for someone who is not in the session, typed in by name. */
export const OTHER_OWNER = '__other';

export function ownerDraft(item?: Owned): OwnerDraft {
  return {
    owner: item?.ownerId ?? (item?.ownerName ? OTHER_OWNER : ''),
    ownerName: item?.ownerId ? '' : (item?.ownerName ?? ''),
    due: item?.due ?? '',
  };
}

export function owned(draft: OwnerDraft): Owned {
  const named = draft.owner === OTHER_OWNER;
  return {
    ownerId: draft.owner && !named ? draft.owner : null,
    ownerName: named && draft.ownerName.trim() ? draft.ownerName.trim() : null,
    due: draft.due || null,
  };
}
