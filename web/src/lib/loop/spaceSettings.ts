import { limits, roomKeys, type KindCommandInput, type RoomKey, type TeamSpaceState } from '@runde/shared/client';

/** The longest custom room name `space:update` accepts (its schema's limit). */
export const roomNameMax = limits.roomName;
/** How many checklist items and metrics `space:update` accepts (its schema's limits, equal today). */
export const listItemsMax = Math.min(limits.checklistItems, limits.metrics);

/** What the space settings form edits; an empty room name keeps the default name. */
export interface SpaceSettingsForm {
  title: string;
  roomNames: Record<RoomKey, string>;
  checklist: string[];
  metrics: string[];
}

export function spaceSettingsForm(state: TeamSpaceState | null): SpaceSettingsForm {
  return {
    title: state?.title ?? '',
    roomNames: Object.fromEntries(roomKeys.map((room) => [room, state?.roomNames[room] ?? ''])) as Record<
      RoomKey,
      string
    >,
    checklist: [...(state?.checklist ?? [])],
    metrics: [...(state?.metrics ?? [])],
  };
}

const cleanList = (items: readonly string[]) => items.map((item) => item.trim()).filter((item) => item !== '');

/** The `space:update` payload for a form: trimmed, blank room names back to the default, blank items dropped. */
export function spaceSettingsUpdate(form: SpaceSettingsForm): KindCommandInput<'space:update'> {
  return {
    title: form.title.trim(),
    roomNames: Object.fromEntries(roomKeys.map((room) => [room, form.roomNames[room].trim() || null])),
    checklist: cleanList(form.checklist),
    metrics: cleanList(form.metrics),
  };
}

/** Whether the form differs from the space as it is, after the same clean-up the save applies. */
export function spaceSettingsChanged(form: SpaceSettingsForm, state: TeamSpaceState | null): boolean {
  return JSON.stringify(spaceSettingsUpdate(form)) !== JSON.stringify(spaceSettingsUpdate(spaceSettingsForm(state)));
}
