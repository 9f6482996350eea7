import type { DecideContext } from '../core/decision.ts';
import type { ParticipantId } from '../core/participants.ts';
import { timerTransition, type TimerCommand } from '../core/timer.ts';
import type { HallCommand } from '../protocol/hallCommands.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { hallAccept, hallRefuse, type HallDecision } from './hallDecision.ts';
import type { HallEvent } from './hallEvents.ts';
import { hallPhaseRefusal, mayOrganiseHall } from './hallPermissions.ts';
import type { HallState } from './hallState.ts';

type RhythmCommand = Extract<HallCommand, { type: 'hall:phase' | 'hall:announce' | `timer:${string}` }>;

/** The hall timer's transition as an event, or why it is refused (the rules every kind's timer follows). */
function hallTimer(state: HallState, command: TimerCommand, now: number): HallDecision {
  const transition = timerTransition(state.timer, command, now);
  if (!transition.ok) return hallRefuse({ code: transition.code, message: transition.message });
  return transition.next ? hallAccept({ type: 'timer:set', ...transition.next }) : hallAccept();
}

/**
 * The hall's rhythm, which every table follows: its phase, its timer, its announcements. Only
 * organisers lead it; `timer:expire` may come from any device (the server's clock decides).
 */
export function decideHallRhythm(
  state: HallState,
  command: RhythmCommand,
  ctx: DecideContext,
  actorId: ParticipantId | null,
): HallDecision {
  if (command.type === 'timer:expire') return hallTimer(state, command, ctx.now);
  if (actorId === null) return hallRefuse({ code: ErrorCode.forbidden, message: 'An organiser must send this.' });
  switch (command.type) {
    case 'hall:phase': {
      const refusal = hallPhaseRefusal(state, actorId);
      if (refusal) return hallRefuse(refusal);
      const events: HallEvent[] = command.to === state.phase ? [] : [{ type: 'hall:phase-changed', phase: command.to }];
      // A phase with minutes starts the hall timer; one without stops a timer the last phase left running.
      const timer: TimerCommand =
        command.minutes === undefined ? { type: 'timer:reset' } : { type: 'timer:start', minutes: command.minutes };
      const timed = hallTimer(state, timer, ctx.now);
      return timed.ok ? hallAccept(...events, ...timed.events) : timed;
    }
    case 'hall:announce':
      if (!mayOrganiseHall(state, actorId)) {
        return hallRefuse({ code: ErrorCode.forbidden, message: 'Only an organiser announces.' });
      }
      return hallAccept({
        type: 'hall:announced',
        announcement: { id: ctx.newId('announcement'), text: command.text, at: ctx.now },
      });
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:add':
    case 'timer:reset':
      if (!mayOrganiseHall(state, actorId)) {
        return hallRefuse({ code: ErrorCode.forbidden, message: 'Only an organiser runs the hall timer.' });
      }
      return hallTimer(state, command, ctx.now);
  }
}
