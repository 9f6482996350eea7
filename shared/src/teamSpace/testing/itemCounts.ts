import type { TeamSpaceState } from '../state.ts';

/**
 * How many items of each kind a team space holds, and which meeting runs: a merge of two seats
 * moves who is named, never what exists, so these are equal before and after one.
 */
export const itemCounts = (s: TeamSpaceState) => ({
  tensions: s.tensions.length,
  actions: s.actions.length,
  decisions: s.decisions.length,
  meetings: s.meetings.length,
  proposals: s.proposals.length,
  between: s.between.length,
  roles: s.register.roles.length,
  running: s.meeting?.id ?? null,
});
