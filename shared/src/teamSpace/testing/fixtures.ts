import { kindHarness, testContext } from '../../core/testing/kindHarness.ts';
import type { ParticipantId } from '../../core/participants.ts';
import { createTeamSpace } from '../decide.ts';
import { teamSpaceKind } from '../teamSpaceKind.ts';
import type { RoomKey } from '../state.ts';

/**
 * A team space to test against: facilitator `p1` ("Fee") and members `p2` ("Ana"), `p3` ("Ben"),
 * `p4` ("Cem"), all online. Commands go through `decideLoop`; `run` fails loudly on a refusal.
 */
export function teamSpace() {
  const ctx = testContext();
  const created = createTeamSpace({ id: 'TEAM23', title: 'Jugendhilfeplanung', facilitatorName: 'Fee' }, ctx);
  const harness = Object.assign(kindHarness(teamSpaceKind, created, ctx), {
    addTension(actor: ParticipantId, title: string, room: RoomKey, anonymous = false): string {
      const [event] = harness.run(actor, { type: 'tension:add', title, description: '', room, anonymous });
      if (event?.type !== 'tension:added') throw new Error('expected tension:added');
      return event.tension.id;
    },
    /** Starts a meeting of `room` and walks it to the tensions step. */
    meetingAtTensions(room: RoomKey) {
      harness.run('p1', { type: 'meeting:start', room });
      while (harness.state.meeting?.stage !== 'tensions') harness.run('p1', { type: 'meeting:advance' });
    },
  });
  for (const name of ['Ana', 'Ben', 'Cem'])
    harness.run('system', { type: 'participant:join', name, role: 'participant' });
  for (const id of ['p1', 'p2', 'p3', 'p4']) {
    harness.run('system', { type: 'participant:presence', participantId: id, online: true });
  }
  return harness;
}
