import type { SystemCommand } from '../../protocol/commands.ts';
import type { LoopCommand } from '../../protocol/loopCommands.ts';
import { testContext } from '../../leanCoffee/testing/fixtures.ts';
import type { ParticipantId } from '../../leanCoffee/state.ts';
import { applyLoopAll, replayLoop } from '../apply.ts';
import { createTeamSpace, decideLoop, type LoopDecideResult } from '../decide.ts';
import type { LoopEvent } from '../events.ts';
import type { RoomKey } from '../state.ts';

/**
 * A team space to test against: facilitator `p1` ("Fee") and members `p2` ("Ana"), `p3` ("Ben"),
 * `p4` ("Cem"), all online. Commands go through `decideLoop`; `run` fails loudly on a refusal.
 */
export function teamSpace() {
  const ctx = testContext();
  const created = createTeamSpace({ id: 'TEAM23', title: 'Jugendhilfeplanung', facilitatorName: 'Fee' }, ctx);
  let state = replayLoop(created);
  const log: LoopEvent[] = [...created];

  const harness = {
    get state() {
      return state;
    },
    log,
    ctx,
    try(actor: ParticipantId | 'system', command: LoopCommand | SystemCommand): LoopDecideResult {
      ctx.tick();
      const result = decideLoop(state, command, {
        actor: actor === 'system' ? { kind: 'system' } : { kind: 'participant', id: actor },
        now: ctx.now,
        newId: ctx.newId,
      });
      if (result.ok) {
        state = applyLoopAll(state, result.events);
        log.push(...result.events);
      }
      return result;
    },
    run(actor: ParticipantId | 'system', command: LoopCommand | SystemCommand): LoopEvent[] {
      const result = harness.try(actor, command);
      if (!result.ok) throw new Error(`fixture command ${command.type} refused: ${result.error.code}`);
      return result.events;
    },
    addTension(actor: ParticipantId, title: string, room: RoomKey, anonymous = false): string {
      const [event] = harness.run(actor, { type: 'tension:add', title, description: '', room, anonymous });
      if (event?.type !== 'tension:added') throw new Error('expected tension:added');
      return event.tension.id;
    },
    /** Starts a meeting of `room` and walks it to the tensions step. */
    meetingAtTensions(room: RoomKey) {
      harness.run('p1', { type: 'meeting:start', room });
      while (state.meeting?.stage !== 'tensions') harness.run('p1', { type: 'meeting:advance' });
    },
  };
  for (const name of ['Ana', 'Ben', 'Cem'])
    harness.run('system', { type: 'participant:join', name, role: 'participant' });
  for (const id of ['p1', 'p2', 'p3', 'p4']) {
    harness.run('system', { type: 'participant:presence', participantId: id, online: true });
  }
  return harness;
}
