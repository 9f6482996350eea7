import {
  findTension,
  isMember,
  loopViewFor,
  mayMergeMembers,
  teamSpacePermission,
  type LoopCommand,
  type TeamSpaceState,
} from '@runde/shared/client';
import { teamSpaceWalk, walkPermissions } from '@runde/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  canChangeTension,
  canEditAction,
  canEditTension,
  canSetActionStatus,
  canSortTensions,
} from './spacePermissions.ts';

/**
 * What the space's controls answer for each command they send: the page's own names where it
 * has them, the shared predicate for the rest. A rule restated here (the action owner's edit
 * button was hidden by one) makes `decideLoop` and this answer disagree.
 */
function pageAnswer(state: TeamSpaceState, you: string, command: LoopCommand): boolean {
  if (!isMember(state, you)) return false;
  switch (command.type) {
    case 'tension:assign-room':
    case 'tension:set-shareable':
      return canSortTensions(state, you);
    case 'tension:edit':
    case 'tension:withdraw': {
      const tension = findTension(state, command.tensionId);
      if (!tension) return false;
      return command.type === 'tension:edit'
        ? canEditTension(state, you, tension)
        : canChangeTension(state, you, tension);
    }
    case 'action:update':
    case 'action:set-status': {
      const action = state.actions.find((a) => a.id === command.actionId);
      if (!action) return false;
      return command.type === 'action:update'
        ? canEditAction(state, you, action)
        : canSetActionStatus(state, you, action);
    }
    case 'space:merge-members':
      // The merge dialog asks the device's own copy, masked for it: it must answer as decideLoop does.
      return mayMergeMembers(loopViewFor(state, { participantId: you }), you, command.from, command.into);
    default:
      return teamSpacePermission(state, you, command);
  }
}

describe('the space page’s permissions', () => {
  it('agree with decideLoop over generated spaces, meetings and actors', () => {
    const coverage = walkPermissions(teamSpaceWalk(pageAnswer));
    expect(coverage.get('action:update')).toMatchObject({ yes: expect.any(Number), no: expect.any(Number) });
    expect(coverage.get('space:merge-members')).toMatchObject({ yes: expect.any(Number), no: expect.any(Number) });
  }, 60_000);
});
