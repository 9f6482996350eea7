import {
  applyLoopAll,
  initialTeamSpace,
  teamSpaceTimer,
  type LoopEvent,
  type TeamSpaceState,
  type SessionFold,
} from '@runde/shared/client';

/** A team space's replica folds with the LOOP rules only; the Lean Coffee ones never reach this phone. */
export const teamSpaceFold: SessionFold<TeamSpaceState> = {
  start: (first) => (first.type === 'space:created' ? initialTeamSpace(first) : null),
  applyAll: (state, events) => applyLoopAll(state, events as LoopEvent[]),
  timerOf: teamSpaceTimer,
};
