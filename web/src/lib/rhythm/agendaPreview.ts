import {
  autoAgenda,
  handledBetweenMeetings,
  type RoomKey,
  type TeamSpaceState,
  type Tension,
} from '@runde/shared/client';

/**
 * The agenda that builds for a room's next meeting, as the space page previews it: what
 * `meeting:start` puts on it by itself (`autoAgenda`, the same selector decide uses), and how many
 * other open tensions wait in the backlog (those handled between meetings left out).
 */
export function agendaPreview(
  state: TeamSpaceState,
  room: RoomKey,
  backlog: readonly Tension[],
): { auto: Tension[]; more: number } {
  const ids = autoAgenda(state, room);
  const auto = ids.flatMap((id) => state.tensions.find((tension) => tension.id === id) ?? []);
  const more = backlog.filter((tension) => !ids.includes(tension.id) && !handledBetweenMeetings(state, tension)).length;
  return { auto, more };
}
