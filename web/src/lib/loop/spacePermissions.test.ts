import {
  applyLoopAll,
  createTeamSpace,
  decideLoop,
  replayLoop,
  type LoopCommand,
  type SystemCommand,
  type TeamSpaceState,
} from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { canChangeTension, canEditAction, canSetActionStatus, canSortTensions } from './spacePermissions.ts';

/** Facilitator `fee`, members `ana` and `ben`; commands go through the shared rules. */
function space() {
  let now = 1_700_000_000_000;
  let counter = 0;
  const ids = ['fee', 'ana', 'ben'];
  const newId = (kind: string) => (kind === 'participant' ? (ids.shift() ?? `x${counter}`) : `${kind}${++counter}`);
  let state: TeamSpaceState = replayLoop(
    createTeamSpace({ id: 'T', title: 'Team', facilitatorName: 'Fee' }, { now, newId }),
  );
  const run = (actor: string, command: LoopCommand | SystemCommand) => {
    now += 1000;
    const result = decideLoop(state, command, {
      actor: actor === 'system' ? { kind: 'system' } : { kind: 'participant', id: actor },
      now,
      newId,
    });
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
    state = applyLoopAll(state, result.events);
  };
  run('system', { type: 'participant:join', name: 'Ana', role: 'participant' });
  run('system', { type: 'participant:join', name: 'Ben', role: 'participant' });
  for (const id of ['fee', 'ana', 'ben'])
    run('system', { type: 'participant:presence', participantId: id, online: true });
  return {
    run,
    get state() {
      return state;
    },
  };
}

describe('permissions', () => {
  it('lets authors and facilitators change an open tension, nobody else', () => {
    const s = space();
    s.run('ana', { type: 'tension:add', title: 'Post', description: '', room: 'operational', anonymous: false });
    const tension = s.state.tensions[0]!;
    expect(canChangeTension(s.state, 'ana', tension)).toBe(true);
    expect(canChangeTension(s.state, 'fee', tension)).toBe(true);
    expect(canChangeTension(s.state, 'ben', tension)).toBe(false);
    s.run('ana', { type: 'tension:withdraw', tensionId: tension.id });
    expect(canChangeTension(s.state, 'ana', s.state.tensions[0]!)).toBe(false);
  });

  it('lets only facilitators, and a meeting’s scribe, sort tensions and edit actions', () => {
    const s = space();
    expect(canSortTensions(s.state, 'fee')).toBe(true);
    expect(canSortTensions(s.state, 'ana')).toBe(false);
    s.run('fee', { type: 'meeting:start', room: 'operational' });
    s.run('fee', { type: 'meeting:assign-role', role: 'scribe', participantId: 'ben' });
    expect(canSortTensions(s.state, 'ben')).toBe(true);
  });

  it('shows action controls exactly to whom the shared rules let change the action, its owner included', () => {
    const s = space();
    s.run('ana', { type: 'tension:add', title: 'Drucker', description: '', room: 'operational', anonymous: false });
    s.run('fee', { type: 'meeting:start', room: 'operational' });
    s.run('fee', { type: 'meeting:assign-role', role: 'scribe', participantId: 'ben' });
    while (s.state.meeting?.stage !== 'tensions') s.run('fee', { type: 'meeting:advance' });
    s.run('fee', { type: 'tension:start', tensionId: s.state.tensions[0]!.id });
    s.run('fee', {
      type: 'tension:outcome',
      outcome: { type: 'next-action', text: 'Anrufen', ownerId: 'ana', ownerName: null, due: null },
    });
    const during = s.state;
    s.run('fee', { type: 'tension:close', gotWhatNeeded: true });
    s.run('fee', { type: 'meeting:end' });
    const after = s.state;
    // The owner may edit (the drift this test was written for: the page hid the button from her).
    expect(canEditAction(after, 'ana', after.actions[0]!)).toBe(true);
    for (const state of [during, after]) {
      const action = state.actions[0]!;
      for (const actor of ['fee', 'ana', 'ben']) {
        const update = {
          type: 'action:update' as const,
          actionId: action.id,
          text: 'Zurückrufen',
          ownerId: null,
          ownerName: null,
          due: null,
        };
        const allowed = decideLoop(state, update, {
          actor: { kind: 'participant', id: actor },
          now: 1,
          newId: () => 'x',
        }).ok;
        expect({ actor, meeting: !!state.meeting, edit: canEditAction(state, actor, action) }).toEqual({
          actor,
          meeting: !!state.meeting,
          edit: allowed,
        });
        const status = { type: 'action:set-status' as const, actionId: action.id, status: 'done' as const };
        const toggles = decideLoop(state, status, {
          actor: { kind: 'participant', id: actor },
          now: 1,
          newId: () => 'x',
        }).ok;
        expect(canSetActionStatus(state, actor, action)).toBe(toggles);
      }
    }
  });

  it('lets an action’s owner tick it off', () => {
    const s = space();
    const action = {
      id: 'a1',
      kind: 'next-action' as const,
      text: 'Anrufen',
      ownerId: 'ana',
      ownerName: 'Ana',
      due: null,
      status: 'open' as const,
      tensionId: null,
      meetingId: null,
      createdAt: 0,
    };
    expect(canSetActionStatus(s.state, 'ana', action)).toBe(true);
    expect(canSetActionStatus(s.state, 'fee', action)).toBe(true);
    expect(canSetActionStatus(s.state, 'ben', action)).toBe(false);
  });
});
