import { limits } from '../protocol/limits.ts';
import type { ActionItem, Decision, TeamSpaceState, Tension } from './state.ts';

/**
 * Drops the oldest finished items beyond what a team space keeps, so its state (and every snapshot
 * of it) stays bounded however many years of meetings it has: minutes of the newest
 * {@link limits.meetingsKept} meetings, the newest closed tensions, done actions and decisions (each
 * keeps its stable `number`). Whatever the running meeting refers to stays,
 * and is trimmed once the meeting has ended. Pure and the same on every masked copy (masking never
 * changes status or order), so clients fold to the same lists as the server.
 */
export function keepRecentHistory(state: TeamSpaceState): TeamSpaceState {
  const meetings =
    state.meetings.length > limits.meetingsKept ? state.meetings.slice(-limits.meetingsKept) : state.meetings;
  const meetingId = state.meeting?.id;
  const inMeeting = new Set(state.meeting?.processed.map((p) => p.tensionId));
  const tensions = dropOldest(
    state.tensions,
    (t) => t.status !== 'open' && !inMeeting.has(t.id),
    limits.closedTensionsKept,
  );
  const actions = dropOldest(
    state.actions,
    (a) => a.status === 'done' && (meetingId === undefined || a.meetingId !== meetingId),
    limits.doneActionsKept,
  );
  // The running meeting's decisions stay: its minutes and `tension:closed` look them up.
  const decisions = dropOldest(state.decisions, (d) => d.meetingId !== meetingId, limits.decisionsKept);
  if (
    meetings === state.meetings &&
    tensions === state.tensions &&
    actions === state.actions &&
    decisions === state.decisions
  ) {
    return state;
  }
  return { ...state, meetings, tensions, actions, decisions };
}

/** The list without its first items matching `finished` beyond the newest `keep` of them. */
function dropOldest<T extends Tension | ActionItem | Decision>(
  list: T[],
  finished: (item: T) => boolean,
  keep: number,
): T[] {
  let count = 0;
  for (const item of list) if (finished(item)) count += 1;
  let excess = count - keep;
  if (excess <= 0) return list;
  return list.filter((item) => {
    if (excess > 0 && finished(item)) {
      excess -= 1;
      return false;
    }
    return true;
  });
}
