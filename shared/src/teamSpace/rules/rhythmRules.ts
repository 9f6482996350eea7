import { ErrorCode } from '../../protocol/errors.ts';
import { limits } from '../../protocol/limits.ts';
import { maySetRhythm } from '../permissions.ts';
import type { IsoWeekday, RhythmEntry, SpaceRhythm } from '../rhythmTypes.ts';
import type { TeamSpaceState } from '../state.ts';
import { isKnownTimeZone } from '../timeZones.ts';
import {
  accept,
  forbidden,
  reject,
  type LoopCommandOf,
  type LoopDecideResult,
  type LoopRuleContext,
} from './results.ts';

const isIsoWeekday = (n: number): n is IsoWeekday => Number.isInteger(n) && n >= 1 && n <= 7;

export type RhythmRuleCommand = LoopCommandOf<'space:set-rhythm'>;

/**
 * `space:set-rhythm`: a facilitator sets the team's whole rhythm (recurring meetings, time zone,
 * objection window). An entry keeps the id it has in the rhythm now; a new one (or one naming an
 * id the rhythm does not have, or naming it twice) gets its id here, never from the client.
 */
export function decideRhythm(
  state: TeamSpaceState,
  command: RhythmRuleCommand,
  ctx: LoopRuleContext,
): LoopDecideResult {
  if (!maySetRhythm(state, ctx.actorId)) return forbidden('Only a facilitator may set the team’s rhythm.');
  // The schema caps these too; decide holds for callers that did not parse.
  if (command.meetings.length > limits.rhythmMeetings) {
    return reject(ErrorCode.limitReached, `A team meets in at most ${limits.rhythmMeetings} recurring meetings.`);
  }
  if (!isKnownTimeZone(command.timeZone)) return reject(ErrorCode.invalidPayload, 'Unknown time zone.');
  const weekdays = command.meetings.map((m) => m.weekday);
  if (!weekdays.every(isIsoWeekday)) return reject(ErrorCode.invalidPayload, 'A weekday is 1 (Monday) to 7 (Sunday).');
  const known = new Set(state.rhythm.meetings.map((m) => m.id));
  const used = new Set<string>();
  const meetings = command.meetings.map((input, i): RhythmEntry => {
    const id = input.id && known.has(input.id) && !used.has(input.id) ? input.id : ctx.newId('rhythm');
    used.add(id);
    return {
      id,
      room: input.room,
      repeat: input.repeat,
      weekday: weekdays[i] as IsoWeekday,
      time: input.time,
      durationMinutes: input.durationMinutes,
      startsOn: input.startsOn,
    };
  });
  const rhythm: SpaceRhythm = {
    timeZone: command.timeZone,
    meetings,
    objectionWindowDays: command.objectionWindowDays,
  };
  return accept({ type: 'space:rhythm-set', rhythm });
}
