import type { RoomKey } from '@runde/shared/client';
import { t } from '$lib/i18n/i18n.svelte';
import type { SpaceClient } from '$lib/spaceClient.svelte';

/** The team's own name for a room, else the usual name in the reader's language. */
export function roomName(space: Pick<SpaceClient, 'customRoomName'>, room: RoomKey): string {
  return space.customRoomName(room) ?? t(`loop.rooms.${room}`);
}
